import type { Shapes } from '../../common/validation';
import { streamARN } from './common';

export const shapes: Shapes = {
  Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 10000 },
  ShardIterator: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 512 },
  StreamARN: streamARN,
};
