import type { CloudWatchExports } from '../cloudwatch/module';
import { SnapshotVersionError, type BulkCollection, type CapView, type ModuleFactory, type OperationKind, type ServiceModule } from '../module';
import { checkBase64 } from '../common/validation';
import { kinesisConsumer, type KinesisConsumer } from './consumer';
import { kinesisProducer, type KinesisProducer } from './producer';
import { operations, KinesisService } from './service';
import { columnsOf, RecordLog, seekCounter, seekTime, trimBefore, type RecordColumns } from './store/log';
import { decodeRecordChunk, encodeRecordChunk, isBinaryRecordChunk } from './store/recordChunk';
import type { KinesisStore } from './store/store';
import { isReadableKinesisSnapshot, type Shard, type Stream } from './store/types';

/** What other services may use of Kinesis Data Streams. */
export interface KinesisExports {
  consumer: KinesisConsumer;
  producer: KinesisProducer;
  /** The service itself, for the console's own tools (the generator) and tests; other modules use the consumer and producer. */
  service: KinesisService;
}

/** A chunk of one shard's records, column by column in plain arrays (JSON-safe: a workshop file holds them), data in Base64. Saves hold the binary form (`store/recordChunk.ts`). */
export type RecordChunk = RecordColumns;

const COLUMNS = ['counter', 'at', 'data', 'partitionKey', 'size'] as const;

export const isRecordChunk = (c: unknown): c is RecordChunk =>
  typeof c === 'object' && c !== null && COLUMNS.every((k) => Array.isArray((c as Record<string, unknown>)[k]));

const isBase64 = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  try {
    checkBase64(s);
    return true;
  } catch {
    return false;
  }
};

/** A shard's collection key: same-named streams of two regions, or made again after a delete, are other streams. */
export const shardCollectionKey = (region: string, stream: string, streamCreatedAt: number, shardIndex: number): string =>
  `${region}|${stream}|${streamCreatedAt}|${shardIndex}`;

/** Retention is applied on every access anyway; the scheduled sweep only bounds memory, so once a minute is enough. */
export const RETENTION_SWEEP_MS = 60_000;
const HOUR = 3_600_000;

const logs = (store: KinesisStore): Array<{ stream: Stream; shard: Shard }> =>
  [...store.streams.values()].flatMap((stream) => stream.Shards.map((shard) => ({ stream, shard })));

/** A shard's records: positions are sequence counters. */
const collection = (stream: Stream, shard: Shard): BulkCollection => {
  const log = shard._log;
  return {
    key: shardCollectionKey(stream._region, stream.StreamName, stream._createdAt, shard._index),
    range: () => (log.count > 0 ? { first: log.counter(log.head), last: log.counter(log.end - 1), count: log.count } : undefined),
    read(from, to, form) {
      const a = seekCounter(log, from, false);
      const b = seekCounter(log, to, false);
      const chunk: RecordChunk | Uint8Array = form === 'binary' ? encodeRecordChunk(log.block(a, b)) : columnsOf(log, a, b);
      return { chunk, count: b - a };
    },
  };
};

/** Records of every shard by arrival time, for the storage cap. */
const capView = (store: KinesisStore): CapView => {
  const live = logs(store)
    .map(({ shard }) => shard._log)
    .filter((l) => l.count > 0);
  // Per shard: suffix sums of the bytes from the head.
  const suffix = live.map((log) => {
    const n = log.count;
    const sums = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) sums[i] = sums[i + 1] + log.size(log.head + i);
    return sums;
  });
  let from = Infinity;
  let to = -Infinity;
  for (const log of live) {
    from = Math.min(from, log.at(log.head));
    to = Math.max(to, log.at(log.end - 1) + 1);
  }
  return {
    span: live.length > 0 ? { from, to } : undefined,
    keptFrom(t) {
      let kept = 0;
      live.forEach((log, k) => (kept += suffix[k][seekTime(log, t) - log.head]));
      return kept;
    },
    trimBefore(t) {
      let records = 0;
      let bytes = 0;
      live.forEach((log, k) => {
        const cut = seekTime(log, t) - log.head;
        records += cut;
        bytes += suffix[k][0] - suffix[k][cut];
        trimBefore(log, t);
      });
      return { records, bytes };
    },
  };
};

