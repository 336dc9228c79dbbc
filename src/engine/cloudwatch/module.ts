import type { MetricsSink } from '../common/metrics';
import { SnapshotVersionError, type ModuleFactory, type OperationKind, type ServiceModule } from '../module';
import { CloudWatchService } from './service';
import { MetricStore, type MetricStoreSnapshot } from './store';

/** What other modules may use of CloudWatch: where to report metrics, and the store to read them back. */
export interface CloudWatchExports {
  /** Where services report their metrics (AWS/Kinesis, and later AWS/Firehose...). */
  metrics: MetricsSink;
  store: MetricStore;
}

const operations: Readonly<Record<string, OperationKind>> = {
  GetMetricData: 'read',
  GetMetricStatistics: 'read',
  ListMetrics: 'read',
  PutMetricData: 'write',
};

/** CloudWatch metrics: a per-minute store, the sink every other service reports to. */
export const cloudWatchModule: ModuleFactory = {
  name: 'cloudwatch',
  create(ctx): ServiceModule<CloudWatchExports> {
    const store = new MetricStore(ctx.clock, {}, ctx.defaultRegion);
    return {
      name: 'cloudwatch',
      service: new CloudWatchService({ clock: ctx.clock, store }),
      operations,
      exports: { metrics: store, store },
      snapshot: () => store.snapshot(),
      restore(state) {
        const s = state as Partial<MetricStoreSnapshot> | null;
        if (s?.version !== 1 || !Array.isArray(s.series)) throw new SnapshotVersionError(`cloudwatch ${String(s?.version)}`);
        store.restore(s as MetricStoreSnapshot);
      },
    };
  },
};
