import type { Shapes } from '../../common/validation';
import { nextToken, streamARN } from './common';

export const shapes: Shapes = {
  StreamARN: { ...streamARN, notNull: true },
  NextToken: nextToken,
  MaxResults: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 10000 },
  StreamCreationTimestamp: { type: 'Timestamp' },
};
