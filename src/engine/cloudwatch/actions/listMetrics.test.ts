import { describe, expect, it } from 'vitest';
import { cloudWatchOnVirtualTime, T0 } from '../testing';

describe('ListMetrics', () => {
  it('lists each metric once with its dimensions, filtered by namespace, name and dimension filters', () => {
    const { call, store } = cloudWatchOnVirtualTime();
    const s1 = { Name: 'StreamName', Value: 's1' };
    const shard = { Name: 'ShardId', Value: 'shardId-000000000000' };
    store.record('AWS/Kinesis', 'IncomingRecords', [s1], T0, 'Count', 1, 1, 1, 1);
    store.record('AWS/Kinesis', 'IncomingRecords', [s1], T0, 'Count', 1, 1, 1, 1);
    store.record('AWS/Kinesis', 'IncomingRecords', [s1, shard], T0, 'Count', 1, 1, 1, 1);
    store.record('AWS/Kinesis', 'IncomingBytes', [{ Name: 'StreamName', Value: 's2' }], T0, 'Bytes', 1, 1, 1, 1);
    store.record('AWS/Firehose', 'IncomingRecords', [{ Name: 'DeliveryStreamName', Value: 'd' }], T0, 'Count', 1, 1, 1, 1);
    const names = (input: Record<string, unknown>) =>
      (call('ListMetrics', input) as { Metrics: { Namespace: string; MetricName: string; Dimensions: unknown[] }[] }).Metrics.map(
        (m) => `${m.Namespace} ${m.MetricName} ${m.Dimensions.length}`,
      );
    expect(names({})).toEqual([
      'AWS/Firehose IncomingRecords 1',
      'AWS/Kinesis IncomingBytes 1',
      'AWS/Kinesis IncomingRecords 2',
      'AWS/Kinesis IncomingRecords 1',
    ]);
    expect(names({ Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords' })).toEqual([
      'AWS/Kinesis IncomingRecords 2',
      'AWS/Kinesis IncomingRecords 1',
    ]);
    expect(names({ Dimensions: [{ Name: 'ShardId' }] })).toEqual(['AWS/Kinesis IncomingRecords 2']);
    expect(names({ Dimensions: [{ Name: 'StreamName', Value: 's2' }] })).toEqual(['AWS/Kinesis IncomingBytes 1']);
    expect(call('ListMetrics', { Namespace: 'AWS/Kinesis', Dimensions: [shard] })).toEqual({
      Metrics: [{ Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: [shard, s1] }],
    });
  });

  it('RecentlyActive PT3H keeps metrics written in the past three hours', () => {
    const { call, store, clock } = cloudWatchOnVirtualTime();
    store.record('W', 'old', [], T0, 'Count', 1, 1, 1, 1);
    clock.advance(3 * 3600_000 - 60_000);
    store.record('W', 'new', [], clock.now(), 'Count', 1, 1, 1, 1);
    clock.advance(60_001);
    const list = (input: Record<string, unknown>) =>
      (call('ListMetrics', input) as { Metrics: { MetricName: string }[] }).Metrics.map((m) => m.MetricName);
    expect(list({ RecentlyActive: 'PT3H' })).toEqual(['new']);
    expect(list({})).toEqual(['new', 'old']);
  });

  it('pages 500 metrics at a time with a NextToken', () => {
    const { call, store } = cloudWatchOnVirtualTime();
    for (let i = 0; i < 1001; i++) store.record('W', `m${String(i).padStart(4, '0')}`, [], T0, 'Count', 1, 1, 1, 1);
    type Out = { Metrics: { MetricName: string }[]; NextToken?: string };
    const p1 = call('ListMetrics', {}) as Out;
    const p2 = call('ListMetrics', { NextToken: p1.NextToken }) as Out;
    const p3 = call('ListMetrics', { NextToken: p2.NextToken }) as Out;
    expect([p1.Metrics.length, p2.Metrics.length, p3.Metrics.length]).toEqual([500, 500, 1]);
    expect([p1.Metrics[0].MetricName, p2.Metrics[0].MetricName, p3.Metrics[0].MetricName]).toEqual(['m0000', 'm0500', 'm1000']);
    expect(p3.NextToken).toBeUndefined();
  });

  it('refuses a bad NextToken, RecentlyActive value or dimension filter', () => {
    const { fail } = cloudWatchOnVirtualTime();
    expect(fail('ListMetrics', { NextToken: '!!' })).toEqual({
      code: 'InvalidNextToken',
      message: 'The service cannot complete the request because the NextToken is not valid.',
    });
    expect(fail('ListMetrics', { RecentlyActive: 'PT1H', Dimensions: [{ Value: 'x' }] })).toEqual({
      code: 'ValidationException',
      message:
        "2 validation errors detected: Value 'PT1H' at 'recentlyActive' failed to satisfy constraint: Member must satisfy enum value set: [PT3H]; " +
        "Value null at 'dimensions.1.member.name' failed to satisfy constraint: Member must not be null",
    });
  });
});
