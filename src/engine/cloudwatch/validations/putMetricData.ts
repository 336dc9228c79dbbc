import type { FieldShape, Shapes } from '../../common/validation';
import { dimensions, metricName, namespace, timestamp, unit } from './common';

const datapointValue: FieldShape = { type: 'Double' };
const required: FieldShape = { ...datapointValue, notNull: true };

export const shapes: Shapes = {
  Namespace: { ...namespace, notNull: true },
  MetricData: {
    type: 'List',
    notNull: true,
    children: {
      type: 'Structure',
      children: {
        MetricName: { ...metricName, notNull: true },
        Unit: unit,
        Dimensions: dimensions,
        Timestamp: timestamp,
        Value: datapointValue,
        StatisticValues: {
          type: 'Structure',
          children: { SampleCount: required, Sum: required, Minimum: required, Maximum: required },
        },
        Values: { type: 'List', children: datapointValue },
        Counts: { type: 'List', children: datapointValue },
        StorageResolution: { type: 'Integer', greaterThanOrEqual: 1 },
      },
    },
  },
  StrictEntityValidation: { type: 'Boolean' },
};
