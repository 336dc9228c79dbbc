import {
  CreateStreamCommand,
  DecreaseStreamRetentionPeriodCommand,
  DeleteStreamCommand,
  DescribeStreamSummaryCommand,
  DisableEnhancedMonitoringCommand,
  EnableEnhancedMonitoringCommand,
  IncreaseStreamRetentionPeriodCommand,
  MergeShardsCommand,
  PutRecordCommand,
  SplitShardCommand,
  UpdateShardCountCommand,
  type KinesisClient,
  type Shard,
  type StreamDescriptionSummary,
} from '@aws-sdk/client-kinesis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchShards, fetchStreamRows, type StreamRow } from '../lib/kinesisReads';
import { useServices } from './services';

export type { Shard, StreamDescriptionSummary };
export type StreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';

/** While a stream is changing state the console polls fast; otherwise slowly. */
export const FAST_POLL_MS = 500;
export const SLOW_POLL_MS = 5000;

export const isTransitional = (status: string | undefined): boolean =>
  status === 'CREATING' || status === 'UPDATING' || status === 'DELETING';

export const kinesisKeys = {
  all: ['kinesis'] as const,
  streams: () => ['kinesis', 'streams'] as const,
  summary: (name: string) => ['kinesis', 'stream', name, 'summary'] as const,
  shards: (name: string) => ['kinesis', 'stream', name, 'shards'] as const,
  consumers: (name: string) => ['kinesis', 'stream', name, 'consumers'] as const,
  /** One consumer, by its stream's ARN and its name. */
  consumer: (streamArn: string, name: string) => ['kinesis', 'consumer', streamArn, name] as const,
  consumerApps: (name: string) => ['kinesis', 'stream', name, 'consumer-apps'] as const,
};

export type { StreamRow };

/** Every stream with its summary. */
export const useStreamList = () => {
  const { kinesis } = useServices();
  return useQuery({
    queryKey: kinesisKeys.streams(),
    queryFn: () => fetchStreamRows(kinesis),
    refetchInterval: (q) => (q.state.data?.some((r) => isTransitional(r.status)) ? FAST_POLL_MS : SLOW_POLL_MS),
  });
};

/** DescribeStreamSummary: what `kinesisKeys.summary(name)` holds. */
export const describeStreamSummary = async (kinesis: KinesisClient, name: string) => {
  const out = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
  return out.StreamDescriptionSummary as StreamDescriptionSummary;
};

export const useStreamSummary = (name: string) => {
  const { kinesis } = useServices();
  return useQuery({
    queryKey: kinesisKeys.summary(name),
    queryFn: () => describeStreamSummary(kinesis, name),
    refetchInterval: (q) =>
      q.state.error ? false : isTransitional(q.state.data?.StreamStatus) ? FAST_POLL_MS : SLOW_POLL_MS,
  });
};

/**
 * All shards of a stream, open and closed (ListShards, all pages). Pass the stream's status:
 * the shards are read again whenever it changes (a reshard ends, a new stream becomes ACTIVE).
 */
export const useShards = (name: string, status?: string) => {
  const { kinesis } = useServices();
  const fast = isTransitional(status);
  const query = useQuery({
    queryKey: kinesisKeys.shards(name),
    queryFn: () => fetchShards(kinesis, name),
    refetchInterval: (q) => (q.state.error ? false : fast ? FAST_POLL_MS : SLOW_POLL_MS * 2),
  });
  const { refetch } = query;
  useEffect(() => {
    if (status) void refetch();
  }, [status, refetch]);
  return query;
};

export const isOpen = (s: Shard) => !s.SequenceNumberRange?.EndingSequenceNumber;

/** Open shards in hash key order. */
export const openShardsByHashKey = (shards: readonly Shard[]): Shard[] =>
  shards
    .filter(isOpen)
    .sort((a, b) => {
      const x = BigInt(a.HashKeyRange?.StartingHashKey ?? '0');
      const y = BigInt(b.HashKeyRange?.StartingHashKey ?? '0');
      return x < y ? -1 : x > y ? 1 : 0;
    });

/** Pairs of open shards whose hash key ranges touch: the only pairs MergeShards accepts. */
export const adjacentPairs = (shards: readonly Shard[]): [Shard, Shard][] => {
  const open = openShardsByHashKey(shards);
  const pairs: [Shard, Shard][] = [];
  for (let i = 0; i + 1 < open.length; i++) {
    const end = BigInt(open[i].HashKeyRange?.EndingHashKey ?? '-1');
    const next = BigInt(open[i + 1].HashKeyRange?.StartingHashKey ?? '-2');
    if (end + 1n === next) pairs.push([open[i], open[i + 1]]);
  }
  return pairs;
};

