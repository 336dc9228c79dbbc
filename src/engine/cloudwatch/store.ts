import type { Clock } from '../common/clock';
import type { Dimension, MetricDatum, MetricsSink, MetricUnit } from '../common/metrics';

/** CloudWatch's storage resolution for standard metrics: one aggregate per minute. */
export const MINUTE_MS = 60_000;

export interface MetricStoreLimits {
  /** How much 1-minute data each series keeps (AWS keeps 15 days; the emulator defaults to 3 hours). */
  retentionMs: number;
  /** How many distinct series (namespace, name, dimension set) are kept; the least recently written goes first. */
  maxSeries: number;
}

export const defaultMetricStoreLimits: MetricStoreLimits = { retentionMs: 3 * 60 * MINUTE_MS, maxSeries: 10_000 };

/** One minute of one series in one unit: the statistic set CloudWatch keeps. */
export interface MinuteAggregate {
  /** Start of the minute (epoch ms, a multiple of 60,000). */
  t: number;
  unit: string;
  sampleCount: number;
  sum: number;
  min: number;
  max: number;
}

export interface Series {
  /** CloudWatch metrics are regional: a series lives in exactly one region. */
  readonly region: string;
  readonly namespace: string;
  readonly name: string;
  /** Sorted by Name then Value: the identity of the metric. */
  readonly dimensions: readonly Dimension[];
  /** The series' identity within its region ({@link seriesKey}). */
  readonly key: string;
  /** Sorted by t, then unit. Usually one entry per minute. */
  buckets: MinuteAggregate[];
  /** Clock time of the last put, for ListMetrics' RecentlyActive and the series cap. */
  lastPut: number;
}

/** Plain-JSON form of the store, for persistence (IndexedDB) and export. */
export interface MetricStoreSnapshot {
  version: 1;
  series: {
    /** Absent in snapshots written before metrics were regional: the store's default region. */
    region?: string;
    namespace: string;
    name: string;
    dimensions: Dimension[];
    lastPut: number;
    /** [t, unit, sampleCount, sum, min, max] */
    buckets: [number, string, number, number, number, number][];
  }[];
}

const SEP = '\u0000';
const DIM_SEP = '\u0001';

const compareDimensions = (a: Dimension, b: Dimension): number =>
  a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : a.Value < b.Value ? -1 : a.Value > b.Value ? 1 : 0;

/** Dimensions in their canonical order (a copy when they need sorting). */
export const sortDimensions = (dimensions: readonly Dimension[]): readonly Dimension[] => {
  if (dimensions.length < 2) return dimensions;
  for (let i = 1; i < dimensions.length; i++) {
    if (compareDimensions(dimensions[i - 1], dimensions[i]) > 0) return [...dimensions].sort(compareDimensions);
  }
  return dimensions;
};

/** The identity of a metric: namespace, name and its dimension set in canonical order. */
export const seriesKey = (namespace: string, name: string, dimensions: readonly Dimension[]): string => {
  let key = namespace + SEP + name;
  const sorted = sortDimensions(dimensions);
  for (let i = 0; i < sorted.length; i++) key += (i === 0 ? SEP : DIM_SEP) + sorted[i].Name + '=' + sorted[i].Value;
  return key;
};

const minuteOf = (t: number): number => Math.floor(t / MINUTE_MS) * MINUTE_MS;

/**
 * The emulator's CloudWatch metric store: per-minute statistic sets (SampleCount, Sum,
 * Minimum, Maximum, Unit) per series, bounded by a retention window and a series cap.
 * Series are kept per region (one map each), as CloudWatch keeps metrics regional.
 * `put` is O(1) for the common case (same series, current minute), so services can
 * report once per call at high rates.
 */
export class MetricStore implements MetricsSink {
  /** region -> series key -> series */
  private readonly regions = new Map<string, Map<string, Series>>();
  /** Series across every region (the cap counts them all). */
  private count = 0;
  readonly limits: MetricStoreLimits;

  /** `defaultRegion`: where data without a region goes (a datum without `region`, an old snapshot). */
  constructor(
    private readonly clock: Clock,
    limits: Partial<MetricStoreLimits> = {},
    readonly defaultRegion = 'us-east-1',
  ) {
    this.limits = { ...defaultMetricStoreLimits, ...limits };
  }

  put(datum: MetricDatum): void {
    this.record(datum.namespace, datum.name, datum.dimensions, datum.timestamp, datum.unit, 1, datum.value, datum.value, datum.value, datum.region);
  }

  private regionMap(region: string, create: boolean): Map<string, Series> | undefined {
    let m = this.regions.get(region);
    if (m === undefined && create) this.regions.set(region, (m = new Map()));
    return m;
  }

