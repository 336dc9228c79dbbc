import type { Shapes } from '../../common/validation';
import { hashKey, shardIdShape, streamARN, streamName } from './common';

export const shapes: Shapes = {
  NewStartingHashKey: { ...hashKey, notNull: true },
  StreamName: streamName,
  ShardToSplit: shardIdShape,
  StreamARN: streamARN,
};
