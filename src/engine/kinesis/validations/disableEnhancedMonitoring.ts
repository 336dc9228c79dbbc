import type { Shapes } from '../../common/validation';
import { SHARD_LEVEL_METRICS, streamARN, streamName } from './common';

export const shapes: Shapes = {
  ShardLevelMetrics: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 7,
    children: { type: 'String', enum: SHARD_LEVEL_METRICS },
  },
  StreamName: streamName,
  StreamARN: streamARN,
};
