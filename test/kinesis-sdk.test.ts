import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  ValidationException,
} from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { EmulatorRequestHandler } from '../src/aws/handler';
import { VirtualClock } from '../src/engine/common/clock';
import { Emulator } from '../src/engine/emulator';

const setup = () => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const emulator = new Emulator({ clock, options: { stateDelayMs: 500 } });
  const client = new KinesisClient({
    region: 'eu-west-1',
    endpoint: 'http://emulator.local',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: new EmulatorRequestHandler((req) => emulator.handle(req)),
  });
  return { clock, client };
};

describe('Kinesis through @aws-sdk/client-kinesis', () => {
  it('creates a stream, puts records and reads them back with the SDK types', async () => {
    const { clock, client } = setup();
    await client.send(new CreateStreamCommand({ StreamName: 'orders', ShardCount: 2 }));
    const creating = await client.send(new DescribeStreamSummaryCommand({ StreamName: 'orders' }));
    expect(creating.StreamDescriptionSummary?.StreamStatus).toBe('CREATING');
    clock.advance(500);
    const summary = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'orders' }))).StreamDescriptionSummary!;
    expect(summary.StreamStatus).toBe('ACTIVE');
    expect(summary.StreamARN).toBe('arn:aws:kinesis:eu-west-1:000000000000:stream/orders');
    expect(summary.StreamCreationTimestamp).toEqual(new Date(Date.UTC(2026, 0, 1)));

    const put = await client.send(
      new PutRecordCommand({ StreamARN: summary.StreamARN, PartitionKey: 'p', Data: new TextEncoder().encode('hello'), ExplicitHashKey: '0' }),
    );
    expect(put.ShardId).toBe('shardId-000000000000');
    const batch = await client.send(
      new PutRecordsCommand({
        StreamName: 'orders',
        Records: [{ PartitionKey: 'q', Data: new TextEncoder().encode('world'), ExplicitHashKey: '1' }],
      }),
    );
    expect(batch.FailedRecordCount).toBe(0);

    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({ StreamName: 'orders', ShardId: put.ShardId!, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: put.SequenceNumber }),
    );
    const out = await client.send(new GetRecordsCommand({ ShardIterator }));
    expect(out.Records?.map((r) => new TextDecoder().decode(r.Data))).toEqual(['hello', 'world']);
    expect(out.Records?.[0].ApproximateArrivalTimestamp).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 500)));
    expect(out.MillisBehindLatest).toBe(0);

    const shards = await client.send(new ListShardsCommand({ StreamName: 'orders' }));
    expect(shards.Shards?.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
  });

  it("surfaces AWS's validation errors as the SDK's typed exceptions", async () => {
    const { client } = setup();
    const e = await client.send(new CreateStreamCommand({ StreamName: 'bad name', ShardCount: 0 })).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationException);
    expect(e.message).toBe(
      "2 validation errors detected: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value 'bad name' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
  });
});
