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
import { connect } from 'node:http2';
import { EventStreamCodec, type Message } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { decode, encode, type TagDecoder } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScaledClock } from '../src/engine/common/clock';
import { testSignatureHeaders } from '../src/engine/protocol/testing';
import { startEmulatorServer, type EmulatorServer } from './http';

/** SubscribeToShard through the SDK over HTTP/2 against the emulator server, beside HTTP/1.1 on the same port. */
let server: EmulatorServer;
/** Real time that the tests can move on (AWS takes one SubscribeToShard call a second per consumer and shard). */
const clock = new ScaledClock();
let http1: KinesisClient;
let http2: KinesisClient;

const clientFor = (url: string, requestHandler: NodeHttpHandler | NodeHttp2Handler, maxAttempts?: number) =>
  new KinesisClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, requestHandler, ...(maxAttempts ? { maxAttempts } : {}) });

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
};

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, stateDelayMs: 50, log: () => {}, clock });
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

    // A second subscription for the same consumer and shard is refused within 5 s of this one.
    clock.skip(1000);
    await expect(
      http2.send(new SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } })),
    ).rejects.toMatchObject({ name: 'ResourceInUseException', message: 'Another active subscription exists for this consumer: 000000000000:efo:shardId-000000000000:app' });

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
    // Slow motion, so the consumer is still CREATING (50 ms of emulated time) when the call arrives, however busy the machine.
    clock.setSpeed(0.01);
    const { Consumer } = await http1.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'slow' }));
    await expect(
      http2.send(new SubscribeToShardCommand({ ConsumerARN: Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } })),
    ).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: `Consumer slow with creation timestamp ${Math.floor(Consumer!.ConsumerCreationTimestamp!.getTime() / 1000)} under stream: efo2 , account 000000000000 is not in ACTIVE status.`,
    });
    clock.setSpeed(1);
  });

  it('takes one call a second per consumer and shard: a second call within the second is LimitExceededException', async () => {
    const { consumerArn } = await activeStreamWithConsumer('efo3');
    // The SDK retries LimitExceededException by itself: one attempt, to see the answer.
    const once = clientFor(server.url, new NodeHttp2Handler({ disableConcurrentStreams: false }), 1);
    const abort = new AbortController();
    const subscribe = (abortSignal?: AbortSignal) =>
      once.send(new SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } }), { abortSignal });
    const first = await subscribe(abort.signal);
    const reading = (async () => {
      for await (const _ of first.EventStream!);
    })().catch(() => {});
    await expect(subscribe()).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: `Rate exceeded for consumer ${consumerArn} and shard shardId-000000000000 in stream efo3 under account 000000000000.`,
    });
    // A second later the limit allows the call, and the open subscription is what refuses it.
    clock.skip(1000);
    await expect(subscribe()).rejects.toMatchObject({ name: 'ResourceInUseException' });
    abort.abort();
    await reading;
    once.destroy();
  });
});

/** SubscribeToShard as the Java SDK and the KCL send it: a CBOR body, CBOR event payloads. */
describe('SubscribeToShard in CBOR', () => {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  const tags: TagDecoder[] = [];
  tags[1] = (content) => ({ epochMillis: content() });

  /** Opens a raw HTTP/2 SubscribeToShard with a CBOR body; collects the answer's messages until `enough`. */
  const subscribeCbor = (consumerArn: string, enough: (messages: Message[]) => boolean) =>
    new Promise<{ status: number; contentType: string; messages: Message[]; body: Uint8Array }>((resolve, reject) => {
      const session = connect(server.url);
      session.on('error', reject);
      const req = session.request({
        ':method': 'POST',
        ':path': '/',
        'content-type': 'application/x-amz-cbor-1.1',
        'x-amz-target': 'Kinesis_20131202.SubscribeToShard',
        ...testSignatureHeaders(),
      });
      let status = 0;
      let contentType = '';
      let buffer = new Uint8Array(0);
      const messages: Message[] = [];
      const done = () => {
        req.close();
        session.close();
        resolve({ status, contentType, messages, body: buffer });
      };
      req.on('response', (h) => {
        status = Number(h[':status']);
        contentType = String(h['content-type']);
      });
      req.on('data', (chunk: Buffer) => {
        buffer = new Uint8Array([...buffer, ...chunk]);
        if (!contentType.startsWith('application/vnd.amazon.eventstream')) return;
        // Each message starts with its total length (big-endian uint32).
        while (buffer.length >= 4) {
          const length = new DataView(buffer.buffer, buffer.byteOffset).getUint32(0);
          if (buffer.length < length) break;
          messages.push(codec.decode(buffer.subarray(0, length)));
          buffer = buffer.subarray(length);
        }
        if (enough(messages)) done();
      });
      req.on('end', done);
      req.end(encode({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } }));
    });

  it('accepts a CBOR request and sends the initial response and events in CBOR: Data as bytes, arrival times as tag 1 over epoch ms', async () => {
    const { consumerArn } = await activeStreamWithConsumer('cbor');
    const before = Date.now();
    await http1.send(new PutRecordsCommand({ StreamName: 'cbor', Records: [{ Data: new Uint8Array([0, 1, 255]), PartitionKey: 'k' }] }));
    clock.skip(1000);
    const { status, contentType, messages } = await subscribeCbor(consumerArn, (m) => m.length >= 2);
    expect([status, contentType]).toEqual([200, 'application/vnd.amazon.eventstream']);
    const headers = messages.map((m) => Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, v.value])));
    expect(headers.map((h) => [h[':message-type'], h[':event-type'], h[':content-type']])).toEqual([
      ['event', 'initial-response', 'application/x-amz-cbor-1.1'],
      ['event', 'SubscribeToShardEvent', 'application/x-amz-cbor-1.1'],
    ]);
    expect(decode(messages[0].body)).toEqual({});
    const event = decode(messages[1].body, { tags }) as { Records: Array<{ Data: Uint8Array; ApproximateArrivalTimestamp: { epochMillis: number }; PartitionKey: string }>; MillisBehindLatest: number };
    expect(event.Records).toHaveLength(1);
    const [r] = event.Records;
    expect(r.Data).toBeInstanceOf(Uint8Array);
    expect([...r.Data]).toEqual([0, 1, 255]);
    expect(r.PartitionKey).toBe('k');
    expect(Number.isInteger(r.ApproximateArrivalTimestamp.epochMillis)).toBe(true);
    expect(r.ApproximateArrivalTimestamp.epochMillis).toBeGreaterThanOrEqual(before);
    expect(event.MillisBehindLatest).toBe(0);
  });

  it('refuses in CBOR before the event stream starts', async () => {
    const { consumerArn } = await activeStreamWithConsumer('cbor2');
    const { status, contentType, body } = await subscribeCbor(consumerArn.replace('/consumer/app:', '/consumer/nobody:'), () => false);
    expect([status, contentType]).toEqual([400, 'application/x-amz-cbor-1.1']);
    expect(decode(body)).toMatchObject({ __type: 'ResourceNotFoundException' });
  });
});
