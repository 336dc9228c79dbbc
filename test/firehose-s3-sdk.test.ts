import {
  CreateDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  PutRecordBatchCommand,
  PutRecordCommand,
} from '@aws-sdk/client-firehose';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EmulatorRequestHandler } from '../src/aws/handler';
import { VirtualClock } from '../src/engine/common/clock';
import { Emulator } from '../src/engine/emulator';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const config = {
  region: 'us-east-1',
  endpoint: 'http://emulator.local',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
};
const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

const setup = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock, options: { stateDelayMs: 500 } });
  const requestHandler = new EmulatorRequestHandler((req) => emulator.handle(req));
  const firehose = new FirehoseClient({ ...config, requestHandler });
  const s3 = new S3Client({ ...config, forcePathStyle: true, requestHandler });
  /** Moves the clock to `t` and lets Firehose do what is due there. */
  const at = (t: number) => {
    clock.set(t);
    return emulator.advance(t);
  };
  const keys = async (Bucket: string, Prefix?: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket, Prefix }))).Contents ?? []).map((c) => c.Key!);
  const read = async (Bucket: string, Key: string) =>
    (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToByteArray();
  const createHose = async (name: string, bucket: string, extra: Record<string, unknown> = {}) => {
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        DeliveryStreamType: 'DirectPut',
        ExtendedS3DestinationConfiguration: {
          RoleARN: 'arn:aws:iam::000000000000:role/firehose',
          BucketARN: `arn:aws:s3:::${bucket}`,
          BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
          CloudWatchLoggingOptions: { Enabled: true },
          ...extra,
        },
      }),
    );
    clock.advance(500);
    const d = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }));
    expect(d.DeliveryStreamDescription?.DeliveryStreamStatus).toBe('ACTIVE');
  };
  return { clock, emulator, firehose, s3, at, keys, read, createHose };
};

const s3Error = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof S3ServiceException)
      return { name: e.name, status: e.$metadata.httpStatusCode, message: e.message };
    throw e;
  }
  throw new Error('did not fail');
};

