import { bytesToBase64 } from '../common/base64';
import { isAwsError } from '../common/errors';
import type { CloudWatchExports } from '../cloudwatch/module';
import { parseStreamArn } from '../kinesis/store/store';
import type { KinesisExports } from '../kinesis/module';
import {
  SnapshotVersionError,
  keptCapView,
  type BulkCollection,
  type ModuleFactory,
  type ModuleLookup,
  type OperationKind,
  type ServiceModule,
} from '../module';
import type { S3Exports } from '../s3/module';
import type { BufferedRecords } from './delivery';
import type { FunctionsExports } from '../functions/module';
import { randomUuid } from '../common/rng';
import { transformFailure, type FirehoseEnvironment, type SourceReader, type TransformOutputRecord } from './environment';
import { fErr } from './errors';
import { operations, FirehoseService } from './service';
import { joinCapViews, type TapReader } from './tap';
import { FIREHOSE_SNAPSHOT_VERSION, type FirehoseSnapshot } from './types';

/** What other modules may use of Firehose. */
export interface FirehoseExports {
  /**
   * Puts Base64 records into a DirectPut delivery stream as PutRecordBatch does (the same checks,
   * quota and metrics; AWS errors thrown as it throws them): how an analytics output delivers.
   */
  putRecordBatch(
    region: string,
    deliveryStreamName: string,
    records: string[],
  ): {
    FailedPutCount: number;
    RequestResponses: Array<{ RecordId?: string; ErrorCode?: string; ErrorMessage?: string }>;
  };
  /**
   * A reader of the records a delivery stream accepts from now on (or from `startAt`, epoch ms, as
   * far as the bounded copy reaches back), or from a checkpoint it gave. Throws Firehose's
   * ResourceNotFoundException when the stream does not exist, at once or on a read once it is deleted.
   */
  reader(region: string, deliveryStreamName: string, startAt?: number, checkpoint?: unknown): TapReader;
  /** The newest records waiting in a delivery stream's buffer (Base64, at most `limit`, oldest first), for schema discovery. */
  sample(region: string, deliveryStreamName: string, limit: number): string[];
  /** The service itself, for the console's own tools and tests. */
  service: FirehoseService;
}

/** A chunk of one delivery stream's buffered records: Base64 data and arrival times, column by column. */
export interface BufferChunk {
  /** The position of the chunk's first record. */
  first: number;
  data: string[];
  arrivals: number[];
}

const isBufferChunk = (c: unknown): c is BufferChunk =>
  typeof c === 'object' &&
  c !== null &&
  typeof (c as BufferChunk).first === 'number' &&
  Array.isArray((c as BufferChunk).data) &&
  Array.isArray((c as BufferChunk).arrivals);

/** The content type of the objects Firehose writes to S3. */
const FIREHOSE_OBJECT_TYPE = 'application/octet-stream';


/** A module's exports when it is registered (a test may run Firehose without the functions). */
const optional = <T>(lookup: ModuleLookup, name: string): T | undefined => {
  try {
    return lookup<T>(name);
  } catch {
    return undefined;
  }
};

/** A KinesisStreamAsSource reader over the Kinesis consumer (GetRecords under the shard read limits). */
const kinesisSource = (
  kinesis: KinesisExports,
  arn: string,
  startAt: number,
  checkpoint?: unknown,
): SourceReader | undefined => {
  const s = parseStreamArn(arn);
  if (!s) return undefined;
  let reader: ReturnType<KinesisExports['consumer']['reader']>;
  try {
    reader = kinesis.consumer.reader(
      s.region,
      s.name,
      { type: 'AT_TIMESTAMP', timestamp: startAt },
      checkpoint as Parameters<KinesisExports['consumer']['reader']>[3],
    );
  } catch (e) {
    if (isAwsError(e)) return undefined;
    throw e;
  }
  return {
    read(limit) {
      try {
        return { records: reader.read(limit).records.map((r) => ({ data: r.data, arrival: r.arrivalTime })) };
      } catch (e) {
        if (isAwsError(e) && e.code === 'ResourceNotFoundException') return { records: [], gone: true };
        throw e;
      }
    },
    checkpoint: () => reader.checkpoint(),
  };
};

/** One stream's buffer: positions count the records taken in; delivered ones leave from the oldest end. */
const collection = (b: BufferedRecords): BulkCollection => ({
  key: b.streamArn,
  range: () => ({ first: b.first, last: b.first + b.data.length - 1, count: b.data.length }),
  read(from, to) {
    const a = Math.max(0, from - b.first);
    const z = Math.min(b.data.length, to - b.first);
    const chunk: BufferChunk = { first: b.first + a, data: [], arrivals: [] };
    for (let i = a; i < z; i++) {
      const d = b.data[i];
      chunk.data.push(typeof d === 'string' ? d : bytesToBase64(d));
      chunk.arrivals.push(b.arrivals[i]);
    }
    return { chunk, count: Math.max(0, z - a) };
  },
});

