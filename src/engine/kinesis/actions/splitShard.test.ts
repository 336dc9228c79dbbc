import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const HALF = String(1n << 127n);

describe('SplitShard', () => {
  it('goes UPDATING, then closes the parent and opens two children with ParentShardId', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
    const during = h.call('DescribeStream', { StreamName: 's' }).StreamDescription;
    expect(during.StreamStatus).toBe('UPDATING');
    expect(during.Shards).toHaveLength(1);
    // Writes still work while UPDATING.
    expect(h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' }).ShardId).toBe('shardId-000000000000');
    h.settle();
    const d = h.call('DescribeStream', { StreamName: 's' }).StreamDescription;
    expect(d.StreamStatus).toBe('ACTIVE');
    const [parent, left, right] = d.Shards;
    expect(parent.SequenceNumberRange.EndingSequenceNumber).toMatch(/^\d+$/);
    expect(left).toMatchObject({ ShardId: 'shardId-000000000001', ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: String((1n << 127n) - 1n) } });
    expect(right).toMatchObject({ ShardId: 'shardId-000000000002', ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: HALF } });
    expect(left.SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
    expect(BigInt(left.SequenceNumberRange.StartingSequenceNumber) > BigInt(parent.SequenceNumberRange.StartingSequenceNumber)).toBe(true);
    expect(h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '', ExplicitHashKey: HALF }).ShardId).toBe('shardId-000000000002');
  });

  describe('bad input', () => {
    it('refuses a key outside the shard range', () => {
      const h = kinesisHarness();
      h.active('s', 2);
      const end = String((1n << 127n) - 1n);
      expect(h.error('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF })).toEqual({
        code: 'InvalidArgumentException',
        message:
          `NewStartingHashKey ${HALF} used in SplitShard() on shard shardId-000000000000 in stream s under account 000000000000 ` +
          `is not both greater than one plus the shard's StartingHashKey 0 and less than the shard's EndingHashKey ${end}.`,
      });
      expect(h.error('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1' }).code).toBe('InvalidArgumentException');
    });

    it('refuses while the stream is not ACTIVE', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
      expect(h.error('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '100' })).toEqual({
        code: 'ResourceInUseException',
        message: 'Stream s under account 000000000000 not ACTIVE, instead in state UPDATING',
      });
    });

    it('refuses an unknown or closed shard', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      expect(h.error('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000005', NewStartingHashKey: HALF })).toEqual({
        code: 'ResourceNotFoundException',
        message: 'Could not find shard shardId-000000000005 in stream s under account 000000000000.',
      });
      h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
      h.settle();
      expect(h.error('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '100' }).code).toBe('InvalidArgumentException');
    });

    it('rejects a malformed hash key', () => {
      expect(kinesisHarness().error('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: 'x' }).message).toBe(
        "1 validation error detected: Value 'x' at 'newStartingHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})",
      );
    });
  });
});
