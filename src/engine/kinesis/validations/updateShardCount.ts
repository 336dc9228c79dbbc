import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  ScalingType: { type: 'String', notNull: true, enum: ['UNIFORM_SCALING'] },
  StreamName: streamName,
  TargetShardCount: { type: 'Integer', notNull: true, greaterThanOrEqual: 1, lessThanOrEqual: 100000 },
  StreamARN: streamARN,
};
