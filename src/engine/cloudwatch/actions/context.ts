import type { Clock } from '../../common/clock';
import type { MetricStore } from '../store';

/** What every CloudWatch action is handed. */
export interface CloudWatchContext {
  clock: Clock;
  store: MetricStore;
}
