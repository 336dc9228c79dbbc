import {
  DescribeStreamConsumerCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordsCommand,
  RegisterStreamConsumerCommand,
  SplitShardCommand,
  SubscribeToShardCommand,
  type SubscribeToShardEventStream,
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from './http';

/** SubscribeToShard through the SDK over HTTP/2 against the emulator server, beside HTTP/1.1 on the same port. */
let server: EmulatorServer;
let http1: KinesisClient;
let http2: KinesisClient;

const clientFor = (url: string, requestHandler: NodeHttpHandler | NodeHttp2Handler) =>
  new KinesisClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, requestHandler });

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
};

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, stateDelayMs: 50, log: () => {} });
  http1 = clientFor(server.url, new NodeHttpHandler());
  http2 = clientFor(server.url, new NodeHttp2Handler({ disableConcurrentStreams: false }));
});
afterAll(async () => {
  http1.destroy();
  http2.destroy();
  await server.close();
});

const activeStreamWithConsumer = async (name: string) => {
  await http1.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
  let arn = '';
  await until(async () => {
    const d = (await http1.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary!;
    arn = d.StreamARN!;
    return d.StreamStatus === 'ACTIVE';
  });
  const { Consumer } = await http1.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'app' }));
  expect(Consumer?.ConsumerStatus).toBe('CREATING');
  await until(async () => (await http1.send(new DescribeStreamConsumerCommand({ ConsumerARN: Consumer!.ConsumerARN }))).ConsumerDescription!.ConsumerStatus === 'ACTIVE');
  return { streamArn: arn, consumerArn: Consumer!.ConsumerARN! };
};

type Event = NonNullable<SubscribeToShardEventStream['SubscribeToShardEvent']>;

describe('SubscribeToShard over HTTP/2', () => {
  it('delivers records put after subscribing, in order, with their sequence numbers and data; a split ends it with ChildShards', async () => {
    const { consumerArn } = await activeStreamWithConsumer('efo');
    const out = await http2.send(
      new SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } }),
    );
    const events: Event[] = [];
    const reading = (async () => {
      for await (const e of out.EventStream!) if (e.SubscribeToShardEvent) events.push(e.SubscribeToShardEvent);
    })();

    // A second subscription for the same consumer and shard is refused while this one is open.
    await expect(
      http2.send(new SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } })),
    ).rejects.toMatchObject({ name: 'ResourceInUseException', message: `Another active subscription exists for this consumer: ${consumerArn}` });

    const put = await http1.send(
      new PutRecordsCommand({
        StreamName: 'efo',
        Records: ['one', 'two', 'three'].map((d) => ({ Data: new TextEncoder().encode(d), PartitionKey: d })),
      }),
    );
    const sent = put.Records!.map((r) => r.SequenceNumber);
    const received = () => events.flatMap((e) => e.Records ?? []);
    await until(async () => received().length >= 3);
    expect(received().map((r) => [r.SequenceNumber, new TextDecoder().decode(r.Data)])).toEqual([
      [sent[0], 'one'],
      [sent[1], 'two'],
      [sent[2], 'three'],
    ]);

    await http1.send(new SplitShardCommand({ StreamName: 'efo', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '2' }));
    await reading; // the event stream ends after the shard closes
    const last = events[events.length - 1];
    expect(last.ContinuationSequenceNumber).toBeUndefined();
    expect(last.ChildShards?.map((c) => c.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    const shards = (await http2.send(new ListShardsCommand({ StreamName: 'efo' }))).Shards!;
    expect(shards.length).toBe(3); // other calls work over HTTP/2 as well
  });

  it('refuses a consumer that is not ACTIVE with an ordinary error answer', async () => {
    await http1.send(new CreateStreamCommand({ StreamName: 'efo2', ShardCount: 1 }));
    let arn = '';
    await until(async () => {
      const d = (await http1.send(new DescribeStreamSummaryCommand({ StreamName: 'efo2' }))).StreamDescriptionSummary!;
      arn = d.StreamARN!;
      return d.StreamStatus === 'ACTIVE';
    });
    const { Consumer } = await http1.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'slow' }));
    await expect(
      http2.send(new SubscribeToShardCommand({ ConsumerARN: Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } })),
    ).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: `Consumer slow with creation timestamp ${Math.floor(Consumer!.ConsumerCreationTimestamp!.getTime() / 1000)} under stream: efo2 , account 000000000000 is not in ACTIVE status.`,
    });
  });
});
