import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { downloadBytes } from '../lib/download';
import { buildPreview, PREVIEW_BYTES, type Preview } from '../lib/objectPreview';
import { baseName } from '../lib/s3Keys';
import { useServices } from './services';

export { formatBytes } from '../../worker/storageUnits';
export type { Preview };

/** DeleteObjects takes at most 1,000 keys a request (S3 API reference, DeleteObjects). */
export const DELETE_BATCH = 1000;

export const s3Keys = {
  all: ['s3'] as const,
  buckets: () => ['s3', 'buckets'] as const,
  bucket: (bucket: string) => ['s3', 'bucket', bucket] as const,
  objects: (bucket: string, prefix: string) => ['s3', 'bucket', bucket, 'objects', prefix] as const,
  head: (bucket: string, key: string) => ['s3', 'bucket', bucket, 'head', key] as const,
  preview: (bucket: string, key: string) => ['s3', 'bucket', bucket, 'preview', key] as const,
};

export interface BucketRow {
  name: string;
  created?: Date;
}

export interface FolderRow {
  kind: 'folder';
  /** The common prefix, ending in the delimiter: `2026/12/`. */
  prefix: string;
}

export interface ObjectRow {
  kind: 'object';
  key: string;
  size: number;
  lastModified?: Date;
  storageClass?: string;
  etag?: string;
}

export interface ObjectHead {
  key: string;
  size: number;
  contentType?: string;
  etag?: string;
  lastModified?: Date;
  storageClass?: string;
}

/** One key S3 would not delete, with its error code and text. */
export interface KeyError {
  key: string;
  code: string;
  message: string;
}

/** An error that reads like the SDK's (AWS's code as `name`), for what S3 reports inside a 200 answer. */
const awsError = (code: string, message: string): Error => Object.assign(new Error(message), { name: code });

/* ---------- plain operations over an S3Client (the hooks below and the workshop clean-up use them) ---------- */

export const listBuckets = async (s3: S3Client): Promise<BucketRow[]> => {
  const rows: BucketRow[] = [];
  let ContinuationToken: string | undefined;
  do {
    const out = await s3.send(new ListBucketsCommand({ ContinuationToken }));
    for (const b of out.Buckets ?? []) if (b.Name) rows.push({ name: b.Name, created: b.CreationDate });
    ContinuationToken = out.ContinuationToken;
  } while (ContinuationToken);
  return rows.sort((a, b) => a.name.localeCompare(b.name));
};

/** CreateBucket. Outside us-east-1 S3 wants the region as the LocationConstraint: the SDK adds it. */
export const createBucket = (s3: S3Client, name: string) => s3.send(new CreateBucketCommand({ Bucket: name }));

/**
 * Deletes keys: one with DeleteObject, more with DeleteObjects in batches of 1,000. Keys S3 refused
 * come back with its error (DeleteObjects answers 200 and lists them).
 */
export const deleteKeys = async (s3: S3Client, bucket: string, keys: readonly string[], onBatch?: (deleted: number) => void) => {
  const errors: KeyError[] = [];
  let deleted = 0;
  if (keys.length === 1) {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: keys[0] }));
    onBatch?.(1);
    return { deleted: 1, errors };
  }
  for (let i = 0; i < keys.length; i += DELETE_BATCH) {
    const batch = keys.slice(i, i + DELETE_BATCH);
    const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
    const failed = (out.Errors ?? []).map((e) => ({ key: e.Key ?? '', code: e.Code ?? 'Error', message: e.Message ?? '' }));
    errors.push(...failed);
    deleted += batch.length - failed.length;
    onBatch?.(deleted);
  }
  return { deleted, errors };
};

/**
 * Counts a bucket's objects, stopping at `max` (then the count is at least `max`), with the bytes
 * they hold and how many were last modified at or after `since` (epoch ms) when it is given.
 */
