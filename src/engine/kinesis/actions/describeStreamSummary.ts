import { streamOf, type KinesisContext, type StreamRef } from './context';

export const describeStreamSummary = (k: KinesisContext, input: StreamRef) => {
  const s = streamOf(k, input);
  return {
    StreamDescriptionSummary: {
      StreamName: s.StreamName,
      StreamARN: s.StreamARN,
      StreamStatus: s.StreamStatus,
      StreamModeDetails: { ...s.StreamModeDetails },
      RetentionPeriodHours: s.RetentionPeriodHours,
      StreamCreationTimestamp: s.StreamCreationTimestamp,
      EnhancedMonitoring: s.EnhancedMonitoring.map((m) => ({ ShardLevelMetrics: [...m.ShardLevelMetrics] })),
      EncryptionType: s.EncryptionType,
      OpenShardCount: s._open.length,
      ConsumerCount: s._consumers.length,
    },
  };
};
