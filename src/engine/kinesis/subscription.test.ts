import { describe, expect, it } from 'vitest';
import { AwsError } from '../common/errors';
import { CONSUMER_READ_BYTES, SUBSCRIPTION_LIFETIME_MS, type SubscriptionStep } from './subscription';
import { kinesisHarness } from './testing';

const rc = { region: 'us-east-1', requestId: 'r' };

const setup = (options = {}) => {
  const h = kinesisHarness(options);
  const d = h.active('s', 1);
  const c = h.call('RegisterStreamConsumer', { StreamARN: d.StreamARN, ConsumerName: 'app' }).Consumer;
  const subscribe = (Type = 'LATEST', extra: Record<string, unknown> = {}) =>
    h.service.subscribe({ ConsumerARN: c.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type, ...extra } }, rc);
  const refusal = (Type = 'LATEST') => {
    try {
      subscribe(Type);
    } catch (e) {
      if (e instanceof AwsError) return { code: e.code, message: e.message };
    }
    throw new Error('subscribe did not fail');
  };
  return { h, d, c, subscribe, refusal };
};

const event = (step: SubscriptionStep) => {
  if (step.kind !== 'event') throw new Error(`expected an event, got ${step.kind}`);
  return step.event;
};

describe('SubscribeToShard subscriptions', () => {
  it('refuses a consumer that is not ACTIVE yet, in AWS\'s words', () => {
    const { c, refusal } = setup();
    expect(refusal()).toEqual({
      code: 'ResourceInUseException',
      message: `Consumer app with creation timestamp ${c.ConsumerCreationTimestamp} under stream: s , account 000000000000 is not in ACTIVE status.`,
    });
  });

  it('delivers records put after subscribing, in order, then continues after the last one', () => {
    const { h, subscribe } = setup();
    h.settle();
    const sub = subscribe();
    expect(event(sub.next())).toMatchObject({ Records: [], MillisBehindLatest: 0 });
    expect(sub.hasRecords()).toBe(false);
    const seqs = ['a', 'b', 'c'].map((x) => h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: h.b64(x) }).SequenceNumber);
    expect(sub.hasRecords()).toBe(true);
    const e = event(sub.next());
    expect(e.Records.map((r) => [r.SequenceNumber, r.Data])).toEqual(seqs.map((q, i) => [q, h.b64('abc'[i])]));
    expect(e.ContinuationSequenceNumber).toBe(seqs[2]);
    expect(event(sub.next()).Records).toEqual([]);
  });

  it('starts at TRIM_HORIZON or after a sequence number', () => {
    const { h, subscribe } = setup();
    h.settle();
    const seqs = ['a', 'b'].map((x) => h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: h.b64(x) }).SequenceNumber);
    const all = subscribe('TRIM_HORIZON');
    expect(event(all.next()).Records.map((r) => r.SequenceNumber)).toEqual(seqs);
    all.close();
    h.clock.advance(1000);
    const rest = subscribe('AFTER_SEQUENCE_NUMBER', { SequenceNumber: seqs[0] });
    expect(event(rest.next()).Records.map((r) => r.SequenceNumber)).toEqual([seqs[1]]);
  });

  const inUse = (consumerName: string) => ({
    code: 'ResourceInUseException',
    message: `Another active subscription exists for this consumer: 000000000000:s:shardId-000000000000:${consumerName}`,
  });

  it('refuses a second subscription of the same consumer to the same shard within 5 s of the open one', () => {
    const { h, c, subscribe, refusal } = setup();
    h.settle();
    const sub = subscribe();
    h.clock.advance(1000);
    expect(refusal()).toEqual(inUse(c.ConsumerName));
    h.clock.advance(3999);
    expect(refusal()).toEqual(inUse(c.ConsumerName));
    sub.close();
    h.clock.advance(1000);
    expect(subscribe().done).toBe(false);
  });

  it('lets a call 5 s or more after the open subscription take it over; the older one ends with ResourceInUseException', () => {
    const { h, c, subscribe } = setup();
    h.settle();
    const old = subscribe();
    h.clock.advance(5000);
    const taker = subscribe();
    expect(old.hasRecords()).toBe(true);
    const step = old.next();
    expect(step).toEqual({ kind: 'error', error: expect.objectContaining(inUse(c.ConsumerName)) });
    expect(old.done).toBe(true);
    // The older one closing leaves the new one's slot alone.
    h.clock.advance(1000);
    expect(taker.next().kind).toBe('event');
    expect(taker.done).toBe(false);
  });

  it('takes one call a second per consumer and shard (LimitExceededException), open subscription or not', () => {
    const { h, c, subscribe, refusal } = setup();
    h.settle();
    subscribe().close();
    const limited = {
      code: 'LimitExceededException',
      message: `Rate exceeded for consumer ${c.ConsumerARN} and shard shardId-000000000000 in stream s under account 000000000000.`,
    };
    expect(refusal()).toEqual(limited);
    h.clock.advance(999);
    expect(refusal()).toEqual(limited);
    h.clock.advance(1);
    expect(subscribe().done).toBe(false);
  });

  it('ends with ChildShards and no continuation when the shard is split', () => {
    const { h, subscribe } = setup();
    h.settle();
    const sub = subscribe();
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '2' });
    h.settle();
    const last = event(sub.next());
    expect(last.ContinuationSequenceNumber).toBeUndefined();
    expect(last.ChildShards?.map((x) => x.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    expect(sub.done).toBe(true);
    expect(sub.next()).toEqual({ kind: 'end' });
  });

  it('ends after its lifetime of 5 minutes', () => {
    const { h, subscribe } = setup();
    h.settle();
    const sub = subscribe();
    h.clock.advance(SUBSCRIPTION_LIFETIME_MS);
    expect(sub.next()).toEqual({ kind: 'end' });
    expect(sub.done).toBe(true);
  });

  it('ends with ResourceNotFoundException when its consumer is deregistered', () => {
    const { h, c, subscribe } = setup();
    h.settle();
    const sub = subscribe();
    h.call('DeregisterStreamConsumer', { ConsumerARN: c.ConsumerARN });
    h.settle();
    const step = sub.next();
    expect(step.kind === 'error' && step.error.code).toBe('ResourceNotFoundException');
  });

  it('gives each consumer 2 MiB/s per shard of its own, apart from the GetRecords allowance', () => {
    const { h, subscribe } = setup();
    h.settle();
    const big = Buffer.alloc(1000 * 1024).toString('base64');
    for (let i = 0; i < 4; i++) {
      h.call('PutRecord', { StreamName: 's', PartitionKey: `k${i}`, Data: big });
      h.clock.advance(1000); // the shard takes 1 MiB/s
    }
    const sub = subscribe('TRIM_HORIZON');
    const first = event(sub.next());
    expect(first.Records.length).toBe(2);
    expect(first.Records.length * 1000 * 1024).toBeLessThanOrEqual(CONSUMER_READ_BYTES);
    // One more record may overdraw what is left; then nothing until the allowance refills.
    expect(event(sub.next()).Records.length).toBe(1);
    expect(event(sub.next()).Records).toEqual([]);
    // Shared GetRecords reads are untouched by the consumer's reads.
    const it = h.call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    expect(h.call('GetRecords', { ShardIterator: it, Limit: 2 }).Records.length).toBe(2);
    h.clock.advance(1000);
    expect(event(sub.next()).Records.length).toBe(1);
  });

  it('over a request/response channel, is checked and then refused with InvalidArgumentException', () => {
    const { h, c } = setup();
    const input = { ConsumerARN: c.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } };
    expect(h.error('SubscribeToShard', input).code).toBe('ResourceInUseException');
    h.settle();
    expect(h.error('SubscribeToShard', input)).toEqual({
      code: 'InvalidArgumentException',
      message: 'SubscribeToShard answers with an event stream, which only HTTP/2 carries: call it over HTTP/2 against the emulator server (npm run emulator).',
    });
    expect(h.error('SubscribeToShard', { ...input, StartingPosition: { Type: 'NOPE' } }).code).toBe('ValidationException');
  });
});
