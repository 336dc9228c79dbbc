import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

// 1-8760 hours in the current API model; below 24 is an InvalidArgumentException from the action.
export const shapes: Shapes = {
  RetentionPeriodHours: { type: 'Integer', notNull: true, greaterThanOrEqual: 1, lessThanOrEqual: 8760 },
  StreamName: streamName,
  StreamARN: streamARN,
};
