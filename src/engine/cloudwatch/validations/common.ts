import type { FieldShape } from '../../common/validation';

/** CloudWatch's StandardUnit enum, in the model's order. */
export const standardUnits = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
] as const;

// Shapes of the CloudWatch model (cloudwatch-2010-08-01), with the pattern as AWS prints it.
export const namespace: FieldShape = {
  type: 'String',
  regex: '[^:].*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 255,
};
export const metricName: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 255,
};
export const unit: FieldShape = { type: 'String', enum: standardUnits };
export const period: FieldShape = { type: 'Integer', greaterThanOrEqual: 1 };
export const timestamp: FieldShape = { type: 'Timestamp' };
const dimensionName: FieldShape = {
  type: 'String',
  notNull: true,
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 255,
};
const dimensionValue: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 1024,
};
export const dimensions: FieldShape = {
  type: 'List',
  lengthLessThanOrEqual: 30,
  children: {
    type: 'Structure',
    children: { Name: dimensionName, Value: { ...dimensionValue, notNull: true } },
  },
};
/** ListMetrics' filters: a Value is optional. */
export const dimensionFilters: FieldShape = {
  type: 'List',
  lengthLessThanOrEqual: 10,
  children: { type: 'Structure', children: { Name: dimensionName, Value: dimensionValue } },
};
export const metric: FieldShape = {
  type: 'Structure',
  children: { Namespace: namespace, MetricName: metricName, Dimensions: dimensions },
};