/** A mutation that refreshes the stream list and the given stream once it succeeds. */
const useStreamMutation = <I, O>(fn: (input: I) => Promise<O>, streamOf: (input: I) => string | undefined) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Not awaited: the caller's onSuccess (say, opening the new stream) should not wait for the refresh.
    onSettled: (_d, _e, input) => {
      const name = streamOf(input);
      void qc.invalidateQueries({ queryKey: kinesisKeys.streams() });
      if (name) void qc.invalidateQueries({ queryKey: ['kinesis', 'stream', name] });
    },
  });
};

export interface CreateStreamInput {
  name: string;
  mode: 'PROVISIONED' | 'ON_DEMAND';
  shardCount?: number;
}

/** CreateStream as the Create data stream page sends it (the walkthrough's 1-A sends the same). */
export const createStream = (kinesis: KinesisClient, i: CreateStreamInput) =>
  kinesis.send(
    new CreateStreamCommand({
      StreamName: i.name,
      ...(i.mode === 'PROVISIONED' ? { ShardCount: i.shardCount } : {}),
      StreamModeDetails: { StreamMode: i.mode },
    }),
  );

export const useCreateStream = () => {
  const { kinesis } = useServices();
  return useStreamMutation((i: CreateStreamInput) => createStream(kinesis, i), (i) => i.name);
};

export const useDeleteStream = () => {
  const { kinesis } = useServices();
  return useStreamMutation((name: string) => kinesis.send(new DeleteStreamCommand({ StreamName: name })), (n) => n);
};

export interface PutRecordInput {
  stream: string;
  partitionKey: string;
  explicitHashKey?: string;
  data: string;
}

const utf8 = new TextEncoder();

export const usePutRecord = () => {
  const { kinesis } = useServices();
  return useStreamMutation(
    (i: PutRecordInput) =>
      kinesis.send(
        new PutRecordCommand({
          StreamName: i.stream,
          PartitionKey: i.partitionKey,
          ...(i.explicitHashKey ? { ExplicitHashKey: i.explicitHashKey } : {}),
          Data: utf8.encode(i.data),
        }),
      ),
    (i) => i.stream,
  );
};

export const useSplitShard = () => {
  const { kinesis } = useServices();
  return useStreamMutation(
    (i: { stream: string; shardId: string; newStartingHashKey: string }) =>
      kinesis.send(
        new SplitShardCommand({ StreamName: i.stream, ShardToSplit: i.shardId, NewStartingHashKey: i.newStartingHashKey }),
      ),
    (i) => i.stream,
  );
};

export const useMergeShards = () => {
  const { kinesis } = useServices();
  return useStreamMutation(
    (i: { stream: string; shardId: string; adjacentShardId: string }) =>
      kinesis.send(
        new MergeShardsCommand({ StreamName: i.stream, ShardToMerge: i.shardId, AdjacentShardToMerge: i.adjacentShardId }),
      ),
    (i) => i.stream,
  );
};

export const useUpdateShardCount = () => {
  const { kinesis } = useServices();
  return useStreamMutation(
    (i: { stream: string; target: number }) =>
      kinesis.send(
        new UpdateShardCountCommand({ StreamName: i.stream, TargetShardCount: i.target, ScalingType: 'UNIFORM_SCALING' }),
      ),
    (i) => i.stream,
  );
};

/** Increase or decrease, whichever takes the retention from `current` to `hours`. */
export const useUpdateRetention = () => {
  const { kinesis } = useServices();
  return useStreamMutation(
    (i: { stream: string; current: number; hours: number }) =>
      i.hours >= i.current
        ? kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: i.stream, RetentionPeriodHours: i.hours }))
        : kinesis.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: i.stream, RetentionPeriodHours: i.hours })),
    (i) => i.stream,
  );
};

export const useEnhancedMonitoring = () => {
  const { kinesis } = useServices();
  return useStreamMutation(
    (i: { stream: string; enable: boolean; metrics: string[] }) =>
      i.enable
        ? kinesis.send(new EnableEnhancedMonitoringCommand({ StreamName: i.stream, ShardLevelMetrics: i.metrics as never }))
        : kinesis.send(new DisableEnhancedMonitoringCommand({ StreamName: i.stream, ShardLevelMetrics: i.metrics as never })),
    (i) => i.stream,
  );
};
