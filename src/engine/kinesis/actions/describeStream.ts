import { listedShard, publicShard, streamOf, type KinesisContext, type StreamRef } from './context';

export interface DescribeStreamInput extends StreamRef {
  Limit?: number;
  ExclusiveStartShardId?: string;
}

/** The stream with up to Limit (default 100) shards after ExclusiveStartShardId. */
export const describeStream = (k: KinesisContext, input: DescribeStreamInput) => {
  const s = streamOf(k, input);
  const limit = input.Limit ?? 100;
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
