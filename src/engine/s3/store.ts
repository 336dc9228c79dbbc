import { md5HexBytes } from '../kinesis/store/md5';
import { s3Err } from './errors';
import { isValidBucketName } from './names';
import {
  S3_SNAPSHOT_VERSION,
  type S3Body,
  type S3Bucket,
  type S3Object,
  type S3Snapshot,
  type S3Usage,
} from './types';

interface BucketState extends S3Bucket {
  objects: Map<string, S3Object>;
  /** The keys in order, rebuilt when a key comes or goes (listing reads it; writes only drop it). */
  sorted?: string[];
}

export interface PutObjectOptions {
  contentType?: string;
  contentEncoding?: string;
  metadata?: Record<string, string>;
}

/** S3 lists keys in UTF-8 binary order; for keys without characters past U+FFFF, that is UTF-16 order. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const bodyId = (bucket: string, key: string): string => `${bucket}/${key}`;

/** The default content type S3 gives an object stored without one (PutObject, Content-Type). */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/**
 * Buckets (one namespace for the account, whatever their region) with their objects' metadata, and
 * the bodies apart in one map keyed `bucket/key`, with their total size kept for the storage cap.
 * Used by the S3 REST service and, through {@link S3Store.putObject}, by Firehose delivering to S3.
 */
export class S3Store {
  private readonly buckets = new Map<string, BucketState>();
  /** Object bodies, keyed `bucket/key`. */
  readonly bodies = new Map<string, Uint8Array>();
  private bytes = 0;
  private seq = 0;
  /** Bytes of object bodies the store may hold (the emulator's cap; S3 itself has none). */
  capBytes = Number.POSITIVE_INFINITY;

  constructor(
    private readonly now: () => number,
    /** The canonical user id S3 reports as every bucket's owner. */
    readonly ownerId = '0'.repeat(64),
  ) {}

  bucket(name: string): BucketState {
    const b = this.buckets.get(name);
    if (!b) throw s3Err.noSuchBucket(name);
    return b;
  }

  hasBucket(name: string): boolean {
    return this.buckets.has(name);
  }

  /** Creates a bucket; true if it was new, false if it already existed. */
  createBucket(name: string, region: string): boolean {
    if (!isValidBucketName(name)) throw s3Err.invalidBucketName(name);
    if (this.buckets.has(name)) return false;
    this.buckets.set(name, { Name: name, CreationDate: this.now(), _region: region, objects: new Map() });
    return true;
  }

  deleteBucket(name: string): void {
    const b = this.bucket(name);
    if (b.objects.size > 0) throw s3Err.bucketNotEmpty(name);
    this.buckets.delete(name);
  }

  listBuckets(): S3Bucket[] {
    return [...this.buckets.values()]
      .map(({ Name, CreationDate, _region }) => ({ Name, CreationDate, _region }))
      .sort((a, b) => byKey(a.Name, b.Name));
  }

  putObject(bucket: string, key: string, body: Uint8Array, options: PutObjectOptions = {}): S3Object {
    const b = this.bucket(bucket);
    const id = bodyId(bucket, key);
    const old = this.bodies.get(id);
    const grows = body.length - (old?.length ?? 0);
    if (grows > 0 && this.bytes + grows > this.capBytes) throw s3Err.storageFull(this.capBytes);
    const obj: S3Object = {
      Key: key,
      Size: body.length,
      ETag: `"${md5HexBytes(body)}"`,
      LastModified: this.now(),
      ContentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
      ...(options.contentEncoding !== undefined ? { ContentEncoding: options.contentEncoding } : {}),
      ...(options.metadata && Object.keys(options.metadata).length > 0 ? { Metadata: options.metadata } : {}),
      _seq: ++this.seq,
    };
    if (!b.objects.has(key)) b.sorted = undefined;
    b.objects.set(key, obj);
    this.bodies.set(id, body);
    this.bytes += grows;
    return obj;
  }

