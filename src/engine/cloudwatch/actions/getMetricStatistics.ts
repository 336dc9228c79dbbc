import { aggregatePeriods, roundStart, statisticValue } from '../aggregate';
import { invalidParameterCombination, invalidParameterValue } from '../errors';
import { basicStatistics, dimensionsOf, epochSecondsToMillis, isBasicStatistic, isValidPeriod, type BasicStatistic } from '../input';
import type { CloudWatchContext } from './context';

/** GetMetricStatistics returns at most 1,440 datapoints (CloudWatch API reference). */
export const MAX_STATISTICS_DATAPOINTS = 1440;

export interface Datapoint {
  Timestamp: number;
  SampleCount?: number;
  Average?: number;
  Sum?: number;
  Minimum?: number;
  Maximum?: number;
  Unit: string;
}

export interface GetMetricStatisticsInput {
  Namespace: string;
  MetricName: string;
  StartTime: number;
  EndTime: number;
  Period: number;
  Dimensions?: { Name: string; Value: string }[];
  Unit?: string;
  Statistics?: string[];
  ExtendedStatistics?: string[];
}

/** The input has been checked against validations/getMetricStatistics.ts. */
export const getMetricStatistics = (
  ctx: CloudWatchContext,
  input: GetMetricStatisticsInput,
  region: string,
): { Label: string; Datapoints: Datapoint[] } => {
  const { Namespace: namespace, MetricName: metricName, Period: period, Unit: unit, Statistics: statistics } = input;
  const extended = input.ExtendedStatistics;
  const start = epochSecondsToMillis(input.StartTime);
  const end = epochSecondsToMillis(input.EndTime);
  const dimensions = dimensionsOf(input.Dimensions);
  // Messages below: LocalStack's provider and moto's tests, both checked against AWS.
  if (!(start < end)) {
    throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
  }
  if (!isValidPeriod(period)) {
    throw invalidParameterValue('The parameter Period must be a value in the set [1, 5, 10, 20, 30] or a multiple of 60.');
  }
  const from = roundStart(start);
  const periodMs = period * 1000;
  const requested = Math.ceil((end - from) / periodMs);
  if (requested > MAX_STATISTICS_DATAPOINTS) {
    // The wording of a current AWS response (older responses wrote the numbers with thousands separators).
    throw invalidParameterCombination(
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_STATISTICS_DATAPOINTS}. ` +
        'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
  }
  if ((statistics?.length ?? 0) === 0 && (extended?.length ?? 0) === 0) {
    throw invalidParameterCombination('Must specify either Statistics or ExtendedStatistics');
  }
  if ((extended?.length ?? 0) > 0) {
    // Percentiles need raw values; the emulator keeps only per-minute statistic sets.
    throw invalidParameterValue('ExtendedStatistics (percentiles) are not supported by this emulator.');
  }
  const stats: BasicStatistic[] = [];
  statistics!.forEach((s, i) => {
    if (!isBasicStatistic(s)) {
      throw invalidParameterValue(
        `The parameter Statistics.member.${i + 1}.<list element> must be a value in the set [${basicStatistics.join(', ')}].`,
      );
    }
    if (!stats.includes(s)) stats.push(s);
  });

  const series = ctx.store.get(namespace, metricName, dimensions, region);
  const Datapoints = aggregatePeriods(series, from, end, periodMs, unit, true).map((a) => {
    const dp: Datapoint = { Timestamp: a.t / 1000, Unit: a.unit };
    for (const s of stats) dp[s] = statisticValue(a, s);
    return dp;
  });
  return { Label: metricName, Datapoints };
};
