import { GetMetricDataCommand, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { useQuery } from '@tanstack/react-query';
import { KINESIS_NAMESPACE } from '../../engine/kinesis/metrics';
import { emulatorClient } from '../../worker/client';
import { useServices } from './services';

/** The Monitoring page's time ranges, in minutes. */
export const RANGES = { '15m': 15, '1h': 60, '3h': 180 } as const;
export type RangeKey = keyof typeof RANGES;

/** One-minute points, as the workshop asks ("choose a 1 Minute SUM"). */
export const PERIOD_SECONDS = 60;
export const REFRESH_MS = 10_000;

/** Stream-level series on the page: CloudWatch metric name and statistic. */
export const STREAM_SERIES = {
  incomingRecords: { metric: 'IncomingRecords', stat: 'Sum' },
  incomingBytes: { metric: 'IncomingBytes', stat: 'Sum' },
  writeThrottled: { metric: 'WriteProvisionedThroughputExceeded', stat: 'Sum' },
  readThrottled: { metric: 'ReadProvisionedThroughputExceeded', stat: 'Sum' },
  iteratorAge: { metric: 'GetRecords.IteratorAgeMilliseconds', stat: 'Maximum' },
} as const;
export type StreamSeries = keyof typeof STREAM_SERIES;

/** One minute of the stream-level chart; sums with no data are 0, maxima with no data are absent. */
export type StreamPoint = { t: number } & Partial<Record<StreamSeries, number>>;

/** One minute of the per-shard chart: `t` and one value per shard id. */
export type ShardPoint = { t: number } & Record<string, number>;

const MINUTE = 60_000;

/** The window a range covers, ending at the end of the current minute of `now`. */
export const windowFor = (now: number, minutes: number): { start: number; end: number } => {
  const end = Math.floor(now / MINUTE) * MINUTE + MINUTE;
  return { start: end - minutes * MINUTE, end };
};

/** Every minute of the window, oldest first. */
export const minutesOf = (w: { start: number; end: number }): number[] => {
  const out: number[] = [];
  for (let t = w.start; t < w.end; t += MINUTE) out.push(t);
  return out;
};

/** Query id for a shard (ids must start with a lower-case letter and hold only [a-zA-Z0-9_]). */
export const shardQueryId = (i: number) => `shard_${i}`;

export const streamQueries = (stream: string): MetricDataQuery[] =>
  (Object.entries(STREAM_SERIES) as [StreamSeries, { metric: string; stat: string }][]).map(([id, s]) => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: KINESIS_NAMESPACE, MetricName: s.metric, Dimensions: [{ Name: 'StreamName', Value: stream }] },
      Period: PERIOD_SECONDS,
      Stat: s.stat,
    },
    ReturnData: true,
  }));

export const shardQueries = (stream: string, shardIds: readonly string[]): MetricDataQuery[] =>
  shardIds.map((shardId, i) => ({
    Id: shardQueryId(i),
    Label: shardId,
    MetricStat: {
      Metric: {
        Namespace: KINESIS_NAMESPACE,
        MetricName: 'IncomingRecords',
        Dimensions: [
          { Name: 'StreamName', Value: stream },
          { Name: 'ShardId', Value: shardId },
        ],
      },
      Period: PERIOD_SECONDS,
      Stat: 'Sum',
    },
    ReturnData: true,
  }));

/** Points of one result by minute. */
const byTime = (r: MetricDataResult | undefined): Map<number, number> => {
  const m = new Map<number, number>();
  const ts = r?.Timestamps ?? [];
  const vs = r?.Values ?? [];
  for (let i = 0; i < ts.length; i++) m.set(new Date(ts[i]).getTime(), (m.get(new Date(ts[i]).getTime()) ?? 0) + vs[i]);
  return m;
};

