import type { Shapes } from '../../common/validation';
import { metric, period, timestamp, unit } from './common';

/** At most 500 queries per call (CloudWatch API reference, MetricDataQueries). */
const MAX_METRIC_DATA_QUERIES = 500;

export const shapes: Shapes = {
  // Listed after the members below, as the emulator has always reported them.
  StartTime: { ...timestamp, notNull: true },
  EndTime: { ...timestamp, notNull: true },
  ScanBy: { type: 'String', enum: ['TimestampDescending', 'TimestampAscending'] },
  MaxDatapoints: { type: 'Integer' },
  NextToken: { type: 'String' },
  LabelOptions: { type: 'Structure', children: { Timezone: { type: 'String' } } },
  MetricDataQueries: {
    type: 'List',
    notNull: true,
    lengthLessThanOrEqual: MAX_METRIC_DATA_QUERIES,
    children: {
      type: 'Structure',
      children: {
        Id: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
        MetricStat: {
          type: 'Structure',
          children: {
            Metric: { ...metric, notNull: true },
            Period: { ...period, notNull: true },
            Stat: { type: 'String', notNull: true },
            Unit: unit,
          },
        },
        Expression: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 2048 },
        Label: { type: 'String' },
        ReturnData: { type: 'Boolean' },
        Period: period,
        AccountId: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
      },
    },
  },
};
