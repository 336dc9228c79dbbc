import { DeleteBucketCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { emulatedClients } from '../../aws/testing';
import { countObjects, createBucket, deleteKeys, emptyBucket, listBuckets } from './useS3';

const fill = async (s3: S3Client, bucket: string, n: number) => {
  for (let i = 0; i < n; i++) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `2026/12/02/${String(i).padStart(5, '0')}`, Body: 'x' }));
};

describe('S3 operations the console uses', () => {
  it('creates and lists buckets; S3 names the bad ones', async () => {
    const { clients } = emulatedClients();
    await createBucket(clients.s3, 'b-two');
    await createBucket(clients.s3, 'a-one');
    expect((await listBuckets(clients.s3)).map((b) => b.name)).toEqual(['a-one', 'b-two']);
    await expect(createBucket(clients.s3, 'Bad_Name')).rejects.toMatchObject({ name: 'InvalidBucketName', message: 'The specified bucket is not valid.' });
  });

  it('deletes one key, or many in batches of 1,000, and counts what is left', async () => {
    const { clients } = emulatedClients();
    await createBucket(clients.s3, 'data');
    await fill(clients.s3, 'data', 1003);
    expect(await countObjects(clients.s3, 'data')).toMatchObject({ count: 1003, more: false, bytes: 1003 });
    expect(await countObjects(clients.s3, 'data', 1000)).toMatchObject({ count: 1000, more: true, bytes: 1000 });
    expect((await countObjects(clients.s3, 'data', 10_000, 0)).modifiedSince).toBe(1003);
    expect((await countObjects(clients.s3, 'data', 10_000, Date.UTC(2999, 0))).modifiedSince).toBe(0);
    expect(await deleteKeys(clients.s3, 'data', ['2026/12/02/00000'])).toEqual({ deleted: 1, errors: [] });
    const keys = Array.from({ length: 1001 }, (_, i) => `2026/12/02/${String(i + 1).padStart(5, '0')}`);
    const batches: number[] = [];
    expect(await deleteKeys(clients.s3, 'data', keys, (n) => batches.push(n))).toEqual({ deleted: 1001, errors: [] });
    expect(batches).toEqual([1000, 1001]);
    const left = await clients.s3.send(new ListObjectsV2Command({ Bucket: 'data' }));
    expect(left.Contents?.map((o) => o.Key)).toEqual(['2026/12/02/01002']);
  });

  it('empties a bucket page by page with progress, after which S3 deletes it', async () => {
    const { clients } = emulatedClients();
    await createBucket(clients.s3, 'full');
    await fill(clients.s3, 'full', 1001);
    await expect(clients.s3.send(new DeleteBucketCommand({ Bucket: 'full' }))).rejects.toMatchObject({ name: 'BucketNotEmpty' });
    const progress: number[] = [];
    expect(await emptyBucket(clients.s3, 'full', (n) => progress.push(n))).toBe(1001);
    expect(progress).toEqual([1000, 1001]);
    await clients.s3.send(new DeleteBucketCommand({ Bucket: 'full' }));
    expect(await listBuckets(clients.s3)).toEqual([]);
    await expect(emptyBucket(clients.s3, 'full')).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it('creates a bucket outside us-east-1 in its region (the SDK sends the LocationConstraint S3 requires there)', async () => {
    const { clients } = emulatedClients('us-west-2');
    await createBucket(clients.s3, 'oregon-bucket');
    expect((await listBuckets(clients.s3)).map((b) => b.name)).toEqual(['oregon-bucket']);
    await expect(createBucket(clients.s3, 'oregon-bucket')).rejects.toMatchObject({ name: 'BucketAlreadyOwnedByYou' });
  });
});
