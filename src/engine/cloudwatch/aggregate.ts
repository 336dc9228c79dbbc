import type { BasicStatistic } from './input';
import { MINUTE_MS, type MinuteAggregate, type Series } from './store';

/** A statistic set over one period. */
/** A period's statistics: a minute's, folded together; `t` is the start of the period. */
export type PeriodAggregate = MinuteAggregate;

/**
 * CloudWatch rounds a recent StartTime down to the whole minute (GetMetricStatistics, StartTime:
 * "less than 15 days ago - round down to the nearest whole minute"); periods run from there.
 */
export const roundStart = (startMs: number): number => Math.floor(startMs / MINUTE_MS) * MINUTE_MS;

/**
 * Folds a series' minutes into periods of `periodMs` starting at `startMs` (already rounded),
 * keeping minutes with start in [startMs, endMs). With `unit` only that unit's data counts; with
 * `byUnit` each unit gets its own datapoints (GetMetricStatistics), otherwise units merge.
 */
export const aggregatePeriods = (
  series: Series | undefined,
  startMs: number,
  endMs: number,
  periodMs: number,
  unit: string | undefined,
  byUnit: boolean,
): PeriodAggregate[] => {
  if (series === undefined) return [];
  const out: PeriodAggregate[] = [];
  const open = new Map<string, PeriodAggregate>();
  let openT = Number.NaN;
  for (const m of series.buckets as MinuteAggregate[]) {
    if (m.t < startMs) continue;
    if (m.t >= endMs) break;
    if (unit !== undefined && m.unit !== unit) continue;
    const t = startMs + Math.floor((m.t - startMs) / periodMs) * periodMs;
    if (t !== openT) {
      for (const a of open.values()) out.push(a);
      open.clear();
      openT = t;
    }
    const key = byUnit ? m.unit : '';
    const a = open.get(key);
    if (a === undefined) {
      open.set(key, { t, unit: m.unit, sampleCount: m.sampleCount, sum: m.sum, min: m.min, max: m.max });
    } else {
      a.sampleCount += m.sampleCount;
      a.sum += m.sum;
      if (m.min < a.min) a.min = m.min;
      if (m.max > a.max) a.max = m.max;
      if (a.unit !== m.unit) a.unit = 'None';
    }
  }
  for (const a of open.values()) out.push(a);
  return out;
};

export const statisticValue = (a: PeriodAggregate, stat: BasicStatistic): number => {
  switch (stat) {
    case 'Sum':
      return a.sum;
    case 'Average':
      return a.sum / a.sampleCount;
    case 'Minimum':
      return a.min;
    case 'Maximum':
      return a.max;
    case 'SampleCount':
      return a.sampleCount;
    default: {
      const never: never = stat;
      throw new Error(`unknown statistic ${String(never)}`);
    }
  }
};
