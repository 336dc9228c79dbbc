import { CreateDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  PutRecordsCommand,
  UpdateShardCountCommand,
} from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { ApplicationOutput } from '../engine/analytics/types';
import {
  FIRST_BACKOFF_MS,
  IDLE_GAP_MS,
  MAX_SEND_ATTEMPTS,
  MAX_BACKOFF_MS,
  RemoteAnalyticsEnvironment,
  StreamPoller,
} from './remoteAnalytics';
import { emulatedClients } from './testing';

const ARN = (name: string) => `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`;
const encode = (s: string) => new TextEncoder().encode(s);

/** The console's SDK clients against an in-thread emulator, a stream made and ACTIVE, and a way to put records. */
const world = async (shards = 1) => {
  const w = emulatedClients();
  await w.clients.kinesis.send(new CreateStreamCommand({ StreamName: 'input', ShardCount: shards }));
  w.advance(1000);
  const put = async (...records: [key: string, data: string][]) => {
    const out = await w.clients.kinesis.send(
      new PutRecordsCommand({
        StreamName: 'input',
        Records: records.map(([PartitionKey, data]) => ({ PartitionKey, Data: encode(data) })),
      }),
    );
    expect(out.FailedRecordCount).toBe(0);
    return out.Records!;
  };
  /** Kinesis calls' errors, by name, as the poller meets them. */
  const errors: string[] = [];
  const send = w.clients.kinesis.send.bind(w.clients.kinesis) as (c: unknown) => Promise<unknown>;
  (w.clients.kinesis as unknown as { send: (c: unknown) => Promise<unknown> }).send = async (c) => {
    try {
      return await send(c);
    } catch (e) {
      errors.push((e as Error).name);
      throw e;
    }
  };
  const now = () => w.clock.now();
  /** Pumps `poller` as the worker does: a round, then the clock on to the next call due. */
  const drain = async (poller: StreamPoller, rounds = 6) => {
    const got: { data: string; shardId?: string; sequenceNumber?: string }[] = [];
    for (let i = 0; i < rounds; i++) {
      await poller.pump();
      got.push(...poller.read(10_000).records);
      w.advance(IDLE_GAP_MS);
    }
    return got;
  };
  return { ...w, put, errors, now, drain };
};