/** Firehose delivering to S3 (and reading Kinesis streams as a source); reports its metrics to CloudWatch. */
export const firehoseModule: ModuleFactory = {
  name: 'firehose',
  create(ctx, lookup): ServiceModule<FirehoseExports> {
    const cloudwatch = lookup<CloudWatchExports>('cloudwatch');
    const kinesis = lookup<KinesisExports>('kinesis');
    const s3 = lookup<S3Exports>('s3');
    const functions = optional<FunctionsExports>(lookup, 'functions');
    const env: FirehoseEnvironment = {
      putObject: (bucket, key, body) => s3.putObject(bucket, key, body, FIREHOSE_OBJECT_TYPE),
      openSource: (arn, _region, startAt, checkpoint) => kinesisSource(kinesis, arn, startAt, checkpoint),
      ...(functions
        ? {
            transform: async (lambdaArn, records, stream) => {
              // The event a Firehose data-transformation Lambda receives (Developer Guide, "Transform source data").
              const out = await functions.invoke(lambdaArn, { invocationId: randomUuid(ctx.rng), ...stream, records });
              const list = (out as { records?: unknown } | null)?.records;
              if (!Array.isArray(list)) throw transformFailure.badResponse();
              return list as TransformOutputRecord[];
            },
          }
        : {}),
      wake: () => ctx.hooks?.wake?.(),
    };
    const service = new FirehoseService({ ...ctx, metrics: cloudwatch.metrics }, env);
    return {
      name: 'firehose',
      service,
      operations: Object.fromEntries(
        Object.entries(operations).map(([op, o]): [string, OperationKind] => [
          op,
          o.readOnly ? 'read' : 'write',
        ]),
      ),
      exports: {
        putRecordBatch: (region, name, records) =>
          service.call(
            'PutRecordBatch',
            { DeliveryStreamName: name, Records: records.map((Data) => ({ Data })) },
            { region, requestId: 'internal' },
          ) as ReturnType<FirehoseExports['putRecordBatch']>,
        reader(region, name, startAt, checkpoint) {
          const s = service.store.get(region, name);
          const arn = s.DeliveryStreamARN;
          const createdAt = s.CreateTimestamp;
          const r = service.delivery.tap.reader(arn, createdAt, startAt, checkpoint);
          return {
            read(limit) {
              if (service.store.byArn(arn)?.CreateTimestamp !== createdAt) throw fErr.notFound(name, service.store.account);
              return r.read(limit);
            },
            checkpoint: () => r.checkpoint(),
            close: () => r.close(),
          };
        },
        sample(region, name, limit) {
          const s = service.store.get(region, name);
          return service.delivery.newest(s.DeliveryStreamARN, limit);
        },
        service,
      },
      snapshot: () => service.snapshot(),
      restore(state) {
        const s = state as Partial<FirehoseSnapshot> | null;
        if (s?.version !== FIREHOSE_SNAPSHOT_VERSION || !Array.isArray(s.streams))
          throw new SnapshotVersionError(`firehose ${String(s?.version)}`);
        service.restore(s as FirehoseSnapshot);
      },
      bulk: {
        collections: () => service.bufferList().map(collection),
        load(key, chunks, first) {
          const data: string[] = [];
          const arrivals: number[] = [];
          let start: number | undefined;
          for (const c of chunks) {
            if (!isBufferChunk(c)) throw new Error(`a chunk of buffered records of ${key} cannot be read`);
            for (let i = 0; i < c.data.length; i++) {
              // Records below `first` were delivered after the chunk was written.
              if (c.first + i < first) continue;
              start ??= c.first + i;
              data.push(c.data[i]);
              arrivals.push(c.arrivals[i]);
            }
          }
          return start !== undefined && service.loadBuffer(key, data, arrivals, start) ? data.length : 0;
        },
      },
      storage: {
        usage: () => {
          const buffered = service.delivery.usage();
          const copied = service.delivery.tap.usage();
          return {
            records: buffered.records + copied.records,
            bytes: buffered.bytes + copied.bytes,
            counts: { deliveryStreams: service.store.streams.size, buffered: buffered.records, bufferedBytes: buffered.bytes, copies: copied.records },
          };
        },
        // Buffered records are owed to their destination: the cap counts them but never drops them. The
        // readers' copies are bounded like retention, so their oldest may go.
        capView: () => joinCapViews(keptCapView(service.delivery.usage().bytes), service.delivery.tap.capView()),
      },
      advance: (now) => service.advance(now),
    };
  },
};
