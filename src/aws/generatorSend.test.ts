import { CreateDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../engine/common/clock';
import { Emulator } from '../engine/emulator';
import { WORKSHOP_SENSOR_TEMPLATE } from '../engine/generator/workshop';
import { GeneratorHost } from '../worker/generatorHost';
import type { GeneratorJob, GeneratorStats } from '../worker/generatorProtocol';
import { createServiceClients } from './clients';
import { defaultConnectionSettings } from './connection';
import { sendBatchFor } from './generatorSend';

const setup = () => {
  const clock = new VirtualClock(Date.UTC(2026, 11, 2, 9, 0, 0));
  const emulator = new Emulator({ clock });
  const clients = createServiceClients(defaultConnectionSettings, { emulatorTransport: (req) => emulator.handle(req) });
  const host = new GeneratorHost((job) => sendBatchFor(clients, job), { statsIntervalMs: 20 });
  const advance = (ms: number) => emulator.advance(clock.advance(ms));
  return { clients, host, advance };
};

const job = (over: Partial<GeneratorJob>): GeneratorJob => ({
  stream: 'x',
  templates: [{ name: 'sensor', source: WORKSHOP_SENSOR_TEMPLATE, weight: 1 }],
  rate: 5000,
  limit: 120,
  partitionKey: { kind: 'random' },
  newline: true,
  gzip: false,
  connection: defaultConnectionSettings,
  ...over,
});

const settle = (host: GeneratorHost, j: GeneratorJob) =>
  new Promise<GeneratorStats>((resolve, reject) => {
    void host
      .start(j, (s) => {
        if (s.state !== 'running' && s.pending === 0 && s.inFlightCalls === 0) resolve(s);
      })
      .then((r) => (r.ok ? undefined : reject(new Error(r.rejection.message))), reject);
  });

describe('sendBatchFor: the generator puts records where its job says', () => {
  it('into a Firehose delivery stream with PutRecordBatch: every record acknowledged and delivered to S3 in order', async () => {
    const { clients, host, advance } = setup();
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'gen-bucket' }));
    await clients.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'gen-delivery',
        ExtendedS3DestinationConfiguration: {
          BucketARN: 'arn:aws:s3:::gen-bucket',
          RoleARN: 'arn:aws:iam::123456789012:role/firehose',
          BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
        },
      }),
    );
    advance(6000);
    const stats = await settle(host, job({ stream: 'gen-delivery', target: 'firehose' }));
    expect(stats).toMatchObject({ state: 'completed', acknowledged: 120, failed: 0 });
    advance(61_000);
    const list = await clients.s3.send(new ListObjectsV2Command({ Bucket: 'gen-bucket' }));
    expect(list.KeyCount).toBe(1);
    const body = await (await clients.s3.send(new GetObjectCommand({ Bucket: 'gen-bucket', Key: list.Contents![0].Key! }))).Body!.transformToString();
    const lines = body.trimEnd().split('\n');
    expect(lines).toHaveLength(120);
    expect(JSON.parse(lines[0])).toHaveProperty('sensorId');
  });

  it('into a Kinesis data stream with PutRecords (the default target)', async () => {
    const { clients, host, advance } = setup();
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'gen-stream', ShardCount: 1 }));
    advance(1000);
    const stats = await settle(host, job({ stream: 'gen-stream', limit: 40 }));
    expect(stats).toMatchObject({ state: 'completed', acknowledged: 40 });
    const it0 = await clients.kinesis.send(
      new GetShardIteratorCommand({ StreamName: 'gen-stream', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const got = await clients.kinesis.send(new GetRecordsCommand({ ShardIterator: it0.ShardIterator }));
    expect(got.Records).toHaveLength(40);
  });

  it('stops with the AWS error when the delivery stream does not exist', async () => {
    const { host } = setup();
    const stats = await settle(host, job({ stream: 'nowhere', target: 'firehose' }));
    expect(stats.state).toBe('stopped');
    expect(stats.lastError?.code).toBe('ResourceNotFoundException');
  });
});