export const countObjects = async (
  s3: S3Client,
  bucket: string,
  max = 10_000,
  since?: number,
): Promise<{ count: number; more: boolean; bytes: number; modifiedSince: number }> => {
  let count = 0;
  let bytes = 0;
  let modifiedSince = 0;
  let ContinuationToken: string | undefined;
  do {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
    count += out.KeyCount ?? out.Contents?.length ?? 0;
    for (const o of out.Contents ?? []) {
      bytes += o.Size ?? 0;
      if (since !== undefined && o.LastModified && o.LastModified.getTime() >= since) modifiedSince++;
    }
    ContinuationToken = out.IsTruncated ? out.NextContinuationToken : undefined;
    if (count >= max && ContinuationToken) return { count, more: true, bytes, modifiedSince };
  } while (ContinuationToken);
  return { count, more: false, bytes, modifiedSince };
};

/**
 * Deletes every object in a bucket: a page of up to 1,000 keys listed, then deleted with one
 * DeleteObjects, until the listing is done. Calls `onProgress` with the running count. Throws the
 * first key error S3 reports (the bucket is then not empty).
 */
export const emptyBucket = async (s3: S3Client, bucket: string, onProgress?: (deleted: number) => void): Promise<number> => {
  let deleted = 0;
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken, MaxKeys: DELETE_BATCH }));
    const keys = (page.Contents ?? []).map((o) => o.Key!).filter((k) => k !== undefined);
    if (keys.length > 0) {
      const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
      const first = out.Errors?.[0];
      if (first) throw awsError(first.Code ?? 'Error', `${first.Message ?? ''} (${first.Key}; ${out.Errors!.length} keys not deleted)`);
      deleted += keys.length;
      onProgress?.(deleted);
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return deleted;
};

/** GetObject's body as bytes; `range` as in the Range header. */
export const getBytes = async (s3: S3Client, bucket: string, key: string, range?: string) => {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(range ? { Range: range } : {}) }));
  const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
  return { out, bytes };
};

/* ---------- hooks ---------- */

export const useBuckets = () => {
  const { s3 } = useServices();
  return useQuery({ queryKey: s3Keys.buckets(), queryFn: () => listBuckets(s3), refetchInterval: 10_000 });
};

const useInvalidateS3 = () => {
  const qc = useQueryClient();
  return useCallback(
    (bucket?: string) => {
      void qc.invalidateQueries({ queryKey: s3Keys.buckets() });
      if (bucket) void qc.invalidateQueries({ queryKey: s3Keys.bucket(bucket) });
    },
    [qc],
  );
};

export const useCreateBucket = () => {
  const { s3 } = useServices();
  const invalidate = useInvalidateS3();
  return useMutation({ mutationFn: (name: string) => createBucket(s3, name), onSettled: (_d, _e, name) => invalidate(name) });
};

/** DeleteBucket: S3 refuses a bucket with objects in it (BucketNotEmpty). */
export const useDeleteBucket = () => {
  const { s3 } = useServices();
  const invalidate = useInvalidateS3();
  return useMutation({
    mutationFn: (name: string) => s3.send(new DeleteBucketCommand({ Bucket: name })),
    onSettled: (_d, _e, name) => invalidate(name),
  });
};

/**
 * One level of a bucket: ListObjectsV2 with the prefix and Delimiter '/', so deeper keys come as
 * folders (CommonPrefixes). Pages of up to 1,000 entries; `loadMore` follows the continuation token.
 */
export const useObjectList = (bucket: string, prefix: string) => {
  const { s3 } = useServices();
  const query = useInfiniteQuery({
    queryKey: s3Keys.objects(bucket, prefix),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, Delimiter: '/', ContinuationToken: pageParam })),
    getNextPageParam: (last) => (last.IsTruncated ? last.NextContinuationToken : undefined),
  });
  const pages = query.data?.pages ?? [];
  const folders: FolderRow[] = pages.flatMap((p) => (p.CommonPrefixes ?? []).map((c) => ({ kind: 'folder' as const, prefix: c.Prefix ?? '' })));
  const objects: ObjectRow[] = pages.flatMap((p) =>
    (p.Contents ?? []).map((o) => ({
      kind: 'object' as const,
      key: o.Key ?? '',
      size: o.Size ?? 0,
      lastModified: o.LastModified,
      storageClass: o.StorageClass,
      etag: o.ETag,
    })),
  );
  return {
    folders,
    objects,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    error: query.error,
    refetch: query.refetch,
    hasMore: query.hasNextPage,
    loadMore: query.fetchNextPage,
    loadingMore: query.isFetchingNextPage,
  };
};

