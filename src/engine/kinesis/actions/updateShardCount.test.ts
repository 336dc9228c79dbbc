import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('UpdateShardCount', () => {
  it('scales up: the open shards close and the target number of even shards open', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    expect(h.call('UpdateShardCount', { StreamName: 's', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' })).toEqual({
      StreamName: 's',
      CurrentShardCount: 2,
      TargetShardCount: 4,
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
    });
    expect(h.call('DescribeStream', { StreamName: 's' }).StreamDescription).toMatchObject({ StreamStatus: 'UPDATING' });
    h.settle();
    const shards = h.call('DescribeStream', { StreamName: 's' }).StreamDescription.Shards;
    expect(shards).toHaveLength(6);
    expect(shards.filter((x: any) => x.SequenceNumberRange.EndingSequenceNumber).length).toBe(2);
    const open = shards.slice(2);
    const step = (1n << 128n) / 4n;
    expect(open.map((x: any) => x.HashKeyRange.StartingHashKey)).toEqual([0n, step, 2n * step, 3n * step].map(String));
    expect(open.map((x: any) => x.ParentShardId)).toEqual(['shardId-000000000000', 'shardId-000000000000', 'shardId-000000000001', 'shardId-000000000001']);
  });

  it('scales down, a new shard spanning two old ones naming both as parents', () => {
    const h = kinesisHarness();
    h.active('s', 3);
    h.call('UpdateShardCount', { StreamName: 's', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
    h.settle();
    const open = h.call('ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards;
    expect(open.map((x: any) => [x.ParentShardId, x.AdjacentParentShardId])).toEqual([
      ['shardId-000000000000', 'shardId-000000000001'],
      ['shardId-000000000001', 'shardId-000000000002'],
    ]);
  });

  describe('bad input', () => {
    it('refuses more than double and less than half the open shards', () => {
      const h = kinesisHarness();
      h.active('s', 2);
      expect(h.error('UpdateShardCount', { StreamName: 's', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' })).toEqual({
        code: 'LimitExceededException',
        message: 'UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 2, Target shard count: 5',
      });
      h.active('six', 6);
      expect(h.error('UpdateShardCount', { StreamName: 'six', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' })).toEqual({
        code: 'LimitExceededException',
        message: 'UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: 6, Target shard count: 2',
      });
    });

    it('validates ScalingType and TargetShardCount', () => {
      expect(kinesisHarness().error('UpdateShardCount', { StreamName: 's', ScalingType: '', TargetShardCount: 0 }).message).toBe(
        "2 validation errors detected: Value '' at 'scalingType' failed to satisfy constraint: Member must satisfy enum value set: [UNIFORM_SCALING]; " +
          "Value '0' at 'targetShardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
      );
    });

    it('refuses an ON_DEMAND stream', () => {
      const h = kinesisHarness();
      h.call('CreateStream', { StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
      h.settle();
      expect(h.error('UpdateShardCount', { StreamName: 'od', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' }).code).toBe('InvalidArgumentException');
    });
  });
});
