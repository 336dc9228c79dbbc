export { shapes as getMetricData } from './getMetricData';
export { shapes as getMetricStatistics } from './getMetricStatistics';
export { shapes as listMetrics } from './listMetrics';
export { shapes as putMetricData } from './putMetricData';
