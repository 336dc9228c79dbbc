import { describe, expect, it } from 'vitest';
import { cloudWatchOnVirtualTime, sec, T0 } from '../testing';

describe('PutMetricData', () => {
  it('stores Value, Values with Counts, and StatisticValues as per-minute statistic sets', () => {
    const { call, store } = cloudWatchOnVirtualTime();
    expect(
      call('PutMetricData', {
        Namespace: 'Workshop',
        MetricData: [
          { MetricName: 'M', Value: 5, Unit: 'Count' },
          { MetricName: 'M', Values: [1, 10, 99], Counts: [2, 4, 0], Unit: 'Count' },
          { MetricName: 'M', StatisticValues: { SampleCount: 3, Sum: 9, Minimum: 0.5, Maximum: 60 }, Unit: 'Count' },
        ],
      }),
    ).toEqual({});
    expect(store.get('Workshop', 'M', [])?.buckets).toEqual([
      { t: T0, unit: 'Count', sampleCount: 10, sum: 5 + 2 + 40 + 9, min: 0.5, max: 60 },
    ]);
  });

  it('uses the datum Timestamp (epoch seconds) and the current time when there is none; Unit defaults to None', () => {
    const { call, store, clock } = cloudWatchOnVirtualTime();
    clock.advance(5 * 60_000);
    call('PutMetricData', {
      Namespace: 'Workshop',
      MetricData: [
        { MetricName: 'M', Value: 1, Timestamp: sec(T0 + 90_000) },
        { MetricName: 'M', Value: 2 },
      ],
    });
    expect(store.get('Workshop', 'M', [])?.buckets.map((b) => [b.t, b.sum, b.unit])).toEqual([
      [T0 + 60_000, 1, 'None'],
      [T0 + 5 * 60_000, 2, 'None'],
    ]);
  });

  it('refuses the reserved AWS/ namespace', () => {
    const { fail } = cloudWatchOnVirtualTime();
    expect(fail('PutMetricData', { Namespace: 'AWS/Kinesis', MetricData: [{ MetricName: 'M', Value: 1 }] })).toEqual({
      code: 'InvalidParameterValueException',
      message: 'The value AWS/ for parameter Namespace is invalid.',
    });
  });

  it('refuses Value with Values, Value with StatisticValues, and Values and Counts of different sizes', () => {
    const { fail } = cloudWatchOnVirtualTime();
    const put = (d: Record<string, unknown>) =>
      fail('PutMetricData', { Namespace: 'W', MetricData: [{ MetricName: 'ok', Value: 1 }, { MetricName: 'M', ...d }] });
    expect(put({ Value: 1, Values: [1] })).toEqual({
      code: 'InvalidParameterCombinationException',
      message:
        'The parameters MetricData.member.2.Value and MetricData.member.2.Values are mutually exclusive and you have specified both.',
    });
    expect(put({ Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } })).toEqual({
      code: 'InvalidParameterCombinationException',
      message:
        'The parameters MetricData.member.2.Value and MetricData.member.2.StatisticValues are mutually exclusive and you have specified both.',
    });
    expect(put({ Values: [1, 2], Counts: [1] })).toEqual({
      code: 'InvalidParameterValueException',
      message: 'The parameters MetricData.member.2.Values and MetricData.member.2.Counts must be of the same size.',
    });
  });

  it('reports shape violations together in one ValidationError', () => {
    const { fail, store } = cloudWatchOnVirtualTime();
    expect(fail('PutMetricData', { MetricData: [{ Value: 1, Unit: 'Parsecs' }] })).toEqual({
      code: 'ValidationException',
      message:
        "3 validation errors detected: Value null at 'namespace' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'metricData.1.member.metricName' failed to satisfy constraint: Member must not be null; " +
        "Value 'Parsecs' at 'metricData.1.member.unit' failed to satisfy constraint: Member must satisfy enum value set: " +
        '[Seconds, Microseconds, Milliseconds, Bytes, Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits, ' +
        'Gigabits, Terabits, Percent, Count, Bytes/Second, Kilobytes/Second, Megabytes/Second, Gigabytes/Second, ' +
        'Terabytes/Second, Bits/Second, Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None]',
    });
    expect(fail('PutMetricData', { Namespace: 'W', MetricData: [] }).message).toBe(
      "1 validation error detected: Value null at 'metricData' failed to satisfy constraint: Member must not be null",
    );
    expect(
      fail('PutMetricData', { Namespace: 'W', MetricData: [{ MetricName: 'M', Dimensions: [{ Name: '', Value: 'v' }], Value: 1 }] })
        .message,
    ).toBe(
      "1 validation error detected: Value '' at 'metricData.1.member.dimensions.1.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(store.size).toBe(0);
  });

  it('refuses more than 1,000 data and more than 150 Values in a datum, in AWS words', () => {
    const { fail } = cloudWatchOnVirtualTime();
    const datum = { MetricName: 'M', Value: 1 };
    expect(fail('PutMetricData', { Namespace: 'W', MetricData: Array.from({ length: 1001 }, () => datum) })).toEqual({
      code: 'InvalidParameterValueException',
      message: 'The collection MetricData must not have a size greater than 1000.',
    });
    expect(fail('PutMetricData', { Namespace: 'W', MetricData: [datum, { MetricName: 'M', Values: new Array(151).fill(1) }] })).toEqual({
      code: 'InvalidParameterValueException',
      message: 'The collection MetricData.member.2.Values must not have a size greater than 150.',
    });
  });

  it('checks the namespace pattern: it may not start with a colon', () => {
    const { fail } = cloudWatchOnVirtualTime();
    expect(fail('PutMetricData', { Namespace: ':W', MetricData: [{ MetricName: 'M', Value: 1 }] }).message).toBe(
      "1 validation error detected: Value ':W' at 'namespace' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:].*",
    );
  });

  it('rejects a wrong JSON type as a SerializationException', () => {
    const { fail } = cloudWatchOnVirtualTime();
    expect(fail('PutMetricData', { Namespace: 'W', MetricData: [{ MetricName: 'M', Value: 'one' }] })).toEqual({
      code: 'SerializationException',
      message: 'class java.lang.String can not be converted to an Double',
    });
  });
});
