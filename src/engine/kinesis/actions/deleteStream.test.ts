import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('DeleteStream', () => {
  it('goes DELETING, then the stream is gone after the state delay', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    expect(h.call('DeleteStream', { StreamName: 's', EnforceConsumerDeletion: true })).toBeUndefined();
    expect(h.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('DELETING');
    h.settle();
    expect(h.error('DescribeStream', { StreamName: 's' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Stream s under account 000000000000 not found.',
    });
    expect(h.call('ListStreams').StreamNames).toEqual([]);
  });

  it('accepts a StreamARN instead of a name', () => {
    const h = kinesisHarness();
    const d = h.active('s', 1);
    h.call('DeleteStream', { StreamARN: d.StreamARN });
    h.settle();
    expect(h.call('ListStreams').StreamNames).toEqual([]);
  });

  it('refuses a stream still CREATING with ResourceInUseException', () => {
    const h = kinesisHarness();
    h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    expect(h.error('DeleteStream', { StreamName: 's' })).toEqual({
      code: 'ResourceInUseException',
      message: 'Stream s under account 000000000000 not ACTIVE, instead in state CREATING',
    });
  });

  it('answers ResourceNotFoundException for an unknown stream', () => {
    expect(kinesisHarness().error('DeleteStream', { StreamName: 'nope' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Stream nope under account 000000000000 not found.',
    });
  });

  it('needs a StreamName or a StreamARN', () => {
    expect(kinesisHarness().error('DeleteStream', {})).toEqual({
      code: 'InvalidArgumentException',
      message: 'Either StreamName or StreamARN should be provided.',
    });
  });

  it('refuses a stream with consumers unless EnforceConsumerDeletion is true, in AWS\'s words', () => {
    const h = kinesisHarness();
    const d = h.active('s', 1);
    h.call('RegisterStreamConsumer', { StreamARN: d.StreamARN, ConsumerName: 'app' });
    const refusal = {
      code: 'ResourceInUseException',
      message:
        `DeleteStream can't delete ${d.StreamARN} because there are consumers associated with this data stream. ` +
        'To delete s anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the consumers that are associated with it.',
    };
    expect(h.error('DeleteStream', { StreamName: 's' })).toEqual(refusal);
    expect(h.error('DeleteStream', { StreamName: 's', EnforceConsumerDeletion: false })).toEqual(refusal);
  });

  it('with EnforceConsumerDeletion, deletes the consumers with the stream', () => {
    const h = kinesisHarness();
    const d = h.active('s', 1);
    h.call('RegisterStreamConsumer', { StreamARN: d.StreamARN, ConsumerName: 'app' });
    h.call('DeleteStream', { StreamName: 's', EnforceConsumerDeletion: true });
    expect(h.call('ListStreamConsumers', { StreamARN: d.StreamARN }).Consumers[0].ConsumerStatus).toBe('DELETING');
    h.settle();
    h.active('s', 1);
    expect(h.call('ListStreamConsumers', { StreamARN: d.StreamARN }).Consumers).toEqual([]);
  });
});
