import { request as httpRequest } from 'node:http';
import { CreateDeliveryStreamCommand, FirehoseClient, PutRecordBatchCommand, PutRecordCommand } from '@aws-sdk/client-firehose';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { gunzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/engine/common/clock';
import { startEmulatorServer, type EmulatorServer } from './http';

/** Firehose and S3 through the AWS SDK over HTTP, as `npm run emulator` serves them, on a clock the test moves. */
const T0 = Date.UTC(2026, 11, 2, 10, 59, 30);
const config = (url: string) => ({
  endpoint: url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  requestHandler: new NodeHttpHandler(),
});
const ROLE = 'arn:aws:iam::000000000000:role/firehose';
const utf8 = new TextEncoder();

describe('Firehose and S3 over HTTP (npm run emulator)', () => {
  let server: EmulatorServer;
  let clock: VirtualClock;
  let firehose: FirehoseClient;
  let s3: S3Client;
  /** Moves the emulator's clock on and runs the work due (delivery), as the server's scheduler would. */
  const advance = (ms: number) => {
    clock.advance(ms);
    server.emulator.advance(clock.now());
  };
  const text = async (bucket: string, key: string, range?: string) =>
    (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range }))).Body!.transformToString();
  const error = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as S3ServiceException);

  beforeAll(async () => {
    clock = new VirtualClock(T0);
    server = await startEmulatorServer({ port: 0, stateDelayMs: 0, clock, log: () => {} });
    firehose = new FirehoseClient(config(server.url));
    s3 = new S3Client({ ...config(server.url), forcePathStyle: true });
  });
  afterAll(async () => {
    firehose.destroy();
    s3.destroy();
    await server.close();
  });

  it('delivers DirectPut records to S3 under the dated prefix, concatenated in order, plain and GZIP', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'delivered' }));
    for (const [name, CompressionFormat] of [['plain', 'UNCOMPRESSED'], ['zipped', 'GZIP']] as const)
      await firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: name,
          DeliveryStreamType: 'DirectPut',
          ExtendedS3DestinationConfiguration: {
            RoleARN: ROLE,
            BucketARN: 'arn:aws:s3:::delivered',
            Prefix: `${name}/`,
            BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
            CompressionFormat,
          },
        }),
      );
    advance(0);
    const rows = Array.from({ length: 20 }, (_, i) => `{"sensor":${i},"temp":${20 + i}}\n`);
    for (const name of ['plain', 'zipped']) {
      const out = await firehose.send(
        new PutRecordBatchCommand({ DeliveryStreamName: name, Records: rows.slice(0, 19).map((r) => ({ Data: utf8.encode(r) })) }),
      );
      expect(out.FailedPutCount).toBe(0);
      await firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: utf8.encode(rows[19]) } }));
    }
    advance(59_000);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'delivered' }))).KeyCount).toBe(0);
    advance(1_000);
    const plain = (await s3.send(new ListObjectsV2Command({ Bucket: 'delivered', Prefix: 'plain/' }))).Contents ?? [];
    expect(plain.map((o) => o.Key)).toEqual([expect.stringMatching(/^plain\/2026\/12\/02\/10\/plain-1-2026-12-02-10-59-30-[0-9a-f-]{36}$/)]);
    expect(await text('delivered', plain[0].Key!)).toBe(rows.join(''));
    const zipped = (await s3.send(new ListObjectsV2Command({ Bucket: 'delivered', Prefix: 'zipped/2026/12/02/10/' }))).Contents ?? [];
    expect(zipped.map((o) => o.Key)).toEqual([expect.stringMatching(/^zipped\/2026\/12\/02\/10\/zipped-1-2026-12-02-10-59-30-[0-9a-f-]{36}\.gz$/)]);
    const body = await (await s3.send(new GetObjectCommand({ Bucket: 'delivered', Key: zipped[0].Key }))).Body!.transformToByteArray();
    expect(new TextDecoder().decode(gunzipSync(body))).toBe(rows.join(''));
  });

  it('refuses to delete a bucket that still holds objects (BucketNotEmpty), and deletes it once emptied', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'full' }));
    await s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'a.txt', Body: 'a' }));
    const e = await error(s3.send(new DeleteBucketCommand({ Bucket: 'full' })));
    expect([e?.name, e?.message, e?.$metadata.httpStatusCode]).toEqual([
      'BucketNotEmpty',
      'The bucket you tried to delete is not empty',
      409,
    ]);
    await s3.send(new DeleteObjectsCommand({ Bucket: 'full', Delete: { Objects: [{ Key: 'a.txt' }] } }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'full' }));
    expect((await error(s3.send(new ListObjectsV2Command({ Bucket: 'full' }))))?.name).toBe('NoSuchBucket');
  });

  it('lists with a delimiter (folders as CommonPrefixes) and in pages with continuation tokens', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'listed' }));
    for (const Key of ['2026/12/01/a', '2026/12/02/b', '2026/12/02/c', 'notes.txt', 'readme.md'])
      await s3.send(new PutObjectCommand({ Bucket: 'listed', Key, Body: Key }));
    const top = await s3.send(new ListObjectsV2Command({ Bucket: 'listed', Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/']);
    expect(top.Contents?.map((o) => o.Key)).toEqual(['notes.txt', 'readme.md']);
    const days = await s3.send(new ListObjectsV2Command({ Bucket: 'listed', Delimiter: '/', Prefix: '2026/12/' }));
    expect(days.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/12/01/', '2026/12/02/']);
    const pages: string[][] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: 'listed', MaxKeys: 2, ContinuationToken }));
      pages.push((page.Contents ?? []).map((o) => o.Key!));
      expect(page.IsTruncated).toBe(page.NextContinuationToken !== undefined);
      ContinuationToken = page.NextContinuationToken;
    } while (ContinuationToken);
    expect(pages).toEqual([['2026/12/01/a', '2026/12/02/b'], ['2026/12/02/c', 'notes.txt'], ['readme.md']]);
    // ListObjects version 1 (older tools): pages by marker, NextMarker with a delimiter.
    const v1 = await s3.send(new ListObjectsCommand({ Bucket: 'listed', Delimiter: '/', MaxKeys: 2 }));
    expect([v1.CommonPrefixes?.map((p) => p.Prefix), v1.Contents?.map((o) => o.Key), v1.IsTruncated, v1.NextMarker]).toEqual([
      ['2026/'],
      ['notes.txt'],
      true,
      'notes.txt',
    ]);
    const rest = await s3.send(new ListObjectsCommand({ Bucket: 'listed', Delimiter: '/', Marker: '2026/' }));
    expect([rest.CommonPrefixes, rest.Contents?.map((o) => o.Key), rest.IsTruncated]).toEqual([undefined, ['notes.txt', 'readme.md'], false]);
  });

  it('answers a Range request with 206 and the bytes asked for', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'ranged' }));
    await s3.send(new PutObjectCommand({ Bucket: 'ranged', Key: 'digits', Body: '0123456789' }));
    const out = await s3.send(new GetObjectCommand({ Bucket: 'ranged', Key: 'digits', Range: 'bytes=2-5' }));
    expect([out.$metadata.httpStatusCode, out.ContentRange, out.ContentLength]).toEqual([206, 'bytes 2-5/10', 4]);
    expect(await out.Body!.transformToString()).toBe('2345');
    expect(await text('ranged', 'digits', 'bytes=-3')).toBe('789');
    // HEAD tells the size of the body GET would send.
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'ranged', Key: 'digits' }))).ContentLength).toBe(10);
    const e = await error(s3.send(new GetObjectCommand({ Bucket: 'ranged', Key: 'digits', Range: 'bytes=20-' })));
    expect([e?.name, e?.$metadata.httpStatusCode]).toEqual(['InvalidRange', 416]);
  });

  it('takes an object of 10 MiB in one PUT (the AWS CLI sends up to 8 MiB so), above the 7 MiB cut-off of the JSON services', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'large' }));
    const body = new Uint8Array(10 * 1024 * 1024).map((_, i) => i % 251);
    await s3.send(new PutObjectCommand({ Bucket: 'large', Key: 'big.bin', Body: body }));
    const back = await (await s3.send(new GetObjectCommand({ Bucket: 'large', Key: 'big.bin' }))).Body!.transformToByteArray();
    expect(back.length).toBe(body.length);
    expect(back[1000]).toBe(1000 % 251);
  });

  it("sends errors in S3's XML shape", async () => {
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/no-such-bucket/key`,
        {
          method: 'GET',
          headers: {
            authorization: 'AWS4-HMAC-SHA256 Credential=x/20261202/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
            'x-amz-date': '20261202T000000Z',
          },
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect([res.status, res.type]).toEqual([404, 'application/xml']);
    expect(res.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\s*<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>no-such-bucket<\/BucketName><RequestId>[^<]+<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/,
    );
    const e = await error(s3.send(new GetObjectCommand({ Bucket: 'ranged', Key: 'missing' })));
    expect([e?.name, e?.message]).toEqual(['NoSuchKey', 'The specified key does not exist.']);
  });
});