  headObject(bucket: string, key: string): S3Object {
    const obj = this.bucket(bucket).objects.get(key);
    if (!obj) throw s3Err.noSuchKey(key);
    return obj;
  }

  getObject(bucket: string, key: string): { object: S3Object; body: Uint8Array } {
    const object = this.headObject(bucket, key);
    return { object, body: this.bodies.get(bodyId(bucket, key)) ?? new Uint8Array(0) };
  }

  /** Deleting a key that is not there succeeds, as in S3. */
  deleteObject(bucket: string, key: string): void {
    const b = this.bucket(bucket);
    if (!b.objects.delete(key)) return;
    b.sorted = undefined;
    const id = bodyId(bucket, key);
    this.bytes -= this.bodies.get(id)?.length ?? 0;
    this.bodies.delete(id);
  }

  /** The bucket's keys in S3's listing order. */
  keys(bucket: string): readonly string[] {
    const b = this.bucket(bucket);
    if (!b.sorted) b.sorted = [...b.objects.keys()].sort(byKey);
    return b.sorted;
  }

  usage(): S3Usage {
    let objects = 0;
    for (const b of this.buckets.values()) objects += b.objects.size;
    return { buckets: this.buckets.size, objects, bytes: this.bytes };
  }

  /** Buckets and object metadata, bodies left out (see {@link S3Store.bodyList}). */
  snapshot(): S3Snapshot {
    return {
      version: S3_SNAPSHOT_VERSION,
      seq: this.seq,
      buckets: this.listBuckets().map((b) => ({
        ...b,
        objects: this.keys(b.Name).map((k) => structuredClone(this.buckets.get(b.Name)!.objects.get(k)!)),
      })),
    };
  }

  /** Replaces every bucket and object; bodies are dropped until {@link S3Store.loadBody} brings them back. */
  restore(snapshot: S3Snapshot): void {
    this.buckets.clear();
    this.bodies.clear();
    this.bytes = 0;
    this.seq = snapshot.seq;
    for (const { objects, ...b } of structuredClone(snapshot.buckets)) {
      this.buckets.set(b.Name, { ...b, objects: new Map(objects.map((o) => [o.Key, o])) });
    }
  }

  /** Every object's body, shared (not copied). */
  bodyList(): S3Body[] {
    const out: S3Body[] = [];
    for (const b of this.buckets.values())
      for (const key of b.objects.keys())
        out.push({ bucket: b.Name, key, seq: b.objects.get(key)!._seq, body: this.bodies.get(bodyId(b.Name, key)) ?? new Uint8Array(0) });
    return out;
  }

  /**
   * Puts back a body saved apart from the snapshot; false (and nothing stored) if its object is not in
   * the store, or (given `seq`) the body is of another write of the key.
   */
  loadBody(bucket: string, key: string, body: Uint8Array, seq?: number): boolean {
    const obj = this.buckets.get(bucket)?.objects.get(key);
    if (!obj || (seq !== undefined && seq !== obj._seq)) return false;
    const id = bodyId(bucket, key);
    this.bytes += body.length - (this.bodies.get(id)?.length ?? 0);
    this.bodies.set(id, body);
    return true;
  }

  /** Every object, oldest first (by LastModified): what a storage cap drops first. */
  objectsByAge(): Array<{ bucket: string; object: S3Object }> {
    const out: Array<{ bucket: string; object: S3Object }> = [];
    for (const b of this.buckets.values()) for (const object of b.objects.values()) out.push({ bucket: b.Name, object });
    return out.sort((x, y) => x.object.LastModified - y.object.LastModified);
  }

  /** Deletes every object last written before `t` (the storage cap's trim); says what went. */
  trimBefore(t: number): { objects: number; bytes: number } {
    let objects = 0;
    let bytes = 0;
    for (const { bucket, object } of this.objectsByAge()) {
      if (object.LastModified >= t) break;
      this.deleteObject(bucket, object.Key);
      objects++;
      bytes += object.Size;
    }
    return { objects, bytes };
  }
}
