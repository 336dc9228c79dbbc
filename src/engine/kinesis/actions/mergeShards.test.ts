import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('MergeShards', () => {
  it('closes two adjacent shards and opens one child over both ranges', () => {
    const h = kinesisHarness();
    h.active('s', 3);
    h.call('MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' });
    expect(h.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('UPDATING');
    h.settle();
    const shards = h.call('DescribeStream', { StreamName: 's' }).StreamDescription.Shards;
    expect(shards).toHaveLength(4);
    expect(shards[3]).toMatchObject({
      ShardId: 'shardId-000000000003',
      ParentShardId: 'shardId-000000000000',
      AdjacentParentShardId: 'shardId-000000000001',
      HashKeyRange: { StartingHashKey: '0', EndingHashKey: shards[1].HashKeyRange.EndingHashKey },
    });
    expect(h.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
  });

  it('refuses shards that are not adjacent', () => {
    const h = kinesisHarness();
    h.active('s', 3);
    expect(h.error('MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000002' })).toEqual({
      code: 'InvalidArgumentException',
      message:
        'Shards shardId-000000000000 and shardId-000000000002 in stream s under account 000000000000 are not an adjacent pair of shards eligible for merging',
    });
    expect(h.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('ACTIVE');
  });

  it('refuses the pair given upper shard first, as AWS does', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    expect(h.error('MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000000' })).toEqual({
      code: 'InvalidArgumentException',
      message:
        'Shards shardId-000000000001 and shardId-000000000000 in stream s under account 000000000000 are not an adjacent pair of shards eligible for merging',
    });
  });

  it('checks a shard id before the stream: a malformed id is named even when the stream does not exist', () => {
    const h = kinesisHarness();
    for (const bad of ['2147483648', 'ABKLFD8', '2.14E4'])
      expect(h.error('MergeShards', { StreamName: 'nope', ShardToMerge: bad, AdjacentShardToMerge: 'shardId-000000000001' })).toEqual({
        code: 'ResourceNotFoundException',
        message: `Could not find shard ${bad} in stream nope under account 000000000000.`,
      });
    expect(h.error('SplitShard', { StreamName: 'nope', ShardToSplit: 'ABKLFD8', NewStartingHashKey: '1' }).message).toBe(
      'Could not find shard ABKLFD8 in stream nope under account 000000000000.',
    );
  });

  it('refuses while the stream is CREATING', () => {
    const h = kinesisHarness();
    h.call('CreateStream', { StreamName: 's', ShardCount: 2 });
    expect(h.error('MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' })).toEqual({
      code: 'ResourceInUseException',
      message: 'Stream s under account 000000000000 not ACTIVE, instead in state CREATING',
    });
  });

  it('answers an unknown shard with ResourceNotFoundException', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    expect(h.error('MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000007' }).message).toBe(
      'Could not find shard shardId-000000000007 in stream s under account 000000000000.',
    );
  });
});
