import { aggregatePeriods, roundStart, statisticValue } from '../aggregate';
import { invalidNextToken, validationError } from '../errors';
import {
  decodeToken,
  dimensionList,
  encodeToken,
  fnv1a,
  isBasicStatistic,
  isValidPeriod,
  optArray,
  optBoolean,
  optNumber,
  optObject,
  optString,
  optTimestamp,
  ShapeErrors,
  standardUnits,
  type BasicStatistic,
} from '../input';
import type { CloudWatchContext } from './context';

/** A GetMetricData call returns at most 100,800 datapoints (CloudWatch API reference, MaxDatapoints). */
export const MAX_METRIC_DATA_DATAPOINTS = 100_800;
/** At most 500 queries per call (CloudWatch API reference, MetricDataQueries). */
export const MAX_METRIC_DATA_QUERIES = 500;

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;

export interface MetricDataResult {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
  StatusCode: 'Complete' | 'PartialData';
  Messages: [];
}

interface Query {
  id: string;
  label: string | undefined;
  returnData: boolean;
  namespace: string;
  metricName: string;
  dimensions: { Name: string; Value: string }[];
  periodMs: number;
  stat: BasicStatistic;
  unit: string | undefined;
}

export const getMetricData = (
  ctx: CloudWatchContext,
  input: Record<string, unknown>,
  region: string,
): { MetricDataResults: MetricDataResult[]; NextToken?: string; Messages: [] } => {
  const errors = new ShapeErrors();
  const rawQueries = optArray(input.MetricDataQueries);
  const start = optTimestamp(input.StartTime);
  const end = optTimestamp(input.EndTime);
  const scanBy = optString(input.ScanBy);
  const maxDatapoints = optNumber(input.MaxDatapoints);
  const nextToken = optString(input.NextToken);
  if (errors.notNull(rawQueries, 'metricDataQueries') && rawQueries!.length > MAX_METRIC_DATA_QUERIES) {
    errors.add(rawQueries, 'metricDataQueries', `Member must have length less than or equal to ${MAX_METRIC_DATA_QUERIES}`);
  }
  errors.notNull(start, 'startTime');
  errors.notNull(end, 'endTime');
  errors.enumValue(scanBy, 'scanBy', ['TimestampDescending', 'TimestampAscending']);
  const shaped = (rawQueries ?? []).map((raw, i) => {
    const q = optObject(raw) ?? {};
    const p = `metricDataQueries.${i + 1}.member`;
    const id = optString(q.Id);
    if (errors.notNull(id, `${p}.id`)) errors.length(id, `${p}.id`, 1, 255);
    const stat = optObject(q.MetricStat);
    const metric = stat && optObject(stat.Metric);
    const m = {
      id: id ?? '',
      label: optString(q.Label),
      returnData: optBoolean(q.ReturnData) ?? true,
      expression: optString(q.Expression),
      hasStat: stat !== undefined,
      namespace: optString(metric?.Namespace),
      metricName: optString(metric?.MetricName),
      dimensions: dimensionList(metric?.Dimensions, `${p}.metricStat.metric.dimensions`, errors),
      period: optNumber(stat?.Period),
      stat: optString(stat?.Stat),
      unit: optString(stat?.Unit),
    };
    if (stat) {
      if (errors.notNull(metric, `${p}.metricStat.metric`)) {
        errors.length(m.namespace, `${p}.metricStat.metric.namespace`, 1, 255);
        errors.length(m.metricName, `${p}.metricStat.metric.metricName`, 1, 255);
      }
      if (errors.notNull(m.period, `${p}.metricStat.period`)) errors.min(m.period, `${p}.metricStat.period`, 1);
      errors.notNull(m.stat, `${p}.metricStat.stat`);
      errors.enumValue(m.unit, `${p}.metricStat.unit`, standardUnits);
    }
    return m;
  });
  errors.throwIfAny();

  // Time-range messages as moto's tests pin them against AWS; AWS compares whole seconds.
  const startS = Math.floor(start! / 1000);
  const endS = Math.floor(end! / 1000);
  if (startS > endS) throw validationError('The parameter EndTime must be greater than StartTime.');
  if (startS === endS) throw validationError('The parameter StartTime must not equal parameter EndTime.');

  const seen = new Set<string>();
  const queries: Query[] = shaped.map((q, i) => {
    const m = `MetricDataQueries.member.${i + 1}`;
    // Observed AWS text for a bad Id.
    if (!ID_PATTERN.test(q.id)) {
      throw validationError(`The value ${q.id} for parameter ${m}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`);
    }
    if (seen.has(q.id)) throw validationError('The values for parameter id in MetricDataQueries are not unique.');
    seen.add(q.id);
    if (q.expression !== undefined && q.hasStat) {
      throw validationError(`The parameters ${m}.Expression and ${m}.MetricStat are mutually exclusive and you have specified both.`);
    }
    if (q.expression !== undefined) {
      // Metric math and Metrics Insights queries are not implemented (a known gap).
      throw validationError(`Metric math expressions are not supported by this emulator (${m}.Expression).`);
    }
    // AWS ends this message with a newline (moto's tests note it).
    if (!q.hasStat) throw validationError(`The parameter ${m}.MetricStat is required.\n`);
    if (!isValidPeriod(q.period!)) {
      throw validationError(`The parameter ${m}.MetricStat.Period must be a value in the set [1, 5, 10, 20, 30] or a multiple of 60.`);
    }
    if (!isBasicStatistic(q.stat)) {
      throw validationError(
        `The value ${q.stat!} for parameter ${m}.MetricStat.Stat is not supported by this emulator (only SampleCount, Average, Sum, Minimum, Maximum).`,
      );
    }
    return {
      id: q.id,
      label: q.label,
      returnData: q.returnData,
      namespace: q.namespace ?? '',
      metricName: q.metricName ?? '',
      dimensions: q.dimensions,
      periodMs: q.period! * 1000,
      stat: q.stat,
      unit: q.unit,
    };
  });

  const limit = maxDatapoints === undefined || maxDatapoints <= 0 ? MAX_METRIC_DATA_DATAPOINTS : Math.min(maxDatapoints, MAX_METRIC_DATA_DATAPOINTS);
  const { NextToken: _omit, ...rest } = input;
  void _omit;
  const fingerprint = fnv1a(JSON.stringify(rest));
  let offset = 0;
  if (nextToken !== undefined) {
    const t = decodeToken(nextToken) as { o?: unknown; h?: unknown } | undefined;
    if (!t || typeof t.o !== 'number' || !Number.isInteger(t.o) || t.o < 0 || t.h !== fingerprint) {
      throw invalidNextToken('The service cannot complete the request because the NextToken is not valid.');
    }
    offset = t.o;
  }

  // Default labels name the metric, plus the Stat and the Period when the queries differ in them
  // (LocalStack's AWS-validated snapshots: "IncomingRecords Sum", "IncomingRecords 300").
  const differ = (f: (q: Query) => unknown) => new Set(queries.map(f)).size > 1;
  const addStat = differ((q) => q.stat);
  const addPeriod = differ((q) => q.periodMs);
  const defaultLabel = (q: Query) =>
    q.metricName + (addStat ? ` ${q.stat}` : '') + (addPeriod ? ` ${q.periodMs / 1000}` : '');

  const ascending = scanBy === 'TimestampAscending';
  const from = roundStart(start!);
  let skip = offset;
  let room = limit;
  let more = false;
  const results: MetricDataResult[] = [];
  for (const q of queries) {
    if (!q.returnData) continue;
    const points = aggregatePeriods(ctx.store.get(q.namespace, q.metricName, q.dimensions, region), from, end!, q.periodMs, q.unit, false);
    if (!ascending) points.reverse();
    const drop = Math.min(skip, points.length);
    skip -= drop;
    const take = Math.min(room, points.length - drop);
    room -= take;
    const page = points.slice(drop, drop + take);
    const partial = drop + take < points.length;
    if (partial) more = true;
    results.push({
      Id: q.id,
      Label: q.label ?? defaultLabel(q),
      Timestamps: page.map((a) => a.t / 1000),
      Values: page.map((a) => statisticValue(a, q.stat)),
      StatusCode: partial ? 'PartialData' : 'Complete',
      Messages: [],
    });
  }
  const out: { MetricDataResults: MetricDataResult[]; NextToken?: string; Messages: [] } = { MetricDataResults: results, Messages: [] };
  if (more) out.NextToken = encodeToken({ o: offset + limit - room, h: fingerprint });
  return out;
};
