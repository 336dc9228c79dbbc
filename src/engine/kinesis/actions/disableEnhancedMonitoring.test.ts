import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('DisableEnhancedMonitoring', () => {
  it('turns shard-level metrics off, and shard-level data stop', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('EnableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['ALL'] });
    const out = h.call('DisableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['ALL'] });
    expect(out.CurrentShardLevelMetrics).toHaveLength(7);
    expect(out.DesiredShardLevelMetrics).toEqual([]);
    h.metrics.length = 0;
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' });
    expect(h.metrics.every((m) => m.dimensions.length === 1)).toBe(true);
  });

  it('refuses while the stream is not ACTIVE', () => {
    const h = kinesisHarness();
    h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    expect(h.error('DisableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['ALL'] })).toEqual({
      code: 'ResourceInUseException',
      message: 'Stream s under account 000000000000 not ACTIVE, instead in state CREATING',
    });
  });
});
