import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';

describe('ListStreamConsumers', () => {
  it('lists the consumers by name, MaxResults at a time, with a NextToken while more remain', () => {
    const h = kinesisHarness();
    h.active('s');
    for (const n of ['c', 'a', 'b']) h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: n });
    const first = h.call('ListStreamConsumers', { StreamARN: ARN, MaxResults: 2 });
    expect(first.Consumers.map((c: { ConsumerName: string }) => c.ConsumerName)).toEqual(['a', 'b']);
    expect(first.Consumers[0]).toMatchObject({ ConsumerStatus: 'CREATING', ConsumerARN: expect.stringContaining(`${ARN}/consumer/a:`) });
    const rest = h.call('ListStreamConsumers', { StreamARN: ARN, MaxResults: 2, NextToken: first.NextToken });
    expect(rest.Consumers.map((c: { ConsumerName: string }) => c.ConsumerName)).toEqual(['c']);
    expect(rest.NextToken).toBeUndefined();
  });

  it('answers an empty list for a stream without consumers', () => {
    const h = kinesisHarness();
    h.active('s');
    expect(h.call('ListStreamConsumers', { StreamARN: ARN })).toEqual({ Consumers: [] });
  });

  it('checks StreamCreationTimestamp against the stream and MaxResults against 1-10000', () => {
    const h = kinesisHarness();
    const d = h.active('s');
    expect(h.call('ListStreamConsumers', { StreamARN: ARN, StreamCreationTimestamp: d.StreamCreationTimestamp }).Consumers).toEqual([]);
    expect(h.error('ListStreamConsumers', { StreamARN: ARN, StreamCreationTimestamp: 1 }).code).toBe('ResourceNotFoundException');
    expect(h.error('ListStreamConsumers', { StreamARN: ARN, MaxResults: 0 }).code).toBe('ValidationException');
    expect(h.error('ListStreamConsumers', { StreamARN: ARN, NextToken: 'bad' })).toEqual({ code: 'InvalidArgumentException', message: 'Invalid NextToken.' });
  });

  it('answers ResourceNotFoundException for an unknown stream', () => {
    expect(kinesisHarness().error('ListStreamConsumers', { StreamARN: ARN }).code).toBe('ResourceNotFoundException');
  });
});
