import { base64ToText, textToBase64 } from '../common/base64';
import { isAwsError } from '../common/errors';
import type { FirehoseExports } from '../firehose/module';
import type { KinesisExports } from '../kinesis/module';
import { parseStreamArn } from '../kinesis/store/store';
import type { ReaderStart, StreamCheckpoint } from '../kinesis/consumer';
import { SnapshotVersionError, type ModuleFactory, type ModuleLookup, type OperationKind, type ServiceModule } from '../module';
import type { AnalyticsEnvironment } from './actions/context';
import { AnalyticsRuntime, type RuntimeEnvironment, type SourceReader, type SourceRecord } from './runtime';
import { AnalyticsService, operations } from './service';
import type { AnalyticsStore } from './store';
import { ANALYTICS_SNAPSHOT_VERSION, type AnalyticsSnapshot, type InputStartingPosition } from './types';

/** What other modules and the console may use of Kinesis Data Analytics. */
export interface AnalyticsExports {
  runtime: AnalyticsRuntime;
  store: AnalyticsStore;
}


const readerStart = (position: InputStartingPosition): ReaderStart => (position === 'TRIM_HORIZON' ? { type: 'TRIM_HORIZON' } : { type: 'LATEST' });

/** `arn:aws:firehose:<region>:<account>:deliverystream/<name>` -> its region and name. */
export const parseDeliveryStreamArn = (arn: string): { region: string; name: string } | undefined => {
  const m = /^arn:[^:]+:firehose:([^:]+):[^:]*:deliverystream\/(.+)$/.exec(arn);
  return m ? { region: m[1], name: m[2] } : undefined;
};

/** PutRecords and PutRecordBatch take at most 500 records a call. */
const BATCH = 500;

/** Delivers `records` in batches through `put`, stopping at the first refused record so order is kept; returns how many went. */
const deliverInOrder = (records: string[], put: (batch: string[], offset: number) => number): number => {
  let accepted = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    let took: number;
    try {
      took = put(batch, i);
    } catch {
      return accepted;
    }
    accepted += took;
    if (took < batch.length) return accepted;
  }
  return accepted;
};

/** A reader of a delivery stream: the records it accepts from the application's start (NOW) or from where it stopped. */
const deliveryStreamSource = (firehose: FirehoseExports, region: string, name: string, from: InputStartingPosition, checkpoint: unknown): SourceReader | undefined => {
  let reader: ReturnType<FirehoseExports['reader']>;
  try {
    reader = firehose.reader(region, name, undefined, from === 'LAST_STOPPED_POINT' ? checkpoint : undefined);
  } catch (e) {
    if (isAwsError(e) && e.code === 'ResourceNotFoundException') return undefined;
    throw e;
  }
  return {
    read(limit) {
      try {
        return { records: reader.read(limit).records.map((r) => ({ data: base64ToText(r.data), arrival: r.arrivalTime })) };
      } catch (e) {
        if (isAwsError(e) && e.code === 'ResourceNotFoundException') return { records: [], gone: true };
        throw e;
      }
    },
    checkpoint: () => reader.checkpoint(),
    close: () => reader.close(),
  };
};

