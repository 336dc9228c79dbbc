import type { Shapes } from '../../common/validation';
import { shardIdShape, streamARN, streamName } from './common';

export const shapes: Shapes = {
  ShardToMerge: shardIdShape,
  AdjacentShardToMerge: shardIdShape,
  StreamName: streamName,
  StreamARN: streamARN,
};
