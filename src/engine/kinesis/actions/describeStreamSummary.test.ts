import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('DescribeStreamSummary', () => {
  it('summarises the stream with its open shard count', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    expect(h.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary).toEqual({
      StreamName: 's',
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
      StreamStatus: 'ACTIVE',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: Date.UTC(2026, 0, 1) / 1000,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: 'NONE',
      OpenShardCount: 2,
      ConsumerCount: 0,
    });
  });

  it('counts only open shards after resharding', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 127n) });
    h.settle();
    expect(h.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
  });
});
