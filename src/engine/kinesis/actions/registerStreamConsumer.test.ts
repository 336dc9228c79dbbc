import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';
import { CONSUMERS_PER_STREAM } from './consumers';

const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';

describe('RegisterStreamConsumer', () => {
  it('answers a CREATING consumer whose ARN carries its creation second, ACTIVE after the state delay', () => {
    const h = kinesisHarness();
    h.active('s');
    const secs = Math.floor(h.clock.now() / 1000);
    expect(h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' })).toEqual({
      Consumer: {
        ConsumerName: 'app',
        ConsumerARN: `${ARN}/consumer/app:${secs}`,
        ConsumerStatus: 'CREATING',
        ConsumerCreationTimestamp: secs,
      },
    });
    h.settle();
    expect(h.call('DescribeStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' }).ConsumerDescription.ConsumerStatus).toBe('ACTIVE');
    expect(h.call('DescribeStreamSummary', { StreamARN: ARN }).StreamDescriptionSummary.ConsumerCount).toBe(1);
  });

  it('refuses a second consumer of the same name with ResourceInUseException', () => {
    const h = kinesisHarness();
    h.active('s');
    h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' });
    expect(h.error('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' })).toEqual({
      code: 'ResourceInUseException',
      message: `Consumer app already exists for stream ${ARN}.`,
    });
  });

  it(`allows ${CONSUMERS_PER_STREAM} consumers per stream, then LimitExceededException`, () => {
    const h = kinesisHarness();
    h.active('s');
    for (let i = 0; i < CONSUMERS_PER_STREAM; i++) h.call('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: `c${i}` });
    expect(h.error('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'one-more' })).toEqual({
      code: 'LimitExceededException',
      message: `Stream ${ARN} already has the most consumers registered at once (20).`,
    });
  });

  it('answers ResourceNotFoundException for an unknown stream', () => {
    expect(kinesisHarness().error('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'app' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Stream s under account 000000000000 not found.',
    });
  });

  it('checks the name against the model', () => {
    const h = kinesisHarness();
    h.active('s');
    expect(h.error('RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 'a b' }).code).toBe('ValidationException');
    expect(h.error('RegisterStreamConsumer', { StreamARN: ARN }).code).toBe('ValidationException');
  });
});
