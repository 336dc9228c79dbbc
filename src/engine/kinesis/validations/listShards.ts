import type { Shapes } from '../../common/validation';
import { nextToken, shardId, streamARN, streamName } from './common';

export const shapes: Shapes = {
  ExclusiveStartShardId: shardId,
  MaxResults: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 10000 },
  NextToken: nextToken,
  ShardFilter: {
    type: 'Structure',
    children: {
      Type: {
        type: 'String',
        notNull: true,
        enum: ['AFTER_SHARD_ID', 'AT_TRIM_HORIZON', 'FROM_TRIM_HORIZON', 'AT_LATEST', 'AT_TIMESTAMP', 'FROM_TIMESTAMP'],
      },
      ShardId: shardId,
      Timestamp: { type: 'Timestamp' },
    },
  },
  StreamCreationTimestamp: { type: 'Timestamp' },
  StreamName: streamName,
  StreamARN: streamARN,
};