  /**
   * Adds a statistic set (what PutMetricData's StatisticValues carries; a single value is
   * count 1 with sum = min = max). Data older than the retention window is dropped.
   */
  record(
    namespace: string,
    name: string,
    dimensions: readonly Dimension[],
    timestamp: number,
    unit: MetricUnit | string,
    sampleCount: number,
    sum: number,
    min: number,
    max: number,
    region: string = this.defaultRegion,
  ): void {
    if (!(sampleCount > 0)) return; // nothing observed (a Count of 0 in PutMetricData's Counts)
    const now = this.clock.now();
    const t = minuteOf(timestamp);
    if (t < minuteOf(now - this.limits.retentionMs)) return;
    const key = seriesKey(namespace, name, dimensions);
    const series = this.regionMap(region, true)!;
    let s = series.get(key);
    if (s === undefined) {
      s = { region, namespace, name, dimensions: sortDimensions(dimensions).map((d) => ({ Name: d.Name, Value: d.Value })), key, buckets: [], lastPut: now };
      series.set(key, s);
      if (++this.count > this.limits.maxSeries) this.evictLeastRecent(s);
    }
    s.lastPut = now;
    const b = s.buckets;
    const last = b.length > 0 ? b[b.length - 1] : undefined;
    if (last !== undefined && last.t === t && last.unit === unit) {
      last.sampleCount += sampleCount;
      last.sum += sum;
      if (min < last.min) last.min = min;
      if (max > last.max) last.max = max;
      return;
    }
    if (last === undefined || last.t < t) {
      b.push({ t, unit, sampleCount, sum, min, max });
      this.trim(s, now);
      return;
    }
    // Out of order (a PutMetricData with a past timestamp): find its place.
    let i = b.length - 1;
    while (i >= 0 && (b[i].t > t || (b[i].t === t && b[i].unit > unit))) i--;
    if (i >= 0 && b[i].t === t && b[i].unit === unit) {
      const a = b[i];
      a.sampleCount += sampleCount;
      a.sum += sum;
      if (min < a.min) a.min = min;
      if (max > a.max) a.max = max;
    } else {
      b.splice(i + 1, 0, { t, unit, sampleCount, sum, min, max });
    }
  }

  /** The series of `region` with exactly this namespace, name and dimension set. */
  get(namespace: string, name: string, dimensions: readonly Dimension[], region: string = this.defaultRegion): Series | undefined {
    const s = this.regionMap(region, false)?.get(seriesKey(namespace, name, dimensions));
    if (s !== undefined) this.trim(s, this.clock.now());
    return s;
  }

  /** Every live series of `region`, in key order (stable across calls, so pagination holds). */
  list(region: string = this.defaultRegion): Series[] {
    const series = this.regionMap(region, false);
    if (series === undefined) return [];
    const now = this.clock.now();
    const out: Series[] = [];
    for (const s of series.values()) {
      this.trim(s, now);
      if (s.buckets.length === 0) this.remove(s);
      else out.push(s);
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Regions holding at least one series, sorted. */
  listRegions(): string[] {
    return [...this.regions.keys()].filter((r) => this.regions.get(r)!.size > 0).sort();
  }

  /** Series across every region. */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.regions.clear();
    this.count = 0;
  }

  snapshot(): MetricStoreSnapshot {
    return {
      version: 1,
      series: this.listRegions().flatMap((region) => this.list(region)).map((s) => ({
        region: s.region,
        namespace: s.namespace,
        name: s.name,
        dimensions: s.dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
        lastPut: s.lastPut,
        buckets: s.buckets.map((a) => [a.t, a.unit, a.sampleCount, a.sum, a.min, a.max]),
      })),
    };
  }

  restore(snapshot: MetricStoreSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`unsupported metric store snapshot version ${String(snapshot.version)}`);
    this.clear();
    for (const s of snapshot.series) {
      const region = s.region ?? this.defaultRegion;
      const dimensions = sortDimensions(s.dimensions).map((d) => ({ Name: d.Name, Value: d.Value }));
      const key = seriesKey(s.namespace, s.name, dimensions);
      const buckets = s.buckets
        .map(([t, unit, sampleCount, sum, min, max]) => ({ t, unit, sampleCount, sum, min, max }))
        .sort((a, b) => a.t - b.t || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
      const series = this.regionMap(region, true)!;
      if (!series.has(key)) this.count++;
      series.set(key, { region, namespace: s.namespace, name: s.name, dimensions, key, buckets, lastPut: s.lastPut });
    }
    const now = this.clock.now();
    for (const series of this.regions.values()) for (const s of series.values()) this.trim(s, now);
    while (this.count > this.limits.maxSeries) this.evictLeastRecent(undefined);
  }

  private remove(s: Series): void {
    const series = this.regions.get(s.region);
    if (series?.get(s.key) === s) {
      series.delete(s.key);
      this.count--;
    }
  }

  private trim(s: Series, now: number): void {
    const cutoff = minuteOf(now - this.limits.retentionMs);
    const b = s.buckets;
    if (b.length === 0 || b[0].t >= cutoff) return;
    let n = 0;
    while (n < b.length && b[n].t < cutoff) n++;
    b.splice(0, n);
  }

  private evictLeastRecent(keep: Series | undefined): void {
    let victim: Series | undefined;
    for (const series of this.regions.values()) {
      for (const s of series.values()) {
        if (s !== keep && (victim === undefined || s.lastPut < victim.lastPut)) victim = s;
      }
    }
    if (victim !== undefined) this.remove(victim);
  }
}
