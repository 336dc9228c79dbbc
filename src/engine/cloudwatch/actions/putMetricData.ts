import { invalidParameterCombination, invalidParameterValue } from '../errors';
import { dimensionsOf, epochSecondsToMillis } from '../input';
import type { CloudWatchContext } from './context';

/** At most 1,000 metrics per request (CloudWatch API reference, PutMetricData, MetricData). */
export const MAX_METRIC_DATA = 1000;
/** At most 150 values per datum (CloudWatch API reference, MetricDatum, Values). */
export const MAX_DATUM_VALUES = 150;

interface Datum {
  MetricName: string;
  Dimensions?: { Name: string; Value: string }[];
  Timestamp?: number;
  Value?: number;
  StatisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
  Values?: number[];
  Counts?: number[];
  Unit?: string;
}

export interface PutMetricDataInput {
  Namespace: string;
  MetricData: Datum[];
}

/**
 * PutMetricData: Value, Values (+ Counts) or StatisticValues per datum, stored as per-minute
 * statistic sets. StorageResolution 1 is accepted but kept at 1-minute resolution. The input has
 * been checked against validations/putMetricData.ts.
 */
export const putMetricData = (ctx: CloudWatchContext, input: PutMetricDataInput, region: string): Record<string, never> => {
  const namespace = input.Namespace;
  // Collection sizes: the wording of AWS's InvalidParameterValue answers.
  if (input.MetricData.length > MAX_METRIC_DATA) {
    throw invalidParameterValue(`The collection MetricData must not have a size greater than ${MAX_METRIC_DATA}.`);
  }
  const parsed = input.MetricData.map((d) => ({
    name: d.MetricName,
    dimensions: dimensionsOf(d.Dimensions),
    timestamp: d.Timestamp === undefined ? undefined : epochSecondsToMillis(d.Timestamp),
    value: d.Value,
    values: d.Values?.map((v) => v ?? 0),
    counts: d.Counts?.map((v) => v ?? 0),
    stats: d.StatisticValues,
    unit: d.Unit ?? 'None',
  }));
  // The AWS/ prefix is reserved for AWS services' own metrics (CloudWatch API reference, PutMetricData, Namespace).
  if (namespace.startsWith('AWS/')) throw invalidParameterValue('The value AWS/ for parameter Namespace is invalid.');
  parsed.forEach((d, i) => {
    const m = `MetricData.member.${i + 1}`;
    for (const [what, list] of [['Values', d.values], ['Counts', d.counts]] as const) {
      if (list !== undefined && list.length > MAX_DATUM_VALUES) {
        throw invalidParameterValue(`The collection ${m}.${what} must not have a size greater than ${MAX_DATUM_VALUES}.`);
      }
    }
    // Mutual exclusion and size rules as LocalStack's AWS-validated tests record them.
    if (d.value !== undefined && d.values !== undefined) {
      throw invalidParameterCombination(
        `The parameters ${m}.Value and ${m}.Values are mutually exclusive and you have specified both.`,
      );
    }
    if (d.value !== undefined && d.stats !== undefined) {
      throw invalidParameterCombination(
        `The parameters ${m}.Value and ${m}.StatisticValues are mutually exclusive and you have specified both.`,
      );
    }
    if (d.values !== undefined && d.counts !== undefined && d.values.length !== d.counts.length) {
      throw invalidParameterValue(`The parameters ${m}.Values and ${m}.Counts must be of the same size.`);
    }
  });
  const now = ctx.clock.now();
  for (const d of parsed) {
    const t = d.timestamp ?? now;
    if (d.stats) {
      const s = d.stats;
      ctx.store.record(namespace, d.name, d.dimensions, t, d.unit, s.SampleCount, s.Sum, s.Minimum, s.Maximum, region);
    } else if (d.values) {
      d.values.forEach((v, j) => {
        const c = d.counts?.[j] ?? 1;
        ctx.store.record(namespace, d.name, d.dimensions, t, d.unit, c, v * c, v, v, region);
      });
    } else if (d.value !== undefined) {
      ctx.store.record(namespace, d.name, d.dimensions, t, d.unit, 1, d.value, d.value, d.value, region);
    }
  }
  return {};
};
