import { describe, expect, it } from 'vitest';
import { cloudWatchOnVirtualTime, sec, T0 } from '../testing';

const base = {
  Namespace: 'Workshop',
  MetricName: 'M',
  StartTime: sec(T0),
  EndTime: sec(T0 + 10 * 60_000),
  Period: 60,
  Statistics: ['Sum'],
};

describe('GetMetricStatistics', () => {
  it('folds minutes into periods from the start rounded down to the minute, end exclusive', () => {
    const { call, store } = cloudWatchOnVirtualTime(T0 + 10 * 60_000);
    for (let m = 0; m < 10; m++) store.record('Workshop', 'M', [], T0 + m * 60_000, 'Count', 1, m, m, m);
    const out = call('GetMetricStatistics', {
      ...base,
      StartTime: sec(T0 + 60_000 + 30_000),
      EndTime: sec(T0 + 7 * 60_000),
      Period: 180,
      Statistics: ['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount'],
    });
    expect(out).toEqual({
      Label: 'M',
      Datapoints: [
        { Timestamp: sec(T0 + 60_000), Sum: 6, Average: 2, Minimum: 1, Maximum: 3, SampleCount: 3, Unit: 'Count' },
        { Timestamp: sec(T0 + 4 * 60_000), Sum: 15, Average: 5, Minimum: 4, Maximum: 6, SampleCount: 3, Unit: 'Count' },
      ],
    });
  });

  it('matches the exact dimension set and filters by Unit; without Unit each unit has its own datapoints', () => {
    const { call, store } = cloudWatchOnVirtualTime(T0 + 60_000);
    const dims = [{ Name: 'StreamName', Value: 's' }];
    store.record('Workshop', 'M', dims, T0, 'Count', 1, 1, 1, 1);
    store.record('Workshop', 'M', dims, T0, 'Bytes', 1, 50, 50, 50);
    store.record('Workshop', 'M', [], T0, 'Count', 1, 7, 7, 7);
    expect(call('GetMetricStatistics', { ...base, Dimensions: dims })).toEqual({
      Label: 'M',
      Datapoints: [
        { Timestamp: sec(T0), Sum: 50, Unit: 'Bytes' },
        { Timestamp: sec(T0), Sum: 1, Unit: 'Count' },
      ],
    });
    expect(call('GetMetricStatistics', { ...base, Dimensions: dims, Unit: 'Count' })).toEqual({
      Label: 'M',
      Datapoints: [{ Timestamp: sec(T0), Sum: 1, Unit: 'Count' }],
    });
    expect(call('GetMetricStatistics', { ...base, MetricName: 'Nope' })).toEqual({ Label: 'Nope', Datapoints: [] });
  });

  it('refuses StartTime not before EndTime', () => {
    const { fail } = cloudWatchOnVirtualTime();
    expect(fail('GetMetricStatistics', { ...base, EndTime: base.StartTime })).toEqual({
      code: 'InvalidParameterValueException',
      message: 'The parameter StartTime must be less than the parameter EndTime.',
    });
  });

  it('refuses a Period that is neither high-resolution nor a multiple of 60', () => {
    const { fail, call } = cloudWatchOnVirtualTime();
    expect(fail('GetMetricStatistics', { ...base, Period: 90 })).toEqual({
      code: 'InvalidParameterValueException',
      message: 'The parameter Period must be a value in the set [1, 5, 10, 20, 30] or a multiple of 60.',
    });
    expect(fail('GetMetricStatistics', { ...base, Period: 0 })).toEqual({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value '0' at 'period' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    expect(call('GetMetricStatistics', { ...base, Period: 3600 })).toEqual({ Label: 'M', Datapoints: [] });
  });

  it('refuses more than 1,440 datapoints, counting from the rounded start', () => {
    const { fail, call } = cloudWatchOnVirtualTime();
    expect(call('GetMetricStatistics', { ...base, EndTime: sec(T0 + 1440 * 60_000) })).toEqual({ Label: 'M', Datapoints: [] });
    expect(fail('GetMetricStatistics', { ...base, StartTime: sec(T0 + 1_000), EndTime: sec(T0 + 1440 * 60_000 + 1) })).toEqual({
      code: 'InvalidParameterCombinationException',
      message:
        'You have requested up to 1441 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    });
  });

  it('needs Statistics; ExtendedStatistics (percentiles) are not supported', () => {
    const { fail } = cloudWatchOnVirtualTime();
    expect(fail('GetMetricStatistics', { ...base, Statistics: [] })).toEqual({
      code: 'InvalidParameterCombinationException',
      message: 'Must specify either Statistics or ExtendedStatistics',
    });
    expect(fail('GetMetricStatistics', { ...base, Statistics: undefined, ExtendedStatistics: ['p99'] })).toEqual({
      code: 'InvalidParameterValueException',
      message: 'ExtendedStatistics (percentiles) are not supported by this emulator.',
    });
    expect(fail('GetMetricStatistics', { ...base, Statistics: ['Sum', 'Median'] })).toEqual({
      code: 'InvalidParameterValueException',
      message:
        'The parameter Statistics.member.2.<list element> must be a value in the set [SampleCount, Average, Sum, Minimum, Maximum].',
    });
  });

  it('lists every missing required member in one ValidationError', () => {
    const { fail } = cloudWatchOnVirtualTime();
    expect(fail('GetMetricStatistics', { Statistics: ['Sum'] })).toEqual({
      code: 'ValidationException',
      message:
        "5 validation errors detected: Value null at 'namespace' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'metricName' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'startTime' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'endTime' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'period' failed to satisfy constraint: Member must not be null",
    });
  });
});