/** Lays results out by minute: sums fill empty minutes with 0, maxima leave them empty. */
export const toStreamPoints = (results: MetricDataResult[], minutes: number[]): StreamPoint[] => {
  const series = new Map(results.map((r) => [r.Id as StreamSeries, byTime(r)]));
  return minutes.map((t) => {
    const p: StreamPoint = { t };
    for (const [id, def] of Object.entries(STREAM_SERIES) as [StreamSeries, { stat: string }][]) {
      const v = series.get(id)?.get(t);
      if (v !== undefined) p[id] = v;
      else if (def.stat === 'Sum') p[id] = 0;
    }
    return p;
  });
};

export const toShardPoints = (results: MetricDataResult[], shardIds: readonly string[], minutes: number[]): ShardPoint[] => {
  const series = shardIds.map((_, i) => byTime(results.find((r) => r.Id === shardQueryId(i))));
  return minutes.map((t) => {
    const p: ShardPoint = { t };
    shardIds.forEach((id, i) => (p[id] = series[i].get(t) ?? 0));
    return p;
  });
};

export const sumOf = (points: readonly Record<string, number | undefined>[], key: string): number =>
  points.reduce((a, p) => a + (p[key] ?? 0), 0);

export const metricsKeys = {
  stream: (stream: string, range: RangeKey) => ['cloudwatch', 'stream', stream, range] as const,
  shards: (stream: string, range: RangeKey, shards: readonly string[]) => ['cloudwatch', 'shards', stream, range, shards.join(',')] as const,
};

/** The time the metrics are stamped with: the emulator's clock (it can run fast), or the real one. */
const useNow = () => {
  const { settings } = useServices();
  return async (): Promise<number> => (settings.mode === 'emulated' ? (await emulatorClient().console.clock()).now : Date.now());
};

const useMetricData = () => {
  const { cloudwatch } = useServices();
  const now = useNow();
  return async (queries: MetricDataQuery[], minutes: number) => {
    const w = windowFor(await now(), minutes);
    const results = new Map<string, MetricDataResult>();
    let token: string | undefined;
    do {
      const out = await cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(w.start),
          EndTime: new Date(w.end),
          ScanBy: 'TimestampAscending',
          ...(token ? { NextToken: token } : {}),
        }),
      );
      for (const r of out.MetricDataResults ?? []) {
        const prev = results.get(r.Id!);
        if (!prev) results.set(r.Id!, { ...r, Timestamps: [...(r.Timestamps ?? [])], Values: [...(r.Values ?? [])] });
        else {
          prev.Timestamps!.push(...(r.Timestamps ?? []));
          prev.Values!.push(...(r.Values ?? []));
        }
      }
      token = out.NextToken;
    } while (token);
    return { results: [...results.values()], minutes: minutesOf(w) };
  };
};

/** Stream-level AWS/Kinesis metrics, one point a minute over the range, refreshed every 10 s. */
export const useStreamMetrics = (stream: string | undefined, range: RangeKey) => {
  const fetch = useMetricData();
  return useQuery({
    queryKey: metricsKeys.stream(stream ?? '', range),
    enabled: !!stream,
    queryFn: async () => {
      const { results, minutes } = await fetch(streamQueries(stream!), RANGES[range]);
      return toStreamPoints(results, minutes);
    },
    refetchInterval: REFRESH_MS,
    placeholderData: (prev) => prev,
  });
};

/** IncomingRecords per shard (needs shard-level metrics, i.e. enhanced monitoring). */
export const useShardMetrics = (stream: string | undefined, shardIds: readonly string[], range: RangeKey, enabled = true) => {
  const fetch = useMetricData();
  return useQuery({
    queryKey: metricsKeys.shards(stream ?? '', range, shardIds),
    enabled: !!stream && enabled && shardIds.length > 0,
    queryFn: async () => {
      const { results, minutes } = await fetch(shardQueries(stream!, shardIds), RANGES[range]);
      return toShardPoints(results, shardIds, minutes);
    },
    refetchInterval: REFRESH_MS,
    placeholderData: (prev) => prev,
  });
};
