/**
 * Sequence numbers: 56-digit decimal strings, `49` + the shard's creation time (13 digits, ms)
 * + the shard's index (9 digits) + a per-shard counter (32 digits). Fixed width, so string order is
 * numeric order; the prefix lets GetShardIterator check that a number belongs to the shard (the idea
 * kinesalite uses, encoded our own way).
 */

const Z32 = '00000000000000000000000000000000';
const NINES = '99999999999999999999999999999999';

const pad = (n: number, width: number): string => {
  const s = String(n);
  return s.length >= width ? s : Z32.slice(0, width - s.length) + s;
};

export const seqPrefix = (createdAt: number, shardIndex: number): string => '49' + pad(createdAt, 13) + pad(shardIndex, 9);

export const seqOf = (prefix: string, counter: number): string => {
  const s = String(counter);
  return prefix + Z32.slice(s.length) + s;
};

/** Greater than every sequence number the shard can issue: a closed shard's EndingSequenceNumber. */
export const endingSeq = (prefix: string): string => prefix + NINES;

/** The counter part of a sequence number of this format. */
export const counterOf = (seq: string): number => Number(seq.slice(24));

export interface ParsedSeq {
  createdAt: number;
  shardIndex: number;
}

const SEQ = /^49(\d{13})(\d{9})\d{32}$/;

export const parseSeq = (seq: string): ParsedSeq | undefined => {
  const m = SEQ.exec(seq);
  return m ? { createdAt: Number(m[1]), shardIndex: Number(m[2]) } : undefined;
};
