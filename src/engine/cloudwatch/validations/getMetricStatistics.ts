import type { Shapes } from '../../common/validation';
import { dimensions, metricName, namespace, period, timestamp, unit } from './common';

export const shapes: Shapes = {
  Namespace: { ...namespace, notNull: true },
  MetricName: { ...metricName, notNull: true },
  StartTime: { ...timestamp, notNull: true },
  EndTime: { ...timestamp, notNull: true },
  Period: { ...period, notNull: true },
  Dimensions: dimensions,
  Unit: unit,
  // Members are checked by the action, with AWS's InvalidParameterValue text.
  Statistics: {
    type: 'List',
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 5,
    children: { type: 'String' },
  },
  ExtendedStatistics: {
    type: 'List',
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 10,
    children: { type: 'String' },
  },
};
