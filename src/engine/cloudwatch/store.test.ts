import { describe, expect, it } from 'vitest';
import { epochMillis } from '../common/brand';
import { VirtualClock } from '../common/clock';
import type { MetricDatum } from '../common/metrics';
import { MetricStore, seriesKey } from './store';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const datum = (value: number, at: number, extra: Partial<MetricDatum> = {}): MetricDatum => ({
  namespace: 'AWS/Kinesis',
  name: 'IncomingRecords',
  dimensions: [{ Name: 'StreamName', Value: 's1' }],
  value,
  unit: 'Count',
  timestamp: epochMillis(at),
  ...extra,
});

describe('MetricStore', () => {
  it('aggregates every datum of a minute into one statistic set', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock);
    store.put(datum(5, T0 + 1_000));
    store.put(datum(2, T0 + 30_000));
    store.put(datum(9, T0 + 59_999));
    const s = store.get('AWS/Kinesis', 'IncomingRecords', [{ Name: 'StreamName', Value: 's1' }]);
    expect(s?.buckets).toEqual([{ t: T0, unit: 'Count', sampleCount: 3, sum: 16, min: 2, max: 9 }]);
  });

  it('starts a new bucket at each minute boundary', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock);
    store.put(datum(1, T0 + 59_999));
    clock.advance(60_000);
    store.put(datum(4, T0 + 60_000));
    const s = store.get('AWS/Kinesis', 'IncomingRecords', [{ Name: 'StreamName', Value: 's1' }]);
    expect(s?.buckets.map((b) => [b.t, b.sum])).toEqual([
      [T0, 1],
      [T0 + 60_000, 4],
    ]);
  });

  it('places late data in its own minute, in time order', () => {
    const clock = new VirtualClock(T0 + 10 * 60_000);
    const store = new MetricStore(clock);
    store.put(datum(1, T0 + 5 * 60_000));
    store.put(datum(2, T0 + 2 * 60_000));
    store.put(datum(3, T0 + 5 * 60_000 + 10));
    store.put(datum(4, T0 + 2 * 60_000 + 10));
    const s = store.get('AWS/Kinesis', 'IncomingRecords', [{ Name: 'StreamName', Value: 's1' }]);
    expect(s?.buckets.map((b) => [b.t, b.sum, b.sampleCount])).toEqual([
      [T0 + 2 * 60_000, 6, 2],
      [T0 + 5 * 60_000, 4, 2],
    ]);
  });

  it('keeps units apart within a minute (ordered by unit)', () => {
    const store = new MetricStore(new VirtualClock(T0));
    store.put(datum(1, T0));
    store.put(datum(1000, T0, { unit: 'Bytes' }));
    const s = store.get('AWS/Kinesis', 'IncomingRecords', [{ Name: 'StreamName', Value: 's1' }]);
    store.put(datum(2, T0));
    expect(s?.buckets.map((b) => [b.unit, b.sum])).toEqual([
      ['Bytes', 1000],
      ['Count', 3],
    ]);
  });

  it('identifies a series by its dimension set in any order, and a different set is another series', () => {
    const store = new MetricStore(new VirtualClock(T0));
    const a = { Name: 'StreamName', Value: 's1' };
    const b = { Name: 'ShardId', Value: 'shardId-000000000000' };
    store.put(datum(1, T0, { dimensions: [a, b] }));
    store.put(datum(2, T0, { dimensions: [b, a] }));
    store.put(datum(4, T0, { dimensions: [a] }));
    expect(store.size).toBe(2);
    expect(store.get('AWS/Kinesis', 'IncomingRecords', [a, b])?.buckets[0].sum).toBe(3);
    expect(store.get('AWS/Kinesis', 'IncomingRecords', [a, b])?.dimensions).toEqual([b, a]);
    expect(seriesKey('n', 'm', [a, b])).toBe(seriesKey('n', 'm', [b, a]));
    expect(seriesKey('n', 'm', [a])).not.toBe(seriesKey('n', 'm', [a, b]));
  });

  it('drops minutes older than the retention window, on write and on read', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock, { retentionMs: 10 * 60_000 });
    store.put(datum(1, T0 - 11 * 60_000));
    expect(store.size).toBe(0);
    store.put(datum(1, T0));
    clock.advance(5 * 60_000);
    store.put(datum(2, clock.now()));
    clock.advance(6 * 60_000);
    const s = store.get('AWS/Kinesis', 'IncomingRecords', [{ Name: 'StreamName', Value: 's1' }]);
    expect(s?.buckets.map((b) => b.sum)).toEqual([2]);
    clock.advance(10 * 60_000);
    expect(store.list()).toEqual([]);
  });

  it('keeps at most maxSeries series, evicting the least recently written', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock, { maxSeries: 2 });
    store.put(datum(1, T0, { name: 'A' }));
    clock.advance(1);
    store.put(datum(1, T0, { name: 'B' }));
    clock.advance(1);
    store.put(datum(1, T0, { name: 'A' }));
    clock.advance(1);
    store.put(datum(1, T0, { name: 'C' }));
    expect(store.list().map((s) => s.name)).toEqual(['A', 'C']);
  });

  it('round-trips through snapshot() and restore() as plain JSON', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock);
    store.put(datum(3, T0));
    store.record('Workshop', 'Latency', [], T0 + 60_000, 'Milliseconds', 4, 100, 10, 40);
    const json = JSON.parse(JSON.stringify(store.snapshot()));
    const copy = new MetricStore(clock);
    copy.restore(json);
    expect(copy.snapshot()).toEqual(store.snapshot());
    expect(copy.get('Workshop', 'Latency', [])?.buckets).toEqual([
      { t: T0 + 60_000, unit: 'Milliseconds', sampleCount: 4, sum: 100, min: 10, max: 40 },
    ]);
  });

  it('keeps each region apart: the same series in two regions are two series', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock, {}, 'eu-west-1');
    const dims = [{ Name: 'StreamName', Value: 's1' }];
    store.put(datum(5, T0, { region: 'us-east-1' }));
    store.put(datum(7, T0, { region: 'eu-west-1' }));
    store.put(datum(1, T0)); // no region: the store's default region
    expect(store.get('AWS/Kinesis', 'IncomingRecords', dims, 'us-east-1')?.buckets.map((b) => b.sum)).toEqual([5]);
    expect(store.get('AWS/Kinesis', 'IncomingRecords', dims, 'eu-west-1')?.buckets.map((b) => b.sum)).toEqual([8]);
    expect(store.get('AWS/Kinesis', 'IncomingRecords', dims)?.region).toBe('eu-west-1');
    expect(store.get('AWS/Kinesis', 'IncomingRecords', dims, 'ap-south-1')).toBeUndefined();
    expect(store.list('us-east-1').map((s) => [s.region, s.name])).toEqual([['us-east-1', 'IncomingRecords']]);
    expect(store.list('ap-south-1')).toEqual([]);
    expect(store.listRegions()).toEqual(['eu-west-1', 'us-east-1']);
    expect(store.size).toBe(2);
  });

  it('counts the series cap across regions', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock, { maxSeries: 2 });
    store.put(datum(1, T0, { region: 'us-east-1' }));
    clock.advance(1);
    store.put(datum(1, T0, { region: 'eu-west-1' }));
    clock.advance(1);
    store.put(datum(1, T0, { region: 'ap-south-1' }));
    expect([store.size, store.listRegions()]).toEqual([2, ['ap-south-1', 'eu-west-1']]);
  });

  it('round-trips every region through snapshot() and restore()', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock);
    store.put(datum(3, T0, { region: 'us-east-1' }));
    store.put(datum(4, T0, { region: 'eu-west-1' }));
    const copy = new MetricStore(clock);
    copy.restore(JSON.parse(JSON.stringify(store.snapshot())));
    expect(copy.snapshot()).toEqual(store.snapshot());
    expect(copy.list('eu-west-1').map((s) => s.buckets[0].sum)).toEqual([4]);
    expect(copy.list('us-east-1').map((s) => s.buckets[0].sum)).toEqual([3]);
  });

  it('restores a snapshot written before metrics were regional into the default region', () => {
    const clock = new VirtualClock(T0);
    const store = new MetricStore(clock, {}, 'eu-central-1');
    store.restore({
      version: 1,
      series: [{ namespace: 'AWS/Kinesis', name: 'IncomingRecords', dimensions: [{ Name: 'StreamName', Value: 's1' }], lastPut: T0, buckets: [[T0, 'Count', 1, 9, 9, 9]] }],
    });
    expect(store.listRegions()).toEqual(['eu-central-1']);
    expect(store.get('AWS/Kinesis', 'IncomingRecords', [{ Name: 'StreamName', Value: 's1' }], 'eu-central-1')?.buckets[0].sum).toBe(9);
    expect(store.snapshot().series.map((s) => s.region)).toEqual(['eu-central-1']);
  });

  it('refuses a snapshot of another version', () => {
    const store = new MetricStore(new VirtualClock(T0));
    expect(() => store.restore({ version: 2, series: [] } as never)).toThrow('unsupported metric store snapshot version 2');
  });
});
