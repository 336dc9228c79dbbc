import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';

const registered = () => {
  const h = kinesisHarness();
  h.active('s');
  const c = h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' }).Consumer;
  h.settle();
  return { h, c };
};

describe('DescribeStreamConsumer', () => {
  it('describes a consumer by its ARN, with its stream', () => {
    const { h, c } = registered();
    expect(h.call('DescribeStreamConsumer', { ConsumerARN: c.ConsumerARN })).toEqual({
      ConsumerDescription: { ...c, ConsumerStatus: 'ACTIVE', StreamARN: ARN },
    });
  });

  it('describes a consumer by stream ARN and name', () => {
    const { h, c } = registered();
    expect(h.call('DescribeStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' }).ConsumerDescription.ConsumerARN).toBe(c.ConsumerARN);
  });

  it('answers ResourceNotFoundException for an unknown consumer', () => {
    const { h, c } = registered();
    expect(h.error('DescribeStreamConsumer', { StreamARN: ARN, ConsumerName: 'other' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Consumer other under account 000000000000 not found.',
    });
    const unknown = c.ConsumerARN.replace(/:\d+$/, ':1');
    expect(h.error('DescribeStreamConsumer', { ConsumerARN: unknown })).toEqual({
      code: 'ResourceNotFoundException',
      message: `Consumer ${unknown} under account 000000000000 not found.`,
    });
  });

  it('needs a ConsumerARN, or a StreamARN and a ConsumerName', () => {
    const { h } = registered();
    expect(h.error('DescribeStreamConsumer', { StreamARN: ARN })).toEqual({
      code: 'InvalidArgumentException',
      message: 'Either ConsumerARN, or both StreamARN and ConsumerName, should be provided.',
    });
  });
});
