import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const setup = () => {
  const h = kinesisHarness();
  h.active('s', 2);
  return h;
};
const iter = (h: ReturnType<typeof kinesisHarness>, extra: Record<string, unknown>) =>
  h.call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ...extra }).ShardIterator;
const read = (h: ReturnType<typeof kinesisHarness>, it: string) =>
  h.call('GetRecords', { ShardIterator: it }).Records.map((r: any) => r.PartitionKey);
const put = (h: ReturnType<typeof kinesisHarness>, pk: string) =>
  h.call('PutRecord', { StreamName: 's', PartitionKey: pk, Data: '', ExplicitHashKey: '0' }).SequenceNumber;

describe('GetShardIterator', () => {
  it('TRIM_HORIZON reads from the oldest record, LATEST only what comes after', () => {
    const h = setup();
    put(h, 'a');
    const latest = iter(h, { ShardIteratorType: 'LATEST' });
    put(h, 'b');
    expect(read(h, iter(h, { ShardIteratorType: 'TRIM_HORIZON' }))).toEqual(['a', 'b']);
    expect(read(h, latest)).toEqual(['b']);
  });

  it('AT_SEQUENCE_NUMBER includes the record, AFTER_SEQUENCE_NUMBER starts after it', () => {
    const h = setup();
    put(h, 'a');
    const b = put(h, 'b');
    put(h, 'c');
    expect(read(h, iter(h, { ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: b }))).toEqual(['b', 'c']);
    expect(read(h, iter(h, { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: b }))).toEqual(['c']);
  });

  it('AT_TIMESTAMP starts at the first record that arrived at or after the time (seconds)', () => {
    const h = setup();
    put(h, 'a');
    h.clock.advance(2000);
    const t = h.clock.now() / 1000;
    put(h, 'b');
    h.clock.advance(10);
    expect(read(h, iter(h, { ShardIteratorType: 'AT_TIMESTAMP', Timestamp: t }))).toEqual(['b']);
    expect(read(h, iter(h, { ShardIteratorType: 'AT_TIMESTAMP', Timestamp: h.clock.now() / 1000 }))).toEqual([]);
  });

  it('accepts short shard ids the way AWS does', () => {
    const h = setup();
    put(h, 'a');
    expect(read(h, h.call('GetShardIterator', { StreamName: 's', ShardId: '0', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator)).toEqual(['a']);
  });

  describe('bad input', () => {
    it('refuses a StartingSequenceNumber with TRIM_HORIZON and none with AT_SEQUENCE_NUMBER', () => {
      const h = setup();
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST', StartingSequenceNumber: '1' })).toEqual({
        code: 'InvalidArgumentException',
        message:
          'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified LATEST and also a StartingSequenceNumber.',
      });
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER' }).message).toMatch(
        /Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber\.$/,
      );
    });

    it('refuses a sequence number of another shard or not from this stream', () => {
      const h = setup();
      const other = h.call('PutRecord', { StreamName: 's', PartitionKey: 'x', Data: '', ExplicitHashKey: String(1n << 127n) }).SequenceNumber;
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: other })).toEqual({
        code: 'InvalidArgumentException',
        message: 'Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with shardId-000000000000',
      });
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: '12345' })).toEqual({
        code: 'InvalidArgumentException',
        message: 'StartingSequenceNumber 12345 used in GetShardIterator on shard shardId-000000000000 in stream s under account 000000000000 is invalid.',
      });
      const foreign = '49' + '1000000000000' + '000000000' + '0'.repeat(31) + '1';
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: foreign }).message).toBe(
        `StartingSequenceNumber ${foreign} used in GetShardIterator on shard shardId-000000000000 in stream s under account 000000000000 is invalid because it did not come from this stream.`,
      );
    });

    it('needs a Timestamp for AT_TIMESTAMP, not in the future', () => {
      const h = setup();
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: '0', ShardIteratorType: 'AT_TIMESTAMP' }).message).toBe(
        'Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.',
      );
      const now = h.clock.now();
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: '0', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: now / 1000 + 1 }).message).toBe(
        `The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${now + 1000}, currentTimestampInMillis: ${now}`,
      );
    });

    it('answers unknown shards and streams with ResourceNotFoundException', () => {
      const h = setup();
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000009', ShardIteratorType: 'LATEST' })).toEqual({
        code: 'ResourceNotFoundException',
        message: 'Shard shardId-000000000009 in stream s under account 000000000000 does not exist',
      });
      expect(h.error('GetShardIterator', { StreamName: 'nope', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }).message).toBe(
        'Shard shardId-000000000000 in stream nope under account 000000000000 does not exist',
      );
      expect(h.error('GetShardIterator', { StreamName: 's', ShardId: 'abc', ShardIteratorType: 'LATEST' }).message).toBe(
        'Could not find shard abc in stream s under account 000000000000.',
      );
    });

    it('rejects an unknown iterator type', () => {
      expect(kinesisHarness().error('GetShardIterator', { StreamName: 's', ShardId: '0', ShardIteratorType: 'OLDEST' }).message).toBe(
        "1 validation error detected: Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]",
      );
    });
  });
});
