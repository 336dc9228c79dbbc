import type { Shapes } from '../../common/validation';
import { shardId, streamARN, streamName } from './common';

export const shapes: Shapes = {
  Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 10000 },
  ExclusiveStartShardId: shardId,
  StreamName: streamName,
  StreamARN: streamARN,
};
