import { listedShard, publicShard, streamOf, type KinesisContext, type StreamRef } from './context';

export interface DescribeStreamInput extends StreamRef {
  Limit?: number;
  ExclusiveStartShardId?: string;
}

/** The stream with up to Limit (default and most 100) shards after ExclusiveStartShardId. */
export const describeStream = (k: KinesisContext, input: DescribeStreamInput) => {
  const s = streamOf(k, input);
  // "If you specify a value greater than 100, at most 100 results are returned" (API reference, DescribeStream).
  const limit = Math.min(input.Limit ?? 100, 100);
  const after = input.ExclusiveStartShardId;
  const listed = listedShard(s, k.store.now());
  const shards = s.Shards.filter((sh) => (after === undefined || sh.ShardId > after) && listed(sh));
  return {
    StreamDescription: {
      StreamName: s.StreamName,
      StreamARN: s.StreamARN,
      StreamStatus: s.StreamStatus,
      StreamModeDetails: { ...s.StreamModeDetails },
      Shards: shards.slice(0, limit).map(publicShard),
      HasMoreShards: shards.length > limit,
      RetentionPeriodHours: s.RetentionPeriodHours,
      StreamCreationTimestamp: s.StreamCreationTimestamp,
      EnhancedMonitoring: s.EnhancedMonitoring.map((m) => ({ ShardLevelMetrics: [...m.ShardLevelMetrics] })),
      EncryptionType: s.EncryptionType,
    },
  };
};