/** HeadObject; S3 answers a missing key with 404 NotFound (a HEAD has no error body). */
export const useObjectHead = (bucket: string, key: string, enabled = true) => {
  const { s3 } = useServices();
  return useQuery({
    queryKey: s3Keys.head(bucket, key),
    enabled: enabled && key !== '',
    queryFn: async (): Promise<ObjectHead> => {
      const h = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { key, size: h.ContentLength ?? 0, contentType: h.ContentType, etag: h.ETag, lastModified: h.LastModified, storageClass: h.StorageClass ?? 'STANDARD' };
    },
  });
};

export const isNotFound = (e: unknown): boolean => {
  const name = (e as { name?: string } | null)?.name;
  return name === 'NotFound' || name === 'NoSuchKey';
};

/**
 * The object's preview: the whole object when it is at most 1 MiB, else its first 1 MiB
 * (Range: bytes=0-1048575), read as CSV, JSON, GZIP, text or binary.
 */
export const useObjectPreview = (bucket: string, head: ObjectHead | undefined) => {
  const { s3 } = useServices();
  return useQuery({
    queryKey: [...s3Keys.preview(bucket, head?.key ?? ''), head?.etag],
    enabled: head !== undefined,
    queryFn: async (): Promise<Preview> => {
      const h = head!;
      // An empty object has no byte 0: a Range on it is refused (InvalidRange), so ask for it whole.
      const range = h.size > PREVIEW_BYTES ? `bytes=0-${PREVIEW_BYTES - 1}` : undefined;
      const { out, bytes } = await getBytes(s3, bucket, h.key, range);
      // The size a ranged answer gives (`bytes 0-1048575/5242880`) is the object's as it is now.
      const total = Number(/\/(\d+)$/.exec(out.ContentRange ?? '')?.[1] ?? Math.max(h.size, bytes.length));
      return buildPreview({ key: h.key, contentType: out.ContentType ?? h.contentType, bytes, size: total });
    },
    staleTime: Infinity,
  });
};

/** Downloads an object's bytes as they are stored, named after the last part of its key. */
export const useDownloadObject = () => {
  const { s3 } = useServices();
  return useMutation({
    mutationFn: async ({ bucket, key }: { bucket: string; key: string }) => {
      const { out, bytes } = await getBytes(s3, bucket, key);
      downloadBytes(baseName(key), bytes, out.ContentType ?? 'application/octet-stream');
      return bytes.length;
    },
  });
};

/** Deletes the given keys (DeleteObject for one, DeleteObjects for more); keys S3 refused come back with its error. */
export const useDeleteObjects = () => {
  const { s3 } = useServices();
  const invalidate = useInvalidateS3();
  return useMutation({
    mutationFn: ({ bucket, keys }: { bucket: string; keys: string[] }) => deleteKeys(s3, bucket, keys),
    onSettled: (_d, _e, { bucket }) => invalidate(bucket),
  });
};

/** Empties a bucket (list, then DeleteObjects 1,000 at a time), with the count deleted so far. */
export const useEmptyBucket = () => {
  const { s3 } = useServices();
  const invalidate = useInvalidateS3();
  const [progress, setProgress] = useState<{ bucket: string; deleted: number } | undefined>();
  const mutation = useMutation({
    mutationFn: (bucket: string) => {
      setProgress({ bucket, deleted: 0 });
      return emptyBucket(s3, bucket, (deleted) => setProgress({ bucket, deleted }));
    },
    onSettled: (_d, _e, bucket) => invalidate(bucket),
  });
  return { ...mutation, progress };
};

/** How many objects a bucket holds (counting stops at 10,000). */
export const useObjectCount = (bucket: string, enabled = true) => {
  const { s3 } = useServices();
  return useQuery({ queryKey: [...s3Keys.bucket(bucket), 'count'], enabled, queryFn: () => countObjects(s3, bucket) });
};
