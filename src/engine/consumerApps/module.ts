import type { KinesisExports } from '../kinesis/module';
import { SnapshotVersionError, type ModuleFactory, type ServiceModule } from '../module';
import { ConsumerApplications } from './runner';
import { CONSUMER_APPS_SNAPSHOT_VERSION, type ConsumerAppsSnapshot } from './types';

/** What the console's channel uses of the consumer applications. */
export interface ConsumerAppsExports {
  applications: ConsumerApplications;
}

const isSnapshot = (s: unknown): s is ConsumerAppsSnapshot =>
  typeof s === 'object' &&
  s !== null &&
  (s as ConsumerAppsSnapshot).version === CONSUMER_APPS_SNAPSHOT_VERSION &&
  Array.isArray((s as ConsumerAppsSnapshot).applications);

/**
 * Consumer applications (KCL-style lease tables and workers) reading Kinesis streams through the
 * Kinesis consumer. No AWS wire API: the console reaches them over its own channel. Their lease
 * tables and checkpoints are part of the snapshot, so they survive a reload.
 */
export const consumerAppsModule: ModuleFactory = {
  name: 'consumerApps',
  create(ctx, lookup): ServiceModule<ConsumerAppsExports> {
    const kinesis = lookup<KinesisExports>('kinesis');
    const applications = new ConsumerApplications(kinesis.consumer, () => ctx.clock.now());
    return {
      name: 'consumerApps',
      operations: {},
      exports: { applications },
      snapshot: () => applications.snapshot(),
      restore(state) {
        if (!isSnapshot(state)) throw new SnapshotVersionError(`consumerApps ${String((state as { version?: unknown } | null)?.version)}`);
        applications.restore(state);
      },
      advance(now) {
        const { next, changed } = applications.advance(now);
        // Checkpoints moved without a request: the host saves them.
        if (changed) ctx.hooks?.changed?.();
        return next;
      },
    };
  },
};
