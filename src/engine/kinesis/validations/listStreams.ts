import type { Shapes } from '../../common/validation';
import { streamName } from './common';

export const shapes: Shapes = {
  Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 10000 },
  ExclusiveStartStreamName: streamName,
  NextToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 1048576 },
};
