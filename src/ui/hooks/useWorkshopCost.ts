import type { MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { useQuery } from '@tanstack/react-query';
import { FIREHOSE_NAMESPACE } from '../../engine/firehose/metrics';
import { KINESIS_NAMESPACE } from '../../engine/kinesis/metrics';
import type { ServiceClients } from '../../aws/clients';
import { fetchStreamRows } from '../lib/kinesisReads';
import type { RecordGroup, Usage } from '../workshop/cost';
import { useServices } from './services';
import { listApplications } from './useAnalytics';
import { fetchDeliveryStreamRows } from './useFirehose';
import { fetchMetricData, minutesOf, seriesQueries, useNow, windowFor } from './useMetrics';
import { countObjects, listBuckets } from './useS3';

/** Traffic is counted over the last hour. */
export const COST_WINDOW_MINUTES = 60;
export const COST_REFRESH_MS = 15_000;
/** Objects listed per bucket at most; beyond it storage is under-counted (and said so). */
export const COST_MAX_OBJECTS = 10_000;

export interface StreamTraffic {
  name: string;
  mode: string;
  openShards: number;
  records: number;
  bytes: number;
}

export interface BucketUsage {
  name: string;
  objects: number;
  bytes: number;
  more: boolean;
  writtenInWindow: number;
}

export interface WorkshopCost {
  usage: Usage;
  window: { start: number; end: number };
  streams: StreamTraffic[];
  deliveryStreams: { name: string; records: number; bytes: number }[];
  runningApplications: string[];
  buckets: BucketUsage[];
  /** How the inputs were approximated, in the console's words. */
  notes: string[];
}

const total = (results: MetricDataResult[], id: string) =>
  (results.find((r) => r.Id === id)?.Values ?? []).reduce((a, v) => a + v, 0);

/** A count with its average size, as CloudWatch's sums allow (the sizes one by one are not known). */
const averaged = (records: number, bytes: number): RecordGroup => ({
  count: records,
  bytesEach: records > 0 ? bytes / records : 0,
});

/**
 * What the console's resources and the last hour's traffic up to `now` amount to: streams and
 * their open shards, IncomingRecords/IncomingBytes of every stream and delivery stream over the
 * hour, running analytics applications, and S3 objects stored (and written in the hour).
 */
export const gatherWorkshopCost = async (
  clients: Omit<ServiceClients, 'settings'>,
  now: number,
): Promise<WorkshopCost> => {
  const [streamRows, deliveryRows, apps, bucketRows] = await Promise.all([
    fetchStreamRows(clients.kinesis),
    fetchDeliveryStreamRows(clients.firehose),
    listApplications(clients.analytics),
    listBuckets(clients.s3),
  ]);
  const queries = [
    ...streamRows.flatMap((s, i) =>
      seriesQueries(
        KINESIS_NAMESPACE,
        { Name: 'StreamName', Value: s.name },
        {
          [`k${i}_records`]: { metric: 'IncomingRecords', stat: 'Sum' },
          [`k${i}_bytes`]: { metric: 'IncomingBytes', stat: 'Sum' },
        },
      ),
    ),
    ...deliveryRows.flatMap((d, i) =>
      seriesQueries(
        FIREHOSE_NAMESPACE,
        { Name: 'DeliveryStreamName', Value: d.name },
        {
          [`f${i}_records`]: { metric: 'IncomingRecords', stat: 'Sum' },
          [`f${i}_bytes`]: { metric: 'IncomingBytes', stat: 'Sum' },
        },
      ),
    ),
  ];
  // GetMetricData needs at least one query: with nothing to ask about, the hour is simply empty.
  const { results, minutes } = queries.length
    ? await fetchMetricData(clients.cloudwatch, now, queries, COST_WINDOW_MINUTES)
    : { results: [], minutes: minutesOf(windowFor(now, COST_WINDOW_MINUTES)) };
  const window = { start: minutes[0], end: minutes[minutes.length - 1] + 60_000 };

  const streams: StreamTraffic[] = streamRows.map((s, i) => ({
    name: s.name,
    mode: s.mode,
    openShards: s.openShards ?? 0,
    records: total(results, `k${i}_records`),
    bytes: total(results, `k${i}_bytes`),
  }));
  const deliveryStreams = deliveryRows.map((d, i) => ({
    name: d.name,
    records: total(results, `f${i}_records`),
    bytes: total(results, `f${i}_bytes`),
  }));
  const runningApplications = apps
    .filter((a) => a.ApplicationStatus === 'RUNNING')
    .map((a) => a.ApplicationName ?? '');
  const buckets = await Promise.all(
    bucketRows.map(async (b): Promise<BucketUsage> => {
      const c = await countObjects(clients.s3, b.name, COST_MAX_OBJECTS, window.start);
      return {
        name: b.name,
        objects: c.count,
        bytes: c.bytes,
        more: c.more,
        writtenInWindow: c.modifiedSince,
      };
    }),
  );

  const notes = [
    "Traffic is last hour's, taken to go on all month; resources are taken to run all month.",
    "PUT payload units and Firehose's 5 KB rounding assume every record had its stream's average size over the hour (IncomingBytes ÷ IncomingRecords): records of mixed sizes can need more.",
    'Each running analytics application is counted at 1 KPU, the least AWS billed one; it allocated more as the load needed.',
    'S3 PUT requests are the objects written in the last hour; GET requests are not measured and count as none.',
  ];
  if (streams.some((s) => s.mode === 'ON_DEMAND'))
    notes.push(
      'On-demand streams are billed per stream-hour and GB on AWS; here their shards are priced as provisioned ones.',
    );
  if (buckets.some((b) => b.more))
    notes.push(`Storage counts at most ${COST_MAX_OBJECTS.toLocaleString('en-US')} objects a bucket.`);

  const usage: Usage = {
    hours: COST_WINDOW_MINUTES / 60,
    openShards: streams.reduce((a, s) => a + s.openShards, 0),
    kinesisRecords: streams.filter((s) => s.records > 0).map((s) => averaged(s.records, s.bytes)),
    firehoseRecords: deliveryStreams.filter((d) => d.records > 0).map((d) => averaged(d.records, d.bytes)),
    applicationKpus: runningApplications.map(() => 1),
    s3: {
      bytesStored: buckets.reduce((a, b) => a + b.bytes, 0),
      putRequests: buckets.reduce((a, b) => a + b.writtenInWindow, 0),
      getRequests: 0,
    },
  };
  return { usage, window, streams, deliveryStreams, runningApplications, buckets, notes };
};

/** The cost panel's inputs, read through the SDK clients every 15 s while it is shown. */
export const useWorkshopCost = (enabled = true) => {
  const clients = useServices();
  const now = useNow();
  return useQuery({
    queryKey: ['workshop', 'cost'] as const,
    enabled,
    refetchInterval: COST_REFRESH_MS,
    placeholderData: (prev) => prev,
    queryFn: async () => gatherWorkshopCost(clients, await now()),
  });
};
