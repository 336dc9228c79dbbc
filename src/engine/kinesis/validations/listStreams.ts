import type { Shapes } from '../../common/validation';
import { nextToken, streamName } from './common';

export const shapes: Shapes = {
  Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 10000 },
  ExclusiveStartStreamName: streamName,
  NextToken: nextToken,
};
