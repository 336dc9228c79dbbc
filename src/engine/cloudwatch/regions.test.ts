import { describe, expect, it } from 'vitest';
import { cloudWatchOnVirtualTime, sec, T0 } from './testing';

/** CloudWatch metrics are regional: every action sees only the series of the request's region. */
const twoRegions = () => {
  const cw = cloudWatchOnVirtualTime(T0 + 5 * 60_000);
  const dims = [{ Name: 'StreamName', Value: 'demo' }];
  cw.store.record('AWS/Kinesis', 'IncomingRecords', dims, T0, 'Count', 1, 10, 10, 10, 'us-east-1');
  cw.store.record('AWS/Kinesis', 'IncomingRecords', dims, T0, 'Count', 1, 3, 3, 3, 'eu-west-1');
  cw.store.record('AWS/Kinesis', 'IncomingBytes', dims, T0, 'Bytes', 1, 7, 7, 7, 'eu-west-1');
  return cw;
};
const metric = { Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: [{ Name: 'StreamName', Value: 'demo' }] };
const range = { StartTime: sec(T0), EndTime: sec(T0 + 5 * 60_000) };

describe('CloudWatch regions', () => {
  it('GetMetricData reads only the series of the request region', () => {
    const { call } = twoRegions();
    const values = (region: string) =>
      (call('GetMetricData', { ...range, MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: metric, Period: 60, Stat: 'Sum' } }] }, region) as {
        MetricDataResults: { Values: number[] }[];
      }).MetricDataResults[0].Values;
    expect([values('us-east-1'), values('eu-west-1'), values('ap-south-1')]).toEqual([[10], [3], []]);
  });

  it('GetMetricStatistics reads only the series of the request region', () => {
    const { call } = twoRegions();
    const sums = (region: string) =>
      (call('GetMetricStatistics', { ...metric, ...range, Period: 60, Statistics: ['Sum'] }, region) as { Datapoints: { Sum: number }[] }).Datapoints.map(
        (d) => d.Sum,
      );
    expect([sums('us-east-1'), sums('eu-west-1'), sums('ap-south-1')]).toEqual([[10], [3], []]);
  });

  it('ListMetrics lists only the metrics of the request region', () => {
    const { call } = twoRegions();
    const names = (region: string) => (call('ListMetrics', {}, region) as { Metrics: { MetricName: string }[] }).Metrics.map((m) => m.MetricName);
    expect([names('us-east-1'), names('eu-west-1'), names('ap-south-1')]).toEqual([['IncomingRecords'], ['IncomingBytes', 'IncomingRecords'], []]);
  });

  it('PutMetricData writes into the request region', () => {
    const { call, store } = cloudWatchOnVirtualTime();
    call('PutMetricData', { Namespace: 'Workshop', MetricData: [{ MetricName: 'M', Value: 4 }] }, 'eu-west-1');
    expect(store.get('Workshop', 'M', [], 'eu-west-1')?.buckets.map((b) => b.sum)).toEqual([4]);
    expect(store.get('Workshop', 'M', [], 'us-east-1')).toBeUndefined();
    expect((call('ListMetrics', {}, 'us-east-1') as { Metrics: unknown[] }).Metrics).toEqual([]);
  });
});
