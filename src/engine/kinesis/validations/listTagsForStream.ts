import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 50 },
  ExclusiveStartTagKey: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 128 },
  StreamName: streamName,
  StreamARN: streamARN,
};
