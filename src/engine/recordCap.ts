import type { CapView, ServiceModule } from './module';

/** What the emulator holds in bulk items (records: data bytes + partition key bytes, as AWS counts), over every module. */
export interface RecordUsage {
  streams: number;
  shards: number;
  records: number;
  bytes: number;
}

/** Items trimmed to honour a cap, and the arrival time of the newest one dropped. */
export interface CapTrim {
  records: number;
  bytes: number;
  /** Items that arrived before this time are gone (epoch ms); 0 when nothing was trimmed. */
  before: number;
  /** What is left (counted once for the check, so a caller need not count again). */
  usage: RecordUsage;
}

/** Live items across every module that stores any, retention applied first. */
export const storageUsage = (modules: readonly ServiceModule[]): RecordUsage => {
  const u: RecordUsage = { streams: 0, shards: 0, records: 0, bytes: 0 };
  for (const m of modules) {
    if (!m.storage) continue;
    const mu = m.storage.usage();
    u.records += mu.records;
    u.bytes += mu.bytes;
    u.streams += mu.counts.streams ?? 0;
    u.shards += mu.counts.shards ?? 0;
  }
  return u;
};

/**
 * Over `maxBytes`, drops the oldest items of the whole emulator (by arrival time, across every
 * module, the way retention drops them) until at most `keepBytes` remain. Nothing happens at or
 * under the cap, so a steady writer is trimmed in batches rather than on every call.
 */
export const trimToCap = (modules: readonly ServiceModule[], maxBytes: number, keepBytes = maxBytes): CapTrim => {
  const usage = storageUsage(modules);
  if (usage.bytes <= maxBytes) return { records: 0, bytes: 0, before: 0, usage };
  const views: CapView[] = modules.flatMap((m) => (m.storage ? [m.storage.capView()] : []));
  // Bytes left when every item that arrived before `t` goes.
  const keptFrom = (t: number): number => views.reduce((kept, v) => kept + v.keptFrom(t), 0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of views) {
    if (!v.span) continue;
    lo = Math.min(lo, v.span.from);
    hi = Math.max(hi, v.span.to);
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
  for (const v of views) {
    const cut = v.trimBefore(before);
    records += cut.records;
    bytes += cut.bytes;
  }
  return { records, bytes, before, usage: { ...usage, records: usage.records - records, bytes: usage.bytes - bytes } };
};
