import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';

describe('DeregisterStreamConsumer', () => {
  it('goes DELETING, then the consumer is gone after the state delay', () => {
    const h = kinesisHarness();
    h.active('s');
    const c = h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' }).Consumer;
    h.settle();
    expect(h.call('DeregisterStreamConsumer', { ConsumerARN: c.ConsumerARN })).toBeUndefined();
    expect(h.call('DescribeStreamConsumer', { ConsumerARN: c.ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('DELETING');
    h.settle();
    expect(h.error('DescribeStreamConsumer', { ConsumerARN: c.ConsumerARN }).code).toBe('ResourceNotFoundException');
    expect(h.call('ListStreamConsumers', { StreamARN: ARN }).Consumers).toEqual([]);
  });

  it('accepts the stream ARN and the name instead, and a name is free again once the consumer is gone', () => {
    const h = kinesisHarness();
    h.active('s');
    h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' });
    h.settle();
    h.call('DeregisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' });
    h.settle();
    expect(h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' }).Consumer.ConsumerStatus).toBe('CREATING');
  });

  it('answers ResourceNotFoundException for an unknown consumer', () => {
    const h = kinesisHarness();
    h.active('s');
    expect(h.error('DeregisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Consumer app under account 000000000000 not found.',
    });
  });
});
