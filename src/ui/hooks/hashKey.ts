import { useMemo } from 'react';
// The hash key space of a stream, 0 .. 2^128 - 1, and MD5 are the engine's, so the console and the service agree.
import { MAX_HASH_KEY, POW_128 as HASH_SPACE } from '../../engine/kinesis/store/hashkeys';
import { md5Hex as engineMd5Hex } from '../../engine/kinesis/store/md5';

export interface HashKeyInfo {
  /** MD5 of the partition key's UTF-8 bytes, 32 hex digits. */
  md5Hex: string;
  /** The same 128 bits read as a big-endian unsigned integer: the record's hash key. */
  decimal: string;
}

/** How Kinesis maps a partition key to a hash key (Kinesis docs, PutRecord: "MD5 hash function ... 128-bit integer"). */
export const md5HashKey = (partitionKey: string): HashKeyInfo => {
  const md5Hex = engineMd5Hex(partitionKey);
  return { md5Hex, decimal: BigInt(`0x${md5Hex}`).toString() };
};

/** A decimal hash key as AWS accepts it (ExplicitHashKey, NewStartingHashKey): digits only, within 0..2^128-1. */
export const parseHashKey = (s: string): bigint | undefined => {
  if (!/^\d{1,39}$/.test(s.trim())) return undefined;
  const v = BigInt(s.trim());
  return v <= MAX_HASH_KEY ? v : undefined;
};

/** A shard's range as the SDK types it (both ends are always present in answers). */
export interface HashRange {
  StartingHashKey?: string;
  EndingHashKey?: string;
}

const ends = (r: HashRange): [bigint, bigint] => [BigInt(r.StartingHashKey ?? '0'), BigInt(r.EndingHashKey ?? '-1')];

export const inRange = (key: bigint, r: HashRange): boolean => {
  const [a, b] = ends(r);
  return a <= key && key <= b;
};

/** The shard (among the given ones) whose range holds the key. */
export const shardForHashKey = <S extends { HashKeyRange?: HashRange }>(shards: readonly S[], key: bigint): S | undefined =>
  shards.find((s) => s.HashKeyRange && inRange(key, s.HashKeyRange));

/** The default NewStartingHashKey for splitting a shard in two equal halves. */
export const midpoint = (r: HashRange): string => {
  const [a, b] = ends(r);
  return (a + (b - a + 1n) / 2n).toString();
};

/** Where a range sits in the hash space, as percentages (for the bar): left edge and width. */
export const rangeSlice = (r: HashRange): { left: number; width: number } => {
  const [a, b] = ends(r);
  const scale = 1_000_000n;
  return {
    left: Number((a * scale) / HASH_SPACE) / 10_000,
    width: Number(((b - a + 1n) * scale) / HASH_SPACE) / 10_000,
  };
};

/** Position of a single key in the hash space, as a percentage. */
export const keyPosition = (key: bigint): number => Number((key * 1_000_000n) / HASH_SPACE) / 10_000;

/** Hash key of a partition key (or an explicit hash key), computed as the service does. */
export const useHashKey = (partitionKey: string, explicitHashKey?: string) =>
  useMemo(() => {
    const md5 = partitionKey ? md5HashKey(partitionKey) : undefined;
    const explicit = explicitHashKey ? parseHashKey(explicitHashKey) : undefined;
    return { md5, explicit, key: explicit ?? (md5 ? BigInt(md5.decimal) : undefined) };
  }, [partitionKey, explicitHashKey]);
