import { LEGACY_REGION } from './store';

/**
 * Shard iterators: opaque Base64 tokens the engine can verify. A token names the stream's region and
 * the stream (and its
 * creation time, so an iterator of a deleted stream does not read a new one of the same name), the
 * shard, a position (`>=` or `>` a sequence number) and when it was issued; a checksum rejects
 * tokens that were not made here.
 */

export interface IteratorPosition {
  /** The region of the stream: an iterator reads only there. */
  region: string;
  streamName: string;
  streamCreatedAt: number;
  shardId: string;
  /** true: records with SequenceNumber > seq; false: >= seq. */
  after: boolean;
  seq: string;
  issuedAt: number;
}

const SECRET = 'kinesis-workshop-console';

const fnv1a = (s: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
};

export const encodeIterator = (p: IteratorPosition): string => {
  const body = `2|${p.issuedAt}|${p.region}|${p.streamName}|${p.streamCreatedAt}|${p.shardId}|${p.after ? '>' : '='}${p.seq}`;
  // Stream names and shard ids are ASCII, so btoa's Latin-1 view is exact.
  return btoa(`${body}|${fnv1a(SECRET + body)}`);
};

/** The position, or undefined when the token was not made by encodeIterator. */
export const decodeIterator = (token: string): IteratorPosition | undefined => {
  let text: string;
  try {
    text = atob(token);
  } catch {
    return undefined;
  }
  const cut = text.lastIndexOf('|');
  if (cut < 0) return undefined;
  const body = text.slice(0, cut);
  if (fnv1a(SECRET + body) !== text.slice(cut + 1)) return undefined;
  const parts = body.split('|');
  // Version 1 had no region (issued before streams were scoped per region): read as LEGACY_REGION.
  if (parts[0] === '1' && parts.length === 6) parts.splice(2, 0, LEGACY_REGION);
  else if (parts[0] !== '2' || parts.length !== 7) return undefined;
  const pos = parts[6];
  return {
    issuedAt: Number(parts[1]),
    region: parts[2],
    streamName: parts[3],
    streamCreatedAt: Number(parts[4]),
    shardId: parts[5],
    after: pos[0] === '>',
    seq: pos.slice(1),
  };
};