/** Kinesis Data Streams: streams, shards and records; reports its metrics to CloudWatch. */
export const kinesisModule: ModuleFactory = {
  name: 'kinesis',
  create(ctx, lookup): ServiceModule<KinesisExports> {
    const cloudwatch = lookup<CloudWatchExports>('cloudwatch');
    const service = new KinesisService({ ...ctx, metrics: cloudwatch.metrics });
    const store = service.store;
    let nextSweep = -Infinity;
    return {
      name: 'kinesis',
      service,
      operations: Object.fromEntries(Object.entries(operations).map(([op, o]): [string, OperationKind] => [op, o.readOnly ? 'read' : 'write'])),
      exports: { consumer: kinesisConsumer(service), producer: kinesisProducer(service), service },
      snapshot: () => store.snapshot(),
      restore(state) {
        if (!isReadableKinesisSnapshot(state)) throw new SnapshotVersionError(`kinesis ${String((state as { version?: unknown } | null)?.version)}`);
        store.restore(state);
        nextSweep = -Infinity;
      },
      bulk: {
        collections() {
          store.sweep();
          return logs(store).map(({ stream, shard }) => collection(stream, shard));
        },
        load(key, chunks, first, count) {
          const found = logs(store).find(({ stream, shard }) => shardCollectionKey(stream._region, stream.StreamName, stream._createdAt, shard._index) === key);
          if (!found) return 0;
          const log = new RecordLog();
          if (count !== undefined) log.reserveRecords(count);
          for (const c of chunks) {
            if (isBinaryRecordChunk(c)) {
              let block;
              try {
                block = decodeRecordChunk(c);
              } catch (e) {
                throw new Error(`a chunk of records of ${found.stream.StreamName} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
              }
              // Counters increase: skip those below `first` (trimmed after the chunk was written).
              let from = 0;
              while (from < block.counters.length && block.counters[from] < first) from++;
              log.appendBlock(block, from);
              continue;
            }
            if (!isRecordChunk(c)) throw new Error(`a chunk of records of ${found.stream.StreamName} cannot be read`);
            for (let i = 0; i < c.counter.length; i++) {
              if (c.counter[i] < first) continue;
              // A chunk may come from a file: its data must be Base64, as a request's is.
              if (!isBase64(c.data[i])) throw new Error(`a chunk of records of ${found.stream.StreamName} holds data that is not Base64`);
              log.append(c.counter[i], c.at[i], c.data[i], c.partitionKey[i], c.size[i]);
            }
          }
          found.shard._log = log;
          return log.count;
        },
      },
      storage: {
        usage() {
          store.sweep();
          const u = { records: 0, bytes: 0, counts: { streams: store.streams.size, shards: 0 } };
          for (const { shard } of logs(store)) {
            u.counts.shards++;
            const log = shard._log;
            u.records += log.count;
            for (let i = log.head; i < log.end; i++) u.bytes += log.size(i);
          }
          return u;
        },
        capView: () => {
          store.sweep();
          return capView(store);
        },
      },
      advance(now) {
        // State changes are also resolved lazily on every request; here they happen on time without one.
        const streams = store.listStreams();
        let next: number | undefined;
        for (const s of streams) {
          if (s._pending) next = Math.min(next ?? Infinity, s._statusUntil);
          for (const c of s._consumers) if (c.ConsumerStatus !== 'ACTIVE') next = Math.min(next ?? Infinity, c._statusUntil);
        }
        if (now >= nextSweep) {
          store.sweep();
          nextSweep = now + RETENTION_SWEEP_MS;
        }
        let expiry = Infinity;
        for (const { stream, shard } of logs(store)) {
          const log = shard._log;
          // A record goes once it is older than the retention period (store.trim): 1 ms after that time.
          if (log.count > 0) expiry = Math.min(expiry, log.at(log.head) + stream.RetentionPeriodHours * HOUR + 1);
        }
        if (expiry < Infinity) next = Math.min(next ?? Infinity, Math.max(expiry, nextSweep));
        return next;
      },
    };
  },
};
