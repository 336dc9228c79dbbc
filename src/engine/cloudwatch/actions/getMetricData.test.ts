import { describe, expect, it } from 'vitest';
import { cloudWatchOnVirtualTime, sec, T0 } from '../testing';

const stat = (metricName: string, Stat = 'Sum', Period = 60, extra: Record<string, unknown> = {}) => ({
  Metric: { Namespace: 'AWS/Kinesis', MetricName: metricName, Dimensions: [{ Name: 'StreamName', Value: 's' }] },
  Period,
  Stat,
  ...extra,
});
const range = { StartTime: sec(T0), EndTime: sec(T0 + 5 * 60_000) };

/** Kinesis-style data: IncomingRecords m+1 per minute m, three minutes. */
const seeded = () => {
  const cw = cloudWatchOnVirtualTime(T0 + 5 * 60_000);
  const dims = [{ Name: 'StreamName', Value: 's' }];
  for (let m = 0; m < 3; m++) {
    cw.store.record('AWS/Kinesis', 'IncomingRecords', dims, T0 + m * 60_000, 'Count', 2, m + 1, 0, m + 1);
  }
  return cw;
};

describe('GetMetricData', () => {
  it('returns one result per query, newest first by default, labelled with the metric name', () => {
    const { call } = seeded();
    expect(call('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'in', MetricStat: stat('IncomingRecords') }] })).toEqual({
      MetricDataResults: [
        {
          Id: 'in',
          Label: 'IncomingRecords',
          Timestamps: [sec(T0 + 120_000), sec(T0 + 60_000), sec(T0)],
          Values: [3, 2, 1],
          StatusCode: 'Complete',
          Messages: [],
        },
      ],
      Messages: [],
    });
  });

  it('computes each statistic, honours ScanBy, Label, ReturnData, Unit and longer periods; default labels add differing Stat and Period', () => {
    const { call } = seeded();
    const out = call('GetMetricData', {
      ...range,
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        { Id: 'avg', MetricStat: stat('IncomingRecords', 'Average'), Label: 'mean' },
        { Id: 'n', MetricStat: stat('IncomingRecords', 'SampleCount', 120) },
        { Id: 'mx', MetricStat: stat('IncomingRecords', 'Maximum', 300) },
        { Id: 'mn', MetricStat: stat('IncomingRecords', 'Minimum', 300) },
        { Id: 'hidden', MetricStat: stat('IncomingRecords'), ReturnData: false },
        { Id: 'bytes', MetricStat: stat('IncomingRecords', 'Sum', 60, { Unit: 'Bytes' }) },
      ],
    }) as { MetricDataResults: { Id: string; Label: string; Timestamps: number[]; Values: number[] }[] };
    expect(out.MetricDataResults.map((r) => [r.Id, r.Label, r.Timestamps, r.Values])).toEqual([
      ['avg', 'mean', [sec(T0), sec(T0 + 60_000), sec(T0 + 120_000)], [0.5, 1, 1.5]],
      ['n', 'IncomingRecords SampleCount 120', [sec(T0), sec(T0 + 120_000)], [4, 2]],
      ['mx', 'IncomingRecords Maximum 300', [sec(T0)], [3]],
      ['mn', 'IncomingRecords Minimum 300', [sec(T0)], [0]],
      ['bytes', 'IncomingRecords Sum 60', [], []],
    ]);
  });

  it('pages by MaxDatapoints across queries with a NextToken, marking cut results PartialData', () => {
    const { call, fail } = seeded();
    const input = {
      ...range,
      MaxDatapoints: 2,
      MetricDataQueries: [
        { Id: 'a', MetricStat: stat('IncomingRecords') },
        { Id: 'b', MetricStat: stat('IncomingRecords', 'SampleCount') },
      ],
    };
    type Out = { MetricDataResults: { Id: string; Values: number[]; StatusCode: string }[]; NextToken?: string };
    const pages: [string, number[], string][][] = [];
    let token: string | undefined;
    do {
      const out = call('GetMetricData', { ...input, NextToken: token }) as Out;
      pages.push(out.MetricDataResults.map((r) => [r.Id, r.Values, r.StatusCode]));
      token = out.NextToken;
    } while (token !== undefined && pages.length < 10);
    expect(pages).toEqual([
      [
        ['a', [3, 2], 'PartialData'],
        ['b', [], 'PartialData'],
      ],
      [
        ['a', [1], 'Complete'],
        ['b', [2], 'PartialData'],
      ],
      [
        ['a', [], 'Complete'],
        ['b', [2, 2], 'Complete'],
      ],
    ]);
    const first = call('GetMetricData', input) as Out;
    expect(fail('GetMetricData', { ...input, MaxDatapoints: 3, NextToken: first.NextToken })).toEqual({
      code: 'InvalidNextToken',
      message: 'The service cannot complete the request because the NextToken is not valid.',
    });
    expect(fail('GetMetricData', { ...input, NextToken: 'garbage' }).code).toBe('InvalidNextToken');
  });

  it('refuses an EndTime before StartTime, and equal times to the second', () => {
    const { fail } = seeded();
    const q = { MetricDataQueries: [{ Id: 'a', MetricStat: stat('IncomingRecords') }] };
    expect(fail('GetMetricData', { ...q, StartTime: sec(T0 + 1000), EndTime: sec(T0) })).toEqual({
      code: 'ValidationException',
      message: 'The parameter EndTime must be greater than StartTime.',
    });
    expect(fail('GetMetricData', { ...q, StartTime: sec(T0 + 20), EndTime: sec(T0 + 987) })).toEqual({
      code: 'ValidationException',
      message: 'The parameter StartTime must not equal parameter EndTime.',
    });
  });

  it('checks query Ids: the pattern and uniqueness', () => {
    const { fail } = seeded();
    expect(fail('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'a', MetricStat: stat('X') }, { Id: '1a', MetricStat: stat('X') }] })).toEqual({
      code: 'ValidationException',
      message: 'The value 1a for parameter MetricDataQueries.member.2.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.',
    });
    expect(fail('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'a', MetricStat: stat('X') }, { Id: 'a', MetricStat: stat('Y') }] })).toEqual({
      code: 'ValidationException',
      message: 'The values for parameter id in MetricDataQueries are not unique.',
    });
  });

  it('needs a MetricStat; Expression is exclusive with it and metric math is not supported', () => {
    const { fail } = seeded();
    expect(fail('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'a' }] })).toEqual({
      code: 'ValidationException',
      message: 'The parameter MetricDataQueries.member.1.MetricStat is required.\n',
    });
    expect(fail('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'a', MetricStat: stat('X'), Expression: 'a*2' }] })).toEqual({
      code: 'ValidationException',
      message:
        'The parameters MetricDataQueries.member.1.Expression and MetricDataQueries.member.1.MetricStat are mutually exclusive and you have specified both.',
    });
    expect(fail('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'a', Expression: 'SUM(METRICS())' }] })).toEqual({
      code: 'ValidationException',
      message: 'Metric math expressions are not supported by this emulator (MetricDataQueries.member.1.Expression).',
    });
  });

  it('checks Period and Stat', () => {
    const { fail } = seeded();
    expect(fail('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'a', MetricStat: stat('X', 'Sum', 45) }] })).toEqual({
      code: 'ValidationException',
      message:
        'The parameter MetricDataQueries.member.1.MetricStat.Period must be a value in the set [1, 5, 10, 20, 30] or a multiple of 60.',
    });
    expect(fail('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'a', MetricStat: stat('X', 'p99') }] })).toEqual({
      code: 'ValidationException',
      message:
        'The value p99 for parameter MetricDataQueries.member.1.MetricStat.Stat is not supported by this emulator (only SampleCount, Average, Sum, Minimum, Maximum).',
    });
  });

  it('reports shape violations: missing members and a bad ScanBy', () => {
    const { fail } = seeded();
    expect(fail('GetMetricData', { ScanBy: 'Sideways', MetricDataQueries: [{ Id: 'a', MetricStat: { Metric: { MetricName: 'X' } } }] })).toEqual({
      code: 'ValidationException',
      message:
        "5 validation errors detected: Value null at 'startTime' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'endTime' failed to satisfy constraint: Member must not be null; " +
        "Value 'Sideways' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]; " +
        "Value null at 'metricDataQueries.1.member.metricStat.period' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'metricDataQueries.1.member.metricStat.stat' failed to satisfy constraint: Member must not be null",
    });
  });
});
