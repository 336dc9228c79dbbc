import type { Shapes } from '../../common/validation';
import { dimensionFilters, metricName, namespace } from './common';

export const shapes: Shapes = {
  Namespace: namespace,
  MetricName: metricName,
  RecentlyActive: { type: 'String', enum: ['PT3H'] },
  Dimensions: dimensionFilters,
  NextToken: { type: 'String' },
  IncludeLinkedAccounts: { type: 'Boolean' },
  OwningAccount: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
};
