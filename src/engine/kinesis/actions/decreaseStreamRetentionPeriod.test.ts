import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('DecreaseStreamRetentionPeriod', () => {
  it('lowers the retention period, and records past it are no longer served', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 72 });
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' });
    h.clock.advance(30 * 3600_000);
    const it0 = () => h.call('GetShardIterator', { StreamName: 's', ShardId: '0', ShardIteratorType: 'TRIM_HORIZON' });
    expect(h.call('GetRecords', it0()).Records).toHaveLength(1);
    h.call('DecreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 24 });
    expect(h.call('GetRecords', it0()).Records).toHaveLength(0);
  });

  it('refuses a longer period and one below 24 hours', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    expect(h.error('DecreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 48 })).toEqual({
      code: 'InvalidArgumentException',
      message:
        'Requested retention period (48 hours) for stream s can not be longer than existing retention period (24 hours). Use IncreaseRetentionPeriod API.',
    });
    expect(h.error('DecreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 1 }).message).toBe(
      'Minimum allowed retention period is 24 hours. Requested retention period (1 hours) is too short.',
    );
  });
});
