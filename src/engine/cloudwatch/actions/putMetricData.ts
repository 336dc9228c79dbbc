import { invalidParameterCombination, invalidParameterValue } from '../errors';
import {
  dimensionList,
  optArray,
  optNumber,
  optObject,
  optString,
  optTimestamp,
  ShapeErrors,
  standardUnits,
} from '../input';
import type { CloudWatchContext } from './context';

/**
 * PutMetricData: Value, Values (+ Counts) or StatisticValues per datum, stored as per-minute
 * statistic sets. StorageResolution 1 is accepted but kept at 1-minute resolution.
 */
export const putMetricData = (ctx: CloudWatchContext, input: Record<string, unknown>, region: string): Record<string, never> => {
  const errors = new ShapeErrors();
  const namespace = optString(input.Namespace);
  if (errors.notNull(namespace, 'namespace')) errors.length(namespace, 'namespace', 1, 255);
  const data = optArray(input.MetricData);
  if (data === undefined || data.length === 0) errors.notNull(undefined, 'metricData');
  // At most 1,000 metrics per request (CloudWatch API reference, PutMetricData, MetricData).
  else if (data.length > 1000) errors.add(data.length, 'metricData', 'Member must have length less than or equal to 1000');
  const parsed = (data ?? []).map((raw, i) => {
    const d = optObject(raw) ?? {};
    const p = `metricData.${i + 1}.member`;
    const name = optString(d.MetricName);
    if (errors.notNull(name, `${p}.metricName`)) errors.length(name, `${p}.metricName`, 1, 255);
    const unit = optString(d.Unit);
    errors.enumValue(unit, `${p}.unit`, standardUnits);
    const stats = optObject(d.StatisticValues);
    return {
      name: name ?? '',
      dimensions: dimensionList(d.Dimensions, `${p}.dimensions`, errors),
      timestamp: optTimestamp(d.Timestamp),
      value: optNumber(d.Value),
      values: optArray(d.Values)?.map((v) => optNumber(v) ?? 0),
      counts: optArray(d.Counts)?.map((v) => optNumber(v) ?? 0),
      stats: stats && {
        SampleCount: optNumber(stats.SampleCount),
        Sum: optNumber(stats.Sum),
        Minimum: optNumber(stats.Minimum),
        Maximum: optNumber(stats.Maximum),
        path: `${p}.statisticValues`,
      },
      unit: unit ?? 'None',
    };
  });
  for (const d of parsed) {
    if (d.stats) {
      for (const k of ['SampleCount', 'Sum', 'Minimum', 'Maximum'] as const) {
        errors.notNull(d.stats[k], `${d.stats.path}.${k.charAt(0).toLowerCase()}${k.slice(1)}`);
      }
    }
  }
  errors.throwIfAny();
  // The AWS/ prefix is reserved for AWS services' own metrics (CloudWatch API reference, PutMetricData, Namespace).
  if (namespace!.startsWith('AWS/')) throw invalidParameterValue('The value AWS/ for parameter Namespace is invalid.');
  parsed.forEach((d, i) => {
    const m = `MetricData.member.${i + 1}`;
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
      const s = d.stats as { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
      ctx.store.record(namespace!, d.name, d.dimensions, t, d.unit, s.SampleCount, s.Sum, s.Minimum, s.Maximum, region);
    } else if (d.values) {
      d.values.forEach((v, j) => {
        const c = d.counts?.[j] ?? 1;
        ctx.store.record(namespace!, d.name, d.dimensions, t, d.unit, c, v * c, v, v, region);
      });
    } else if (d.value !== undefined) {
      ctx.store.record(namespace!, d.name, d.dimensions, t, d.unit, 1, d.value, d.value, d.value, region);
    }
  }
  return {};
};
