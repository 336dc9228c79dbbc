import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('EnableEnhancedMonitoring', () => {
  it('turns shard-level metrics on and answers with the metrics before and after', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    expect(h.call('EnableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['IncomingBytes'] })).toEqual({
      StreamName: 's',
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
      CurrentShardLevelMetrics: [],
      DesiredShardLevelMetrics: ['IncomingBytes'],
    });
    const all = h.call('EnableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['ALL'] });
    expect(all.DesiredShardLevelMetrics).toHaveLength(7);
    expect(h.call('DescribeStream', { StreamName: 's' }).StreamDescription.EnhancedMonitoring[0].ShardLevelMetrics).toHaveLength(7);
  });

  it('rejects an unknown metric name', () => {
    const e = kinesisHarness().error('EnableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['Speed'] });
    expect(e.code).toBe('ValidationException');
    expect(e.message).toContain("Value 'Speed' at 'shardLevelMetrics.1.member' failed to satisfy constraint: Member must satisfy enum value set");
  });
});