describe('StreamPoller: a real stream read with GetRecords for the SQL engine', () => {
  it('reads every shard from TRIM_HORIZON, each shard in sequence order', async () => {
    const w = await world(2);
    const sent = await w.put(
      ...Array.from({ length: 20 }, (_, i): [string, string] => [`key-${i}`, `r${i}`]),
    );
    const got = await w.drain(new StreamPoller(w.clients.kinesis, 'input', 'TRIM_HORIZON', w.now));
    expect(got.map((r) => r.data).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`).sort());
    for (const shard of new Set(sent.map((r) => r.ShardId))) {
      const order = sent.filter((r) => r.ShardId === shard).map((r) => r.SequenceNumber);
      expect(got.filter((r) => r.shardId === shard).map((r) => r.sequenceNumber)).toEqual(order);
    }
  });

  it('from LATEST reads only what arrives after it started', async () => {
    const w = await world();
    await w.put(['a', 'old']);
    const poller = new StreamPoller(w.clients.kinesis, 'input', 'LATEST', w.now);
    await w.drain(poller, 1);
    await w.put(['a', 'new']);
    expect((await w.drain(poller)).map((r) => r.data)).toEqual(['new']);
  });

  it('follows a reshard: the parent read to its end, then its children, and the checkpoint marks the parent done', async () => {
    const w = await world(1);
    await w.put(['a', 'before-1'], ['b', 'before-2']);
    const poller = new StreamPoller(w.clients.kinesis, 'input', 'TRIM_HORIZON', w.now);
    expect((await w.drain(poller, 2)).map((r) => r.data)).toEqual(['before-1', 'before-2']);
    await w.clients.kinesis.send(
      new UpdateShardCountCommand({
        StreamName: 'input',
        TargetShardCount: 2,
        ScalingType: 'UNIFORM_SCALING',
      }),
    );
    w.advance(1000);
    const after = await w.put(
      ...Array.from({ length: 10 }, (_, i): [string, string] => [`k${i}`, `after-${i}`]),
    );
    const children = new Set(after.map((r) => r.ShardId));
    expect(children.has('shardId-000000000000')).toBe(false);
    const got = await w.drain(poller);
    expect(got.map((r) => r.data).sort()).toEqual(after.map((_, i) => `after-${i}`).sort());
    expect(new Set(got.map((r) => r.shardId))).toEqual(children);
    expect(poller.checkpoint().shards['shardId-000000000000']).toBe('done');
  });

  it('retries a throttled shard after a backoff, without reporting it as a problem', async () => {
    const w = await world(1);
    await w.put(['a', 'one']);
    // Another reader spends the shard's 5 calls of this second.
    const { ShardIterator } = await w.clients.kinesis.send(
      new GetShardIteratorCommand({
        StreamName: 'input',
        ShardId: 'shardId-000000000000',
        ShardIteratorType: 'LATEST',
      }),
    );
    for (let i = 0; i < 5; i++) await w.clients.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    const poller = new StreamPoller(w.clients.kinesis, 'input', 'TRIM_HORIZON', w.now);
    await poller.pump();
    expect(w.errors).toEqual(['ProvisionedThroughputExceededException']);
    expect(poller.read(10).records).toEqual([]);
    expect(poller.nextDue()).toBe(w.now() + FIRST_BACKOFF_MS);
    expect(poller.problem).toBeUndefined();
    w.advance(1000);
    expect((await w.drain(poller, 1)).map((r) => r.data)).toEqual(['one']);
  });

  it('resumes from its checkpoint: after the last record the SQL took, never before', async () => {
    const w = await world(2);
    await w.put(['a', 'one'], ['b', 'two']);
    const first = new StreamPoller(w.clients.kinesis, 'input', 'TRIM_HORIZON', w.now);
    await first.pump();
    // The SQL takes one record; the other is still buffered when the page goes away.
    const taken = first.read(1).records;
    expect(taken).toHaveLength(1);
    const checkpoint = JSON.parse(JSON.stringify(first.checkpoint())) as unknown;
    await w.put(['c', 'three']);
    const again = new StreamPoller(w.clients.kinesis, 'input', 'LATEST', w.now, checkpoint);
    const got = (await w.drain(again)).map((r) => r.data);
    expect(got.sort()).toEqual(['one', 'two', 'three'].filter((d) => d !== taken[0].data).sort());
  });

  it('started from LATEST and stopped before any record came, resumes from the time it started', async () => {
    const w = await world(1);
    const first = new StreamPoller(w.clients.kinesis, 'input', 'LATEST', w.now);
    await w.drain(first, 1);
    const checkpoint = first.checkpoint();
    w.advance(2000);
    await w.put(['a', 'while-away']);
    expect(
      (await w.drain(new StreamPoller(w.clients.kinesis, 'input', 'LATEST', w.now, checkpoint))).map(
        (r) => r.data,
      ),
    ).toEqual(['while-away']);
  });

  it('says the stream is gone when it no longer exists', async () => {
    const w = await world(1);
    const poller = new StreamPoller(w.clients.kinesis, 'nope', 'TRIM_HORIZON', w.now);
    await poller.pump();
    expect(poller.read(10)).toEqual({ records: [], gone: true });
  });
});

const output = (kind: 'kinesis' | 'firehose', arn: string): ApplicationOutput => ({
  OutputId: '1.1',
  Name: 'DESTINATION_SQL_STREAM',
  ...(kind === 'kinesis'
    ? { KinesisStreamsOutputDescription: { ResourceARN: arn } }
    : { KinesisFirehoseOutputDescription: { ResourceARN: arn } }),
  DestinationSchema: { RecordFormatType: 'JSON' },
});

describe('RemoteAnalyticsEnvironment: the engine over real streams', () => {
  const env = (w: Awaited<ReturnType<typeof world>>) =>
    new RemoteAnalyticsEnvironment({
      kinesis: w.clients.kinesis,
      firehose: w.clients.firehose,
      region: 'us-east-1',
      now: w.now,
    });

  it('delivers output to a Kinesis stream with PutRecords, in order', async () => {
    const w = await world(1);
    await w.clients.kinesis.send(new CreateStreamCommand({ StreamName: 'out', ShardCount: 1 }));
    w.advance(1000);
    const e = env(w);
    const records = Array.from({ length: 600 }, (_, i) => JSON.stringify({ n: i }));
    expect(e.deliver(output('kinesis', ARN('out')), 'us-east-1', records)).toBe(600);
    await e.pump();
    await e.pump();
    expect(e.outbox(ARN('out'))).toEqual({ pending: 0, sent: 600 });
    const got = await w.drain(new StreamPoller(w.clients.kinesis, 'out', 'TRIM_HORIZON', w.now), 1);
    expect(got.map((r) => r.data)).toEqual(records);
  });

  it('delivers output to a delivery stream with PutRecordBatch, which writes it to S3', async () => {
    const w = await world(1);
    await w.clients.s3.send(new CreateBucketCommand({ Bucket: 'results' }));
    await w.clients.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'to-s3',
        ExtendedS3DestinationConfiguration: {
          BucketARN: 'arn:aws:s3:::results',
          RoleARN: 'arn:aws:iam::000000000000:role/firehose',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        },
      }),
    );
    w.advance(6000);
    const e = env(w);
    const arn = 'arn:aws:firehose:us-east-1:000000000000:deliverystream/to-s3';
    e.deliver(output('firehose', arn), 'us-east-1', ['{"a":1}\n', '{"a":2}\n']);
    await e.pump();
    expect(e.outbox(arn)).toEqual({ pending: 0, sent: 2 });
    w.advance(61_000);
    const list = await w.clients.s3.send(new ListObjectsV2Command({ Bucket: 'results' }));
    const obj = await w.clients.s3.send(
      new GetObjectCommand({ Bucket: 'results', Key: list.Contents![0].Key! }),
    );
    expect(await obj.Body!.transformToString()).toBe('{"a":1}\n{"a":2}\n');
  });

  it('retries a destination that fails with a backoff, then gives the batch up and says so', async () => {
    const w = await world(1);
    const e = env(w);
    e.deliver(output('kinesis', ARN('missing')), 'us-east-1', ['x']);
    await e.pump();
    expect(e.problems([ARN('missing')])[0]).toMatch(
      /^Delivering to .*missing is being retried \(ResourceNotFoundException: /,
    );
    expect(e.outbox(ARN('missing')).pending).toBe(1);
    for (let i = 1; i < MAX_SEND_ATTEMPTS; i++) {
      w.advance(MAX_BACKOFF_MS);
      await e.pump();
    }
    expect(e.outbox(ARN('missing')).pending).toBe(0);
    expect(e.problems([ARN('missing')])[0]).toMatch(
      new RegExp(`^1 record could not be delivered to .*missing after ${MAX_SEND_ATTEMPTS} attempts`),
    );
  });

  it('answers existence and schema samples from what it looked up before the request', async () => {
    const w = await world(1);
    await w.put(['a', '{"x":1}'], ['b', '{"x":2}']);
    const e = env(w);
    const body = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    const request = (op: string, o: unknown) => ({
      method: 'POST',
      path: '/',
      query: {},
      headers: { 'x-amz-target': `KinesisAnalytics_20180523.${op}` },
      body: body(o),
    });
    await e.prepare(
      request('DiscoverInputSchema', {
        ResourceARN: ARN('input'),
        InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' },
      }),
    );
    expect(e.resourceExists('kinesis', ARN('input'))).toBe(true);
    expect(e.sampleRecords(ARN('input'), 'us-east-1', 'TRIM_HORIZON', 100)).toEqual(['{"x":1}', '{"x":2}']);
    await e.prepare(
      request('AddApplicationOutput', { Output: { KinesisStreamsOutput: { ResourceARN: ARN('other') } } }),
    );
    expect(e.resourceExists('kinesis', ARN('other'))).toBe(false);
    expect(e.resourceExists('kinesis', 'arn:aws:kinesis:eu-west-1:000000000000:stream/input')).toBe(false);
  });
});
