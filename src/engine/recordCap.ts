import type { KinesisStore } from './kinesis/store/store';
import { seekTime, trimBefore } from './kinesis/store/log';

const MiB = 1024 * 1024;
/** The cap on record bytes an emulator starts with, in the browser and in the Node server alike. */
export const DEFAULT_RECORD_CAP = 256 * MiB;
export const MIN_RECORD_CAP = MiB;
/** Over the cap, records go until this share of it is left, so a steady writer is trimmed in batches. */
export const CAP_LOW_WATER = 0.9;

export const formatBytes = (n: number): string =>
  n >= 1024 * MiB ? `${+(n / (1024 * MiB)).toFixed(2)} GiB` : n >= MiB ? `${+(n / MiB).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} bytes`;

/** What the emulator holds in records, counted as AWS counts a record: data bytes + partition key bytes. */
export interface RecordUsage {
  streams: number;
  shards: number;
  records: number;
  bytes: number;
}

/** Records trimmed to honour a cap, and the arrival time of the newest one dropped. */
export interface CapTrim {
  records: number;
  bytes: number;
  /** Records that arrived before this time are gone (epoch ms); 0 when nothing was trimmed. */
  before: number;
  /** What is left (counted once for the check, so a caller need not count again). */
  usage: RecordUsage;
}

/** Live records across every stream, retention applied first. */
export const recordUsage = (store: KinesisStore): RecordUsage => {
  store.sweep();
  const u: RecordUsage = { streams: 0, shards: 0, records: 0, bytes: 0 };
  for (const s of store.streams.values()) {
    u.streams++;
    for (const sh of s.Shards) {
      u.shards++;
      const log = sh._log;
      u.records += log.size.length - log.head;
      for (let i = log.head; i < log.size.length; i++) u.bytes += log.size[i];
    }
  }
  return u;
};

/**
 * Over `maxBytes`, drops the oldest records of the whole emulator (by arrival time, across every
 * shard, the way retention drops them) until at most `keepBytes` remain. Nothing happens at or
 * under the cap, so a steady writer is trimmed in batches rather than on every call.
 */
export const trimToCap = (store: KinesisStore, maxBytes: number, keepBytes = maxBytes): CapTrim => {
  const usage = recordUsage(store);
  if (usage.bytes <= maxBytes) return { records: 0, bytes: 0, before: 0, usage };
  // Per shard: arrival times and sizes from the head, with suffix sums of the bytes.
  const logs = [...store.streams.values()].flatMap((s) => s.Shards.map((sh) => sh._log)).filter((l) => l.head < l.at.length);
  const suffix = logs.map((log) => {
    const n = log.size.length - log.head;
    const sums = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) sums[i] = sums[i + 1] + log.size[log.head + i];
    return sums;
  });
  // Bytes left when every record that arrived before `t` goes.
  const keptFrom = (t: number): number => {
    let kept = 0;
    logs.forEach((log, k) => (kept += suffix[k][seekTime(log, t) - log.head]));
    return kept;
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (const log of logs) {
    lo = Math.min(lo, log.at[log.head]);
    hi = Math.max(hi, log.at[log.at.length - 1] + 1);
  }
  // The earliest cutoff that keeps no more than `keepBytes` (keptFrom falls as t grows).
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (keptFrom(mid) <= keepBytes) hi = mid;
    else lo = mid + 1;
  }
  const before = lo;
  let records = 0;
  let bytes = 0;
  logs.forEach((log, k) => {
    const cut = seekTime(log, before) - log.head;
    records += cut;
    bytes += suffix[k][0] - suffix[k][cut];
    trimBefore(log, before);
  });
  return { records, bytes, before, usage: { ...usage, records: usage.records - records, bytes: usage.bytes - bytes } };
};
