import { describe, expect, it } from 'vitest';
import {
  DELIVERY_SERIES,
  deliveryStreamQueries,
  minutesOf,
  shardQueries,
  streamQueries,
  sumOf,
  toPoints,
  toShardPoints,
  toStreamPoints,
  windowFor,
} from './useMetrics';

const T = Date.UTC(2026, 0, 1, 12, 0, 0);
const MIN = 60_000;

describe('metric windows', () => {
  it('ends a range at the end of the current minute and steps by one minute', () => {
    const w = windowFor(T + 10 * MIN + 25_000, 15);
    expect(w).toEqual({ start: T - 4 * MIN, end: T + 11 * MIN });
    const m = minutesOf(w);
    expect(m).toHaveLength(15);
    expect(m[0]).toBe(T - 4 * MIN);
    expect(m[14]).toBe(T + 10 * MIN);
  });
});

describe('GetMetricData queries', () => {
  it('asks for the workshop chart and the others with 60-second periods on the StreamName dimension', () => {
    const q = streamQueries('s1');
    expect(q.map((x) => [x.Id, x.MetricStat?.Metric?.MetricName, x.MetricStat?.Stat])).toEqual([
      ['incomingRecords', 'IncomingRecords', 'Sum'],
      ['incomingBytes', 'IncomingBytes', 'Sum'],
      ['writeThrottled', 'WriteProvisionedThroughputExceeded', 'Sum'],
      ['readThrottled', 'ReadProvisionedThroughputExceeded', 'Sum'],
      ['iteratorAge', 'GetRecords.IteratorAgeMilliseconds', 'Maximum'],
    ]);
    expect(q.every((x) => x.MetricStat?.Period === 60 && x.MetricStat.Metric?.Namespace === 'AWS/Kinesis')).toBe(true);
    expect(q[0].MetricStat?.Metric?.Dimensions).toEqual([{ Name: 'StreamName', Value: 's1' }]);
  });

  it('asks for IncomingRecords per shard with the ShardId dimension and valid query ids', () => {
    const q = shardQueries('s1', ['shardId-000000000000', 'shardId-000000000001']);
    expect(q.map((x) => x.Id)).toEqual(['shard_0', 'shard_1']);
    expect(q.every((x) => /^[a-z][a-zA-Z0-9_]*$/.test(x.Id!))).toBe(true);
    expect(q[1].MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'StreamName', Value: 's1' },
      { Name: 'ShardId', Value: 'shardId-000000000001' },
    ]);
  });
});

describe('delivery stream queries', () => {
  it('asks for the AWS/Firehose metrics the Firehose engine reports, on the DeliveryStreamName dimension', () => {
    const q = deliveryStreamQueries('to-s3');
    expect(q.map((x) => [x.MetricStat?.Metric?.MetricName, x.MetricStat?.Stat])).toEqual([
      ['IncomingRecords', 'Sum'],
      ['IncomingBytes', 'Sum'],
      ['DeliveryToS3.Records', 'Sum'],
      ['DeliveryToS3.Bytes', 'Sum'],
      ['DeliveryToS3.Success', 'Average'],
      ['DeliveryToS3.DataFreshness', 'Maximum'],
      ['ThrottledRecords', 'Sum'],
    ]);
    expect(q.every((x) => x.MetricStat?.Period === 60 && x.MetricStat.Metric?.Namespace === 'AWS/Firehose')).toBe(true);
    expect(q.every((x) => /^[a-z][a-zA-Z0-9_]*$/.test(x.Id!))).toBe(true);
    expect(q[0].MetricStat?.Metric?.Dimensions).toEqual([{ Name: 'DeliveryStreamName', Value: 'to-s3' }]);
  });

  it('lays delivery points out like stream points: sums 0 when empty, averages and maxima absent', () => {
    const points = toPoints(
      DELIVERY_SERIES,
      [
        { Id: 'deliveredRecords', Timestamps: [new Date(T + MIN)], Values: [300] },
        { Id: 'deliverySuccess', Timestamps: [new Date(T + MIN)], Values: [1] },
      ],
      [T, T + MIN],
    );
    expect(points.map((p) => p.deliveredRecords)).toEqual([0, 300]);
    expect(points.map((p) => p.deliverySuccess)).toEqual([undefined, 1]);
    expect(points.map((p) => p.dataFreshness)).toEqual([undefined, undefined]);
  });
});

describe('laying results out by minute', () => {
  const minutes = [T, T + MIN, T + 2 * MIN];

  it('fills minutes without data with 0 for sums and leaves maxima empty', () => {
    const points = toStreamPoints(
      [
        { Id: 'incomingRecords', Timestamps: [new Date(T + MIN)], Values: [1200] },
        { Id: 'iteratorAge', Timestamps: [new Date(T + 2 * MIN)], Values: [0] },
      ],
      minutes,
    );
    expect(points.map((p) => p.incomingRecords)).toEqual([0, 1200, 0]);
    expect(points.map((p) => p.iteratorAge)).toEqual([undefined, undefined, 0]);
    expect(sumOf(points, 'incomingRecords')).toBe(1200);
  });

  it('gives every shard a value each minute', () => {
    const ids = ['shardId-000000000000', 'shardId-000000000001'];
    const points = toShardPoints(
      [
        { Id: 'shard_0', Timestamps: [new Date(T)], Values: [510] },
        { Id: 'shard_1', Timestamps: [new Date(T), new Date(T + MIN)], Values: [490, 7] },
      ],
      ids,
      minutes,
    );
    expect(points[0]).toEqual({ t: T, [ids[0]]: 510, [ids[1]]: 490 });
    expect(points[1]).toEqual({ t: T + MIN, [ids[0]]: 0, [ids[1]]: 7 });
    expect(sumOf(points, ids[1])).toBe(497);
  });
});
