import {
  CreateDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  PutRecordBatchCommand,
} from '@aws-sdk/client-firehose';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emulatedClients as setup } from './testing';

describe('Firehose and S3 through the console SDK clients', () => {
  it('delivers a DirectPut batch to S3 under the dated prefix of its oldest record (UTC), records concatenated in order', async () => {
    const { clients, advance } = setup();
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'workshop-bucket' }));
    await clients.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'to-s3',
        DeliveryStreamType: 'DirectPut',
        ExtendedS3DestinationConfiguration: {
          BucketARN: 'arn:aws:s3:::workshop-bucket',
          RoleARN: 'arn:aws:iam::123456789012:role/firehose',
          BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
        },
      }),
    );
    advance(6000);
    const d = await clients.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'to-s3' }));
    expect(d.DeliveryStreamDescription?.DeliveryStreamStatus).toBe('ACTIVE');
    const put = await clients.firehose.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'to-s3',
        Records: ['a,1\n', 'b,2\n', 'c,3\n'].map((s) => ({ Data: new TextEncoder().encode(s) })),
      }),
    );
    expect(put.FailedPutCount).toBe(0);
    advance(61_000);
    const list = await clients.s3.send(new ListObjectsV2Command({ Bucket: 'workshop-bucket' }));
    expect(list.KeyCount).toBe(1);
    const key = list.Contents![0].Key!;
    expect(key).toMatch(/^2026\/12\/02\/10\/to-s3-1-2026-12-02-10-59-36-[0-9a-f-]{36}$/);
    const obj = await clients.s3.send(new GetObjectCommand({ Bucket: 'workshop-bucket', Key: key }));
    expect(await obj.Body!.transformToString()).toBe('a,1\nb,2\nc,3\n');
  });

  it('writes GZIP objects with a .gz name that gunzip back to the records', async () => {
    const { clients, advance } = setup();
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'gz-bucket' }));
    await clients.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'gz',
        ExtendedS3DestinationConfiguration: {
          BucketARN: 'arn:aws:s3:::gz-bucket',
          RoleARN: 'arn:aws:iam::123456789012:role/firehose',
          CompressionFormat: 'GZIP',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 },
        },
      }),
    );
    advance(6000);
    await clients.firehose.send(
      new PutRecordBatchCommand({ DeliveryStreamName: 'gz', Records: [{ Data: new TextEncoder().encode('{"x":1}') }] }),
    );
    advance(1000);
    const list = await clients.s3.send(new ListObjectsV2Command({ Bucket: 'gz-bucket' }));
    const key = list.Contents![0].Key!;
    expect(key.endsWith('.gz')).toBe(true);
    const obj = await clients.s3.send(new GetObjectCommand({ Bucket: 'gz-bucket', Key: key }));
    expect(new TextDecoder().decode(gunzipSync(await obj.Body!.transformToByteArray()))).toBe('{"x":1}');
  });

  it('refuses to delete a bucket that is not empty, with BucketNotEmpty', async () => {
    const { clients } = setup();
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'full-bucket' }));
    await clients.s3.send(new PutObjectCommand({ Bucket: 'full-bucket', Key: 'a/b.txt', Body: 'hello' }));
    await expect(clients.s3.send(new DeleteBucketCommand({ Bucket: 'full-bucket' }))).rejects.toMatchObject({
      name: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty',
    });
  });
});
