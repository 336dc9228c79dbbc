import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { useQuery } from '@tanstack/react-query';
import { FIREHOSE_NAMESPACE } from '../../engine/firehose/metrics';
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

/** Delivery-stream series (AWS/Firehose, DeliveryStreamName dimension), as the Firehose engine reports them. */
export const DELIVERY_SERIES = {
  incomingRecords: { metric: 'IncomingRecords', stat: 'Sum' },
  incomingBytes: { metric: 'IncomingBytes', stat: 'Sum' },
  deliveredRecords: { metric: 'DeliveryToS3.Records', stat: 'Sum' },
  deliveredBytes: { metric: 'DeliveryToS3.Bytes', stat: 'Sum' },
  // The share of S3 puts that succeeded: 1 when all did (AWS charts it as an Average).
  deliverySuccess: { metric: 'DeliveryToS3.Success', stat: 'Average' },
  dataFreshness: { metric: 'DeliveryToS3.DataFreshness', stat: 'Maximum' },
  throttledRecords: { metric: 'ThrottledRecords', stat: 'Sum' },
} as const;
export type DeliverySeries = keyof typeof DELIVERY_SERIES;

/** A set of series: query id -> CloudWatch metric name and statistic. */
export type SeriesSet = Readonly<Record<string, { readonly metric: string; readonly stat: string }>>;

/** One minute of a chart over a series set; sums with no data are 0, other statistics with no data are absent. */
export type SeriesPoint<K extends string> = { t: number } & Partial<Record<K, number>>;

/** One minute of the stream-level chart. */
export type StreamPoint = SeriesPoint<StreamSeries>;
export type DeliveryPoint = SeriesPoint<DeliverySeries>;

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

/** One query per series of the set, on one namespace and dimension, with one-minute periods. */
export const seriesQueries = (namespace: string, dimension: { Name: string; Value: string }, set: SeriesSet): MetricDataQuery[] =>
  Object.entries(set).map(([id, s]) => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: namespace, MetricName: s.metric, Dimensions: [dimension] },
      Period: PERIOD_SECONDS,
      Stat: s.stat,
    },
    ReturnData: true,
  }));

export const streamQueries = (stream: string): MetricDataQuery[] =>
  seriesQueries(KINESIS_NAMESPACE, { Name: 'StreamName', Value: stream }, STREAM_SERIES);

export const deliveryStreamQueries = (deliveryStream: string): MetricDataQuery[] =>
  seriesQueries(FIREHOSE_NAMESPACE, { Name: 'DeliveryStreamName', Value: deliveryStream }, DELIVERY_SERIES);

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

/** Lays results out by minute: sums fill empty minutes with 0, other statistics leave them empty. */
export const toPoints = <S extends SeriesSet>(set: S, results: MetricDataResult[], minutes: number[]): SeriesPoint<keyof S & string>[] => {
  const series = new Map(results.map((r) => [r.Id!, byTime(r)]));
  return minutes.map((t) => {
    const p: Record<string, number> = { t };
    for (const [id, def] of Object.entries(set)) {
      const v = series.get(id)?.get(t);
      if (v !== undefined) p[id] = v;
      else if (def.stat === 'Sum') p[id] = 0;
    }
    return p as SeriesPoint<keyof S & string>;
  });
};

export const toStreamPoints = (results: MetricDataResult[], minutes: number[]): StreamPoint[] => toPoints(STREAM_SERIES, results, minutes);

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
  deliveryStream: (name: string, range: RangeKey) => ['cloudwatch', 'deliveryStream', name, range] as const,
  shards: (stream: string, range: RangeKey, shards: readonly string[]) => ['cloudwatch', 'shards', stream, range, shards.join(',')] as const,
};

/** The time the metrics are stamped with: the emulator's clock (it can run fast), or the real one. */
export const useNow = () => {
  const { settings } = useServices();
  return async (): Promise<number> => (settings.mode === 'emulated' ? (await emulatorClient().console.clock()).now : Date.now());
};

/** GetMetricData over the `minutes` up to `now` (every page), with the window's minutes. */
export const fetchMetricData = async (cloudwatch: CloudWatchClient, now: number, queries: MetricDataQuery[], minutes: number) => {
  const w = windowFor(now, minutes);
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

/** Fetches queries over the last `minutes`, on the emulator's clock in emulated mode. */
export const useMetricData = () => {
  const { cloudwatch } = useServices();
  const now = useNow();
  return async (queries: MetricDataQuery[], minutes: number) => fetchMetricData(cloudwatch, await now(), queries, minutes);
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

/** AWS/Firehose metrics of one delivery stream, one point a minute over the range, refreshed every 10 s. */
export const useDeliveryStreamMetrics = (deliveryStream: string | undefined, range: RangeKey) => {
  const fetch = useMetricData();
  return useQuery({
    queryKey: metricsKeys.deliveryStream(deliveryStream ?? '', range),
    enabled: !!deliveryStream,
    queryFn: async () => {
      const { results, minutes } = await fetch(deliveryStreamQueries(deliveryStream!), RANGES[range]);
      return toPoints(DELIVERY_SERIES, results, minutes);
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
