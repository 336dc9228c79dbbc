import { describe, expect, it } from 'vitest';
import { ScaledClock, VirtualClock } from '../engine/common/clock';
import { createInThreadClient } from './client';
import { EmulatorHost } from './host';

const rc = { region: 'us-east-1', requestId: 'test' };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const text = (b: string) => Buffer.from(b, 'base64').toString();

/** An emulator host on virtual time with an ACTIVE one-shard stream and an ACTIVE consumer, seen through the console channel. */
const setUp = () => {
  const base = new VirtualClock(Date.UTC(2026, 11, 2, 10, 0, 0));
  const host = new EmulatorHost({ clock: new ScaledClock(base), options: { stateDelayMs: 500 } });
  const call = (op: string, input: Record<string, unknown>): any => host.emulator.kinesis.call(op, input, rc);
  const { console } = createInThreadClient(host);
  call('CreateStream', { StreamName: 'orders', ShardCount: 1 });
  host.skip(500);
  const streamArn: string = call('DescribeStreamSummary', { StreamName: 'orders' }).StreamDescriptionSummary.StreamARN;
  const consumerArn: string = call('RegisterStreamConsumer', { StreamARN: streamArn, ConsumerName: 'viewer' }).Consumer.ConsumerARN;
  const put = (data: string) => call('PutRecord', { StreamName: 'orders', PartitionKey: 'pk', Data: b64(data) });
  return { host, call, console, streamArn, consumerArn, put, shard: 'shardId-000000000000' };
};

describe('SubscribeToShard over the console channel', () => {
  it('refuses a consumer that is not ACTIVE yet, with AWS error', async () => {
    const { console, consumerArn, shard } = setUp();
    await expect(console.subscribeToShard(consumerArn, shard, { Type: 'TRIM_HORIZON' })).rejects.toMatchObject({ name: 'ResourceInUseException' });
  });

  it('hands over the events in order: records as they arrive, one event a second otherwise', async () => {
    const { host, console, consumerArn, put, shard } = setUp();
    host.skip(500);
    const a = put('one').SequenceNumber;
    const b = put('two').SequenceNumber;
    const id = await console.subscribeToShard(consumerArn, shard, { Type: 'TRIM_HORIZON' });

    const first = await console.pollSubscription(id);
    expect(first.end).toBeUndefined();
    expect(first.events.flatMap((e) => e.Records.map((r) => text(r.Data)))).toEqual(['one', 'two']);
    expect(first.events.at(-1)).toMatchObject({ ContinuationSequenceNumber: b, MillisBehindLatest: 0 });
    expect(first.events[0].Records[0].SequenceNumber).toBe(a);

    // Nothing new and under a second later: nothing to hand over.
    expect((await console.pollSubscription(id)).events).toEqual([]);
    // A second on: an empty event, still continuing from the last record.
    host.skip(1000);
    expect((await console.pollSubscription(id)).events).toEqual([{ Records: [], ContinuationSequenceNumber: b, MillisBehindLatest: 0 }]);

    // New records come at once, after the ones already seen.
    const c = put('three').SequenceNumber;
    const next = await console.pollSubscription(id);
    expect(next.events.flatMap((e) => e.Records.map((r) => r.SequenceNumber))).toEqual([c]);
    expect(next.events.at(-1)?.ContinuationSequenceNumber).toBe(c);
  });

  it('allows one subscription per consumer and shard: a second within 5 s is ResourceInUseException until the first is closed', async () => {
    const { host, console, consumerArn, shard } = setUp();
    host.skip(500);
    const id = await console.subscribeToShard(consumerArn, shard, { Type: 'LATEST' });
    // One call a second per consumer and shard.
    host.skip(1000);
    await expect(console.subscribeToShard(consumerArn, shard, { Type: 'TRIM_HORIZON' })).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: `Another active subscription exists for this consumer: 000000000000:orders:${shard}:viewer`,
    });
    await console.closeSubscription(id);
    host.skip(1000);
    await expect(console.pollSubscription(id)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    const again = await console.subscribeToShard(consumerArn, shard, { Type: 'TRIM_HORIZON' });
    expect((await console.pollSubscription(again)).events).toHaveLength(1);
  });

  it('ends after 5 minutes, which frees the consumer and shard for the next subscription', async () => {
    const { host, console, consumerArn, shard } = setUp();
    host.skip(500);
    const id = await console.subscribeToShard(consumerArn, shard, { Type: 'LATEST' });
    await console.pollSubscription(id);
    host.skip(300_000);
    expect(await console.pollSubscription(id)).toEqual({ events: [], end: { reason: 'expired' } });
    // Not polled to its end: the slot is freed by time alone.
    const second = await console.subscribeToShard(consumerArn, shard, { Type: 'LATEST' });
    host.skip(300_000);
    await expect(console.subscribeToShard(consumerArn, shard, { Type: 'LATEST' })).resolves.not.toBe(second);
  });

  it('ends with the error once the consumer is gone', async () => {
    const { host, call, console, consumerArn, shard } = setUp();
    host.skip(500);
    const id = await console.subscribeToShard(consumerArn, shard, { Type: 'LATEST' });
    call('DeregisterStreamConsumer', { ConsumerARN: consumerArn });
    host.skip(1000);
    const poll = await console.pollSubscription(id);
    expect(poll.end).toMatchObject({ reason: 'error', error: { type: 'ResourceNotFoundException' } });
  });

  it('checks the starting position as GetShardIterator does', async () => {
    const { host, console, consumerArn } = setUp();
    host.skip(500);
    await expect(console.subscribeToShard(consumerArn, 'shardId-000000000009', { Type: 'LATEST' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
