import { base64ToText, textToBase64 } from '../common/base64';
import { isAwsError } from '../common/errors';
import type { KinesisExports } from '../kinesis/module';
import type { ReaderStart, StreamCheckpoint } from '../kinesis/consumer';
import { SnapshotVersionError, type ModuleFactory, type OperationKind, type ServiceModule } from '../module';
import type { AnalyticsEnvironment } from './actions/context';
import { AnalyticsRuntime, type RuntimeEnvironment, type SourceReader } from './runtime';
import { AnalyticsService, operations } from './service';
import type { AnalyticsStore } from './store';
import { ANALYTICS_SNAPSHOT_VERSION, type AnalyticsSnapshot, type InputStartingPosition } from './types';

/** What other modules and the console may use of Kinesis Data Analytics. */
export interface AnalyticsExports {
  runtime: AnalyticsRuntime;
  store: AnalyticsStore;
}

/** `arn:aws:kinesis:us-east-1:000000000000:stream/name` -> its region and name, or undefined for another kind of ARN. */
const kinesisStreamOf = (arn: string): { region: string; name: string } | undefined => {
  const m = /^arn:[^:]+:kinesis:([^:]+):\d{12}:stream\/(.+)$/.exec(arn);
  return m ? { region: m[1], name: m[2] } : undefined;
};

const readerStart = (position: InputStartingPosition): ReaderStart => (position === 'TRIM_HORIZON' ? { type: 'TRIM_HORIZON' } : { type: 'LATEST' });

/** The analytics service's view of Kinesis: through its consumer and producer, never its store. */
export const kinesisEnvironment = (kinesis: KinesisExports): AnalyticsEnvironment & RuntimeEnvironment => {
  const exists = (arn: string, region: string): boolean => {
    const s = kinesisStreamOf(arn);
    if (!s || s.region !== region) return false;
    try {
      kinesis.consumer.listShards(region, s.name);
      return true;
    } catch {
      return false;
    }
  };
  return {
    resourceExists: (kind, arn, region) => kind === 'kinesis' && exists(arn, region),
    sampleRecords(arn, region, position, limit) {
      const s = kinesisStreamOf(arn)!;
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
      const s = kinesisStreamOf(arn);
      if (!s || !exists(arn, region)) return undefined;
      const reader = kinesis.consumer.reader(region, s.name, readerStart(from), from === 'LAST_STOPPED_POINT' ? (checkpoint as StreamCheckpoint | undefined) : undefined);
      return {
        read(limit) {
          try {
            const r = reader.read(limit);
            // Shards are read one after another: put their records back in arrival order.
            const records = r.records.map((x) => ({ data: base64ToText(x.data), arrival: x.arrivalTime })).sort((a, b) => a.arrival - b.arrival);
            return { records };
          } catch (e) {
            if (isAwsError(e) && e.code === 'ResourceNotFoundException') return { records: [], gone: true };
            throw e;
          }
        },
        checkpoint: () => reader.checkpoint(),
      };
    },
    deliver(output, region, records) {
      const arn = output.KinesisStreamsOutputDescription?.ResourceARN;
      const s = arn ? kinesisStreamOf(arn) : undefined;
      // Firehose destinations arrive with the Firehose module; until then such an output holds its rows.
      if (!s) return 0;
      let accepted = 0;
      // In PutRecords-sized batches, stopping at the first refused record so order is kept.
      for (let i = 0; i < records.length; i += 500) {
        const batch = records.slice(i, i + 500);
        let out;
        try {
          out = kinesis.producer.putRecords(region, {
            StreamName: s.name,
            Records: batch.map((data, k) => ({ Data: textToBase64(data), PartitionKey: String((i + k) % 1024) })),
          });
        } catch {
          return accepted;
        }
        const firstFailed = out.Records.findIndex((r) => 'ErrorCode' in r);
        if (firstFailed >= 0) return accepted + firstFailed;
        accepted += batch.length;
      }
      return accepted;
    },
  };
};

/** Kinesis Data Analytics SQL applications: the control plane, and the applications that run. */
export const analyticsModule: ModuleFactory = {
  name: 'analytics',
  create(ctx, lookup): ServiceModule<AnalyticsExports> {
    const env = kinesisEnvironment(lookup<KinesisExports>('kinesis'));
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
};
