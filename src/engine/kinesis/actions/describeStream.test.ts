import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('DescribeStream', () => {
  it('pages shards with Limit and ExclusiveStartShardId, telling HasMoreShards', () => {
    const h = kinesisHarness();
    h.active('s', 3);
    const a = h.call('DescribeStream', { StreamName: 's', Limit: 2 }).StreamDescription;
    expect(a.Shards.map((x: any) => x.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(a.HasMoreShards).toBe(true);
    const b = h.call('DescribeStream', { StreamName: 's', Limit: 2, ExclusiveStartShardId: 'shardId-000000000001' }).StreamDescription;
    expect(b.Shards.map((x: any) => x.ShardId)).toEqual(['shardId-000000000002']);
    expect(b.HasMoreShards).toBe(false);
  });

  it('leaves out a closed shard once its records are past retention, as ListShards does', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    h.settle();
    const ids = () => h.call('DescribeStream', { StreamName: 's' }).StreamDescription.Shards.map((x: any) => x.ShardId);
    h.clock.advance(24 * 3_600_000);
    expect(ids()).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
    h.clock.advance(1);
    expect(ids()).toEqual(['shardId-000000000001', 'shardId-000000000002']);
  });

  it('returns at most 100 shards even when Limit asks for more', () => {
    const h = kinesisHarness();
    h.active('s', 101);
    const d = h.call('DescribeStream', { StreamName: 's', Limit: 1000 }).StreamDescription;
    expect(d.Shards).toHaveLength(100);
    expect(d.HasMoreShards).toBe(true);
  });

  it('shows no private fields', () => {
    const h = kinesisHarness();
    const d = h.active('s', 1);
    expect(JSON.stringify(d)).not.toMatch(/"_/);
  });

  it('finds the stream by StreamARN, and refuses an ARN of another account or a name that disagrees', () => {
    const h = kinesisHarness();
    const d = h.active('s', 1);
    expect(h.call('DescribeStream', { StreamARN: d.StreamARN }).StreamDescription.StreamName).toBe('s');
    expect(h.error('DescribeStream', { StreamARN: 'arn:aws:kinesis:us-east-1:111111111111:stream/s' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Stream s under account 000000000000 not found.',
    });
    expect(h.error('DescribeStream', { StreamARN: d.StreamARN, StreamName: 'other' }).code).toBe('InvalidArgumentException');
  });

  it('rejects a malformed StreamARN and a Limit out of range', () => {
    const h = kinesisHarness();
    expect(h.error('DescribeStream', { StreamARN: 'nope', Limit: 0 }).message).toBe(
      "2 validation errors detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value 'nope' at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+",
    );
  });
});
