import { DescribeStreamConsumerCommand } from '@aws-sdk/client-kinesis';
import { useQuery } from '@tanstack/react-query';
import type { Observed, Watch } from '../state/notifications';
import { describeError } from './errors';
import { useServices } from './services';
import { analyticsKeys, describeApplication } from './useAnalytics';
import { describeDeliveryStream, firehoseKeys } from './useFirehose';
import { describeStreamSummary, FAST_POLL_MS, kinesisKeys } from './useStreams';

/**
 * The state of the resource an operation in progress waits on, read often (the same query, and
 * cache, as the resource's own page). Undefined until the first read.
 */
export const useWatchedState = (watch: Watch): Observed | undefined => {
  const { kinesis, firehose, analytics } = useServices();
  const { kind, name, stream } = watch;
  const query = useQuery<unknown, Error, { status?: string; version?: number }, readonly unknown[]>({
    queryKey:
      kind === 'stream'
        ? kinesisKeys.summary(name)
        : kind === 'delivery-stream'
          ? firehoseKeys.stream(name)
          : kind === 'consumer'
            ? kinesisKeys.consumer(stream ?? '', name)
            : analyticsKeys.app(name),
    queryFn: async () => {
      switch (kind) {
        case 'stream':
          return describeStreamSummary(kinesis, name);
        case 'delivery-stream':
          return describeDeliveryStream(firehose, name);
        case 'consumer':
          return (await kinesis.send(new DescribeStreamConsumerCommand({ StreamARN: stream, ConsumerName: name }))).ConsumerDescription ?? {};
        case 'application':
          return describeApplication(analytics, name);
      }
    },
    select: (d) => ({
      status:
        (d as { StreamStatus?: string }).StreamStatus ??
        (d as { DeliveryStreamStatus?: string }).DeliveryStreamStatus ??
        (d as { ConsumerStatus?: string }).ConsumerStatus ??
        (d as { ApplicationStatus?: string }).ApplicationStatus,
      version: (d as { ApplicationVersionId?: number }).ApplicationVersionId,
    }),
    refetchInterval: FAST_POLL_MS,
    retry: false,
  });
  if (query.error && query.errorUpdatedAt >= query.dataUpdatedAt) {
    const e = describeError(query.error);
    return e.type === 'ResourceNotFoundException' ? { missing: true, at: query.errorUpdatedAt } : { error: e, at: query.errorUpdatedAt };
  }
  if (query.data?.status) return { status: query.data.status, version: query.data.version, at: query.dataUpdatedAt };
  return undefined;
};
