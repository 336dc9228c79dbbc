import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('IncreaseStreamRetentionPeriod', () => {
  it('raises the retention period', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 168 });
    expect(h.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(168);
  });

  it('refuses a shorter period, below 24 and above 8760 hours', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 48 });
    expect(h.error('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 25 })).toEqual({
      code: 'InvalidArgumentException',
      message:
        'Requested retention period (25 hours) for stream s can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.',
    });
    expect(h.error('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 23 })).toEqual({
      code: 'InvalidArgumentException',
      message: 'Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.',
    });
    expect(h.error('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 8761 }).message).toBe(
      "1 validation error detected: Value '8761' at 'retentionPeriodHours' failed to satisfy constraint: Member must have value less than or equal to 8760",
    );
  });

  it('refuses while the stream is not ACTIVE', () => {
    const h = kinesisHarness();
    h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    expect(h.error('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 48 }).code).toBe('ResourceInUseException');
  });
});
