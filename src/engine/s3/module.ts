import { base64ToBytes, bytesToBase64 } from '../common/base64';
import {
  SnapshotVersionError,
  type BulkCollection,
  type CapView,
  type ModuleFactory,
  type ServiceModule,
} from '../module';
import { S3Service } from './service';
import type { S3Store } from './store';
import { S3_SNAPSHOT_VERSION, type S3Object, type S3Snapshot } from './types';

/** What other modules may use of S3: writing an object (Firehose delivering), and the service for the console and tests. */
export interface S3Exports {
  /** Writes an object; throws an AwsError (NoSuchBucket, the storage cap) when S3 would refuse it. */
  putObject(bucket: string, key: string, body: Uint8Array, contentType?: string): void;
  service: S3Service;
}

/** One object's body as saved apart: the write it belongs to and the bytes in Base64. */
export interface BodyChunk {
  seq: number;
  body: string;
}

const isBodyChunk = (c: unknown): c is BodyChunk =>
  typeof c === 'object' &&
  c !== null &&
  typeof (c as BodyChunk).seq === 'number' &&
  typeof (c as BodyChunk).body === 'string';

/** Bucket names hold no slash, so `bucket/key` names an object unambiguously. */
const collectionKey = (bucket: string, key: string): string => `${bucket}/${key}`;

/** One object's body is a collection of one item, at the position of the write that made it. */
const collection = (store: S3Store, bucket: string, obj: S3Object): BulkCollection => ({
  key: collectionKey(bucket, obj.Key),
  range: () => ({ first: obj._seq, last: obj._seq, count: 1 }),
  read(from, to) {
    if (obj._seq < from || obj._seq >= to) return { chunk: [], count: 0 };
    const chunk: BodyChunk = { seq: obj._seq, body: bytesToBase64(store.getObject(bucket, obj.Key).body) };
    return { chunk, count: 1 };
  },
});

/** Objects by last write, for the storage cap: the oldest go first. */
const capView = (store: S3Store): CapView => {
  const byAge = store.objectsByAge();
  const suffix = new Float64Array(byAge.length + 1);
  for (let i = byAge.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + byAge[i].object.Size;
  const firstFrom = (t: number): number => {
    let lo = 0;
    let hi = byAge.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byAge[mid].object.LastModified < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    span:
      byAge.length > 0
        ? { from: byAge[0].object.LastModified, to: byAge[byAge.length - 1].object.LastModified + 1 }
        : undefined,
    keptFrom: (t) => suffix[firstFrom(t)],
    trimBefore(t) {
      const { objects, bytes } = store.trimBefore(t);
      return { records: objects, bytes };
    },
  };
};

/** A small S3 (REST, path-style): buckets and objects, bodies saved apart. */
export const s3Module: ModuleFactory = {
  name: 's3',
  create(ctx): ServiceModule<S3Exports> {
    const service = new S3Service(ctx);
    const store = service.store;
    return {
      name: 's3',
      service,
      operations: {},
      isReadOnly: (req) => service.isReadOnly(req),
      exports: {
        putObject: (bucket, key, body, contentType) =>
          void store.putObject(bucket, key, body, contentType !== undefined ? { contentType } : {}),
        service,
      },
      snapshot: () => store.snapshot(),
      restore(state) {
        const s = state as Partial<S3Snapshot> | null;
        if (s?.version !== S3_SNAPSHOT_VERSION || !Array.isArray(s.buckets))
          throw new SnapshotVersionError(`s3 ${String(s?.version)}`);
        store.restore(s as S3Snapshot);
      },
      bulk: {
        collections: () =>
          store.objectsByAge().map(({ bucket, object }) => collection(store, bucket, object)),
        load(key, chunks, first) {
          const slash = key.indexOf('/');
          const [bucket, objectKey] = [key.slice(0, slash), key.slice(slash + 1)];
          for (const c of chunks) {
            if (Array.isArray(c) && c.length === 0) continue;
            if (!isBodyChunk(c)) throw new Error(`the saved body of s3://${key} cannot be read`);
            if (c.seq >= first && store.loadBody(bucket, objectKey, base64ToBytes(c.body), c.seq)) return 1;
          }
          return 0;
        },
      },
      storage: {
        usage() {
          const u = store.usage();
          return { records: u.objects, bytes: u.bytes, counts: { buckets: u.buckets, objects: u.objects } };
        },
        capView: () => capView(store),
      },
    };
  },
};
