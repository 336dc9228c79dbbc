import type { CapView, ServiceModule, StorageUsage } from './module';

/**
 * What the emulator holds in bulk items over every module (Kinesis records: data bytes + partition
 * key bytes, as AWS counts them; S3 object bodies; Firehose buffers), in total and per module.
 */
export interface RecordUsage {
  streams: number;
  shards: number;
  records: number;
  bytes: number;
  /** Each module that stores items, by name (`kinesis`, `s3`, `firehose`). */
  services: Record<string, StorageUsage>;
}

/** Items and bytes a trim dropped. */
export interface Dropped {
  records: number;
  bytes: number;
}

/** Items trimmed to honour a cap, and the arrival time of the newest one dropped. */
export interface CapTrim extends Dropped {
  /** Items that arrived before this time are gone (epoch ms); 0 when nothing was trimmed. */
  before: number;
  /** What each module lost, by name (only those that lost something). */
  services: Record<string, Dropped>;
  /** What is left (counted once for the check, so a caller need not count again). */
  usage: RecordUsage;
}

/** An emulator that holds nothing. */
export const noUsage = (): RecordUsage => ({ streams: 0, shards: 0, records: 0, bytes: 0, services: {} });

/** Live items across every module that stores any, retention applied first. */
export const storageUsage = (modules: readonly ServiceModule[]): RecordUsage => {
  const u = noUsage();
  for (const m of modules) {
    if (!m.storage) continue;
    const mu = m.storage.usage();
    u.services[m.name] = mu;
    u.records += mu.records;
    u.bytes += mu.bytes;
    u.streams += mu.counts.streams ?? 0;
    u.shards += mu.counts.shards ?? 0;
  }
  return u;
};

/**
 * Over `maxBytes`, drops the oldest items of the whole emulator (by arrival time, across every
 * module, the way retention drops them) until at most `keepBytes` remain, or until only what a module
 * may never drop (Firehose's buffers) is left. Nothing happens at or under the cap, so a steady
 * writer is trimmed in batches rather than on every call.
 */
export const trimToCap = (modules: readonly ServiceModule[], maxBytes: number, keepBytes = maxBytes): CapTrim => {
  const usage = storageUsage(modules);
  if (usage.bytes <= maxBytes) return { records: 0, bytes: 0, before: 0, services: {}, usage };
  const views: Array<{ name: string; view: CapView }> = modules.flatMap((m) => (m.storage ? [{ name: m.name, view: m.storage.capView() }] : []));
  // Bytes left when every item that arrived before `t` goes.
  const keptFrom = (t: number): number => views.reduce((kept, { view }) => kept + view.keptFrom(t), 0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const { view } of views) {
    if (!view.span) continue;
    lo = Math.min(lo, view.span.from);
    hi = Math.max(hi, view.span.to);
  }
  // The earliest cutoff that keeps no more than `keepBytes` (keptFrom falls as t grows); the end of
  // the span (everything droppable goes) when what may not be dropped is over it alone.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (keptFrom(mid) <= keepBytes) hi = mid;
    else lo = mid + 1;
  }
  const before = lo === Infinity ? 0 : lo;
  const services: Record<string, Dropped> = {};
  let records = 0;
  let bytes = 0;
  for (const { name, view } of views) {
    const cut = view.trimBefore(before);
    if (cut.records === 0) continue;
    services[name] = cut;
    records += cut.records;
    bytes += cut.bytes;
  }
  if (records === 0) return { records, bytes, before: 0, services, usage };
  // Only the modules that lost items are counted again (their counts, such as objects, changed too).
  const left = { ...usage.services };
  for (const m of modules) if (services[m.name] && m.storage) left[m.name] = m.storage.usage();
  return { records, bytes, before, services, usage: { ...usage, records: usage.records - records, bytes: usage.bytes - bytes, services: left } };
};
