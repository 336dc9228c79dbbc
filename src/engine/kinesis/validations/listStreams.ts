import type { Shapes } from '../../common/validation';

export const shapes: Shapes = {
  Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 10000 },
  ExclusiveStartStreamName: { type: 'String', regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 128 },
  NextToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 1048576 },
};
