/**
 * The emulated S3's small state, under S3's own names: buckets and object metadata as plain data (a
 * snapshot is JSON). Object bodies are bulky and live apart, in {@link S3Store.bodies}.
 */

export interface S3Object {
  Key: string;
  /** Bytes. */
  Size: number;
  /** The MD5 of the body in quotes, as S3 sends it. */
  ETag: string;
  /** Epoch ms. */
  LastModified: number;
  ContentType: string;
  /** `x-amz-meta-*` headers, names lower-cased without the prefix. */
  Metadata?: Record<string, string>;
  ContentEncoding?: string;
  /** Which write of the key this is (grows with every put in the store): the body's position for savers. */
  _seq: number;
}

export interface S3Bucket {
  Name: string;
  /** Epoch ms. */
  CreationDate: number;
  /** Where the bucket lives (its LocationConstraint, `us-east-1` for none). */
  _region: string;
}

export const S3_SNAPSHOT_VERSION = 1;

export interface S3Snapshot {
  version: typeof S3_SNAPSHOT_VERSION;
  /** The last `_seq` given out. */
  seq: number;
  buckets: Array<S3Bucket & { objects: S3Object[] }>;
}

/** One object's body, shared (not copied), for savers that store bodies apart from the rest. */
export interface S3Body {
  bucket: string;
  key: string;
  /** The object's `_seq`: a body saved for an earlier write of the key is not loaded. */
  seq: number;
  body: Uint8Array;
}

/** What the emulated S3 holds. */
export interface S3Usage {
  buckets: number;
  objects: number;
  bytes: number;
}