describe('Firehose to S3 through @aws-sdk/client-firehose and @aws-sdk/client-s3', () => {
  it('delivers DirectPut records to S3 under the dated prefix, back to back in order, after the buffer interval', async () => {
    const { firehose, s3, at, keys, read, createHose, clock } = setup();
    await s3.send(new CreateBucketCommand({ Bucket: 'filtered-iot-data' }));
    await createHose('iot-hose', 'filtered-iot-data');
    const t1 = clock.now();
    const rows = Array.from({ length: 20 }, (_, i) => `${i},sensor-${i % 3},${20 + i}\n`);
    const out = await firehose.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'iot-hose',
        Records: rows.slice(0, 19).map((r) => ({ Data: utf8.encode(r) })),
      }),
    );
    expect(out.FailedPutCount).toBe(0);
    expect(out.RequestResponses).toHaveLength(19);
    await firehose.send(
      new PutRecordCommand({ DeliveryStreamName: 'iot-hose', Record: { Data: utf8.encode(rows[19]) } }),
    );
    expect(at(t1 + 30_000)).toBe(t1 + 60_000);
    expect(await keys('filtered-iot-data')).toEqual([]);
    at(t1 + 60_000);
    const [key, ...more] = await keys('filtered-iot-data');
    expect(more).toEqual([]);
    expect(key).toMatch(
      /^2026\/01\/01\/12\/iot-hose-1-2026-01-01-12-00-00-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(utf8d.decode(await read('filtered-iot-data', key))).toBe(rows.join(''));
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'filtered-iot-data', Key: key }));
    expect(head.ContentLength).toBe(rows.join('').length);
    expect(head.ContentType).toBe('application/octet-stream');
  });

  it('delivers GZIP-compressed objects named .gz', async () => {
    const { firehose, s3, at, keys, read, createHose, clock } = setup();
    await s3.send(new CreateBucketCommand({ Bucket: 'gz-bucket' }));
    await createHose('gz-hose', 'gz-bucket', { CompressionFormat: 'GZIP', Prefix: 'out/' });
    await firehose.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'gz-hose',
        Records: ['a\n', 'b\n'].map((r) => ({ Data: utf8.encode(r) })),
      }),
    );
    at(clock.now() + 60_000);
    const [key] = await keys('gz-bucket');
    expect(key).toMatch(/^out\/2026\/01\/01\/12\/gz-hose-1-.*\.gz$/);
    expect(utf8d.decode(gunzipSync(await read('gz-bucket', key)))).toBe('a\nb\n');
  });

  it('refuses to delete a bucket that is not empty, then deletes it once emptied', async () => {
    const { s3 } = setup();
    await s3.send(new CreateBucketCommand({ Bucket: 'cleanup' }));
    await s3.send(new PutObjectCommand({ Bucket: 'cleanup', Key: 'a/b.txt', Body: 'hello' }));
    expect(await s3Error(s3.send(new DeleteBucketCommand({ Bucket: 'cleanup' })))).toEqual({
      name: 'BucketNotEmpty',
      status: 409,
      message: 'The bucket you tried to delete is not empty',
    });
    await s3.send(new DeleteObjectCommand({ Bucket: 'cleanup', Key: 'a/b.txt' }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'cleanup' }));
    expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    expect((await s3Error(s3.send(new GetObjectCommand({ Bucket: 'cleanup', Key: 'x' })))).name).toBe(
      'NoSuchBucket',
    );
  });

  it('lists objects with a delimiter and pages through them with continuation tokens', async () => {
    const { s3 } = setup();
    await s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
    const all = [
      '2026/01/01/10/a',
      '2026/01/01/11/b',
      '2026/01/02/00/c',
      'processing-failed/2026/x',
      'top.txt',
    ];
    for (const Key of all) await s3.send(new PutObjectCommand({ Bucket: 'listing', Key, Body: Key }));
    const top = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/', 'processing-failed/']);
    expect(top.Contents?.map((c) => [c.Key, c.Size])).toEqual([['top.txt', 7]]);
    expect(top.KeyCount).toBe(3);
    const hours = await s3.send(
      new ListObjectsV2Command({ Bucket: 'listing', Prefix: '2026/01/01/', Delimiter: '/' }),
    );
    expect(hours.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/01/01/10/', '2026/01/01/11/']);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: 'listing', MaxKeys: 2, ContinuationToken: token }),
      );
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
      pages++;
      expect(page.IsTruncated).toBe(token !== undefined);
    } while (token);
    expect([pages, seen]).toEqual([3, all]);
  });

  it('reads a byte range, reports a missing key as NoSuchKey, and deletes several objects at once', async () => {
    const { s3 } = setup();
    await s3.send(new CreateBucketCommand({ Bucket: 'ranges' }));
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'ranges', Key: 'digits', Body: utf8.encode('0123456789') }),
    );
    expect(put.ETag).toBe('"781e5e245d69b566979b86e28d23f2c7"');
    const part = await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'digits', Range: 'bytes=3-5' }));
    expect([await part.Body!.transformToString(), part.ContentRange]).toEqual(['345', 'bytes 3-5/10']);
    expect(await s3Error(s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'nope' })))).toEqual({
      name: 'NoSuchKey',
      status: 404,
      message: 'The specified key does not exist.',
    });
    const odd = 'dir/hello world é+%.txt';
    await s3.send(new PutObjectCommand({ Bucket: 'ranges', Key: odd, Body: 'odd' }));
    expect(
      await (await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: odd }))).Body!.transformToString(),
    ).toBe('odd');
    expect(
      (await s3.send(new ListObjectsV2Command({ Bucket: 'ranges', Prefix: 'dir/' }))).Contents?.map(
        (c) => c.Key,
      ),
    ).toEqual([odd]);
    await s3.send(new DeleteObjectCommand({ Bucket: 'ranges', Key: odd }));
    const del = await s3.send(
      new DeleteObjectsCommand({
        Bucket: 'ranges',
        Delete: { Objects: [{ Key: 'digits' }, { Key: 'other' }] },
      }),
    );
    expect(del.Deleted?.map((d) => d.Key)).toEqual(['digits', 'other']);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'ranges' }))).KeyCount).toBe(0);
  });
});
