import { aggregatePeriods, roundStart, statisticValue } from '../aggregate';
import { invalidNextToken, validationError } from '../errors';
import {
  decodeToken,
  dimensionsOf,
  encodeToken,
  epochSecondsToMillis,
  fnv1a,
  isBasicStatistic,
  isValidPeriod,
  type BasicStatistic,
} from '../input';
import type { CloudWatchContext } from './context';

/** A GetMetricData call returns at most 100,800 datapoints (CloudWatch API reference, MaxDatapoints). */
export const MAX_METRIC_DATA_DATAPOINTS = 100_800;
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

interface MetricDataQuery {
  Id: string;
  MetricStat?: {
    Metric: { Namespace?: string; MetricName?: string; Dimensions?: { Name: string; Value: string }[] };
    Period: number;
    Stat: string;
    Unit?: string;
  };
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
}

export interface GetMetricDataInput {
  MetricDataQueries: MetricDataQuery[];
  StartTime: number;
  EndTime: number;
  ScanBy?: string;
  MaxDatapoints?: number;
  NextToken?: string;
}

/** The input has been checked against validations/getMetricData.ts. */
export const getMetricData = (
  ctx: CloudWatchContext,
  input: GetMetricDataInput,
  region: string,
): { MetricDataResults: MetricDataResult[]; NextToken?: string; Messages: [] } => {
  const start = epochSecondsToMillis(input.StartTime);
  const end = epochSecondsToMillis(input.EndTime);
  const { ScanBy: scanBy, MaxDatapoints: maxDatapoints, NextToken: nextToken } = input;
  const shaped = input.MetricDataQueries.map((q) => {
    const stat = q.MetricStat;
    return {
      id: q.Id,
      label: q.Label,
      returnData: q.ReturnData ?? true,
      expression: q.Expression,
      hasStat: stat !== undefined,
      namespace: stat?.Metric.Namespace,
      metricName: stat?.Metric.MetricName,
      dimensions: dimensionsOf(stat?.Metric.Dimensions),
      period: stat?.Period,
      stat: stat?.Stat,
      unit: stat?.Unit,
    };
  });
  // Time-range messages as moto's tests pin them against AWS; AWS compares whole seconds.
  const startS = Math.floor(start / 1000);
  const endS = Math.floor(end / 1000);
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
  const from = roundStart(start);
  let skip = offset;
  let room = limit;
  let more = false;
  const results: MetricDataResult[] = [];
  for (const q of queries) {
    if (!q.returnData) continue;
    const points = aggregatePeriods(ctx.store.get(q.namespace, q.metricName, q.dimensions, region), from, end, q.periodMs, q.unit, false);
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