/** The analytics service's view of Kinesis and Firehose: through their consumer and producers, never their stores. */
export const kinesisEnvironment = (kinesis: KinesisExports, firehose?: FirehoseExports): AnalyticsWorld => {
  const exists = (arn: string, region: string): boolean => {
    const s = parseStreamArn(arn);
    if (!s || s.region !== region) return false;
    try {
      kinesis.consumer.listShards(region, s.name);
      return true;
    } catch {
      return false;
    }
  };
  return {
    resourceExists(kind, arn, region) {
      if (kind === 'kinesis') return exists(arn, region);
      const d = parseDeliveryStreamArn(arn);
      if (!firehose || !d || d.region !== region) return false;
      try {
        firehose.service.call('DescribeDeliveryStream', { DeliveryStreamName: d.name }, { region, requestId: 'internal' });
        return true;
      } catch {
        return false;
      }
    },
    sampleRecords(arn, region, position, limit) {
      const d = parseDeliveryStreamArn(arn);
      // A delivery stream keeps no history: discovery samples the newest records still in its buffer.
      if (d) return firehose ? firehose.sample(region, d.name, limit).map(base64ToText) : [];
      const s = parseStreamArn(arn)!;
      const reader = kinesis.consumer.reader(region, s.name, readerStart(position));
      const out: string[] = [];
      // Several reads, as discovery polls a while: each takes at most one call per shard.
      for (let i = 0; i < 5 && out.length < limit; i++) {
        const read = reader.read(limit - out.length);
        for (const r of read.records) out.push(base64ToText(r.data));
        if (read.records.length === 0 && read.throttledShardIds.length === 0) break;
      }
      return out;
    },
    openSource(arn, region, from, checkpoint): SourceReader | undefined {
      const d = parseDeliveryStreamArn(arn);
      if (d) return firehose && d.region === region ? deliveryStreamSource(firehose, region, d.name, from, checkpoint) : undefined;
      const s = parseStreamArn(arn);
      if (!s || !exists(arn, region)) return undefined;
      const reader = kinesis.consumer.reader(region, s.name, readerStart(from), from === 'LAST_STOPPED_POINT' ? (checkpoint as StreamCheckpoint | undefined) : undefined);
      return {
        read(limit) {
          try {
            const r = reader.read(limit);
            // Shards are read one after another: put their records back in arrival order.
            const records = r.records
              .map((x): SourceRecord => ({ data: base64ToText(x.data), arrival: x.arrivalTime, shardId: x.shardId, sequenceNumber: x.sequenceNumber, partitionKey: x.partitionKey }))
              .sort((a, b) => a.arrival - b.arrival);
            // Behind while a read brings records and more wait (GetRecords' MillisBehindLatest).
            return { records, caughtUp: records.length === 0 || r.millisBehindLatest === 0 };
          } catch (e) {
            if (isAwsError(e) && e.code === 'ResourceNotFoundException') return { records: [], gone: true };
            throw e;
          }
        },
        checkpoint: () => reader.checkpoint(),
      };
    },
    deliver(output, region, records) {
      const stream = output.KinesisStreamsOutputDescription ? parseStreamArn(output.KinesisStreamsOutputDescription.ResourceARN) : undefined;
      if (stream)
        return deliverInOrder(records, (batch, offset) => {
          const out = kinesis.producer.putRecords(region, {
            StreamName: stream.name,
            Records: batch.map((data, k) => ({ Data: textToBase64(data), PartitionKey: String((offset + k) % 1024) })),
          });
          const firstFailed = out.Records.findIndex((r) => 'ErrorCode' in r);
          return firstFailed < 0 ? batch.length : firstFailed;
        });
      const delivery = output.KinesisFirehoseOutputDescription ? parseDeliveryStreamArn(output.KinesisFirehoseOutputDescription.ResourceARN) : undefined;
      if (delivery && firehose)
        return deliverInOrder(records, (batch) => {
          const out = firehose.putRecordBatch(region, delivery.name, batch.map(textToBase64));
          const firstFailed = out.RequestResponses.findIndex((r) => r.ErrorCode !== undefined);
          return firstFailed < 0 ? batch.length : firstFailed;
        });
      return 0;
    },
  };
};

/** What the analytics module reads from and writes to: the emulated services, or others (see {@link analyticsModuleOver}). */
export type AnalyticsWorld = AnalyticsEnvironment & RuntimeEnvironment;

/**
 * Kinesis Data Analytics SQL applications over the streams `makeEnv` gives: the same control plane
 * and SQL engine whichever world the records come from (the emulated services, or a real account's
 * streams read over the network in AWS mode).
 */
export const analyticsModuleOver = (makeEnv: (lookup: ModuleLookup) => AnalyticsWorld): ModuleFactory => ({
  name: 'analytics',
  create(ctx, lookup): ServiceModule<AnalyticsExports> {
    const env = makeEnv(lookup);
    const service = new AnalyticsService(ctx, env);
    const runtime = new AnalyticsRuntime(service.store, ctx.clock, ctx.rng, env);
    return {
      name: 'analytics',
      service,
      operations: Object.fromEntries(Object.entries(operations).map(([op, o]): [string, OperationKind] => [op, o.readOnly ? 'read' : 'write'])),
      exports: { runtime, store: service.store },
      snapshot: () => service.snapshot(),
      restore(state) {
        const s = state as Partial<AnalyticsSnapshot> | null;
        if (s?.version !== ANALYTICS_SNAPSHOT_VERSION || !Array.isArray(s.applications)) throw new SnapshotVersionError(`analytics ${String(s?.version)}`);
        service.restore(s as AnalyticsSnapshot);
      },
      advance: (now) => runtime.advance(now),
    };
  },
});

/** Kinesis Data Analytics SQL applications over the emulated Kinesis and Firehose: the control plane, and the applications that run. */
export const analyticsModule: ModuleFactory = analyticsModuleOver((lookup) => kinesisEnvironment(lookup<KinesisExports>('kinesis'), lookup<FirehoseExports>('firehose')));
