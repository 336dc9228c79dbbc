import { analyticsModule } from './analytics/module';
import { cloudWatchModule } from './cloudwatch/module';
import { consumerAppsModule } from './consumerApps/module';
import { firehoseModule } from './firehose/module';
import { functionsModule } from './functions/module';
import { kinesisModule } from './kinesis/module';
import type { ModuleFactory } from './module';
import { s3Module } from './s3/module';

/**
 * Every emulated service, one line each. A module may look up the exports of those above it
 * (Kinesis reports its metrics to CloudWatch), so order matters.
 */
export const serviceModules: readonly ModuleFactory[] = [
  cloudWatchModule,
  kinesisModule,
  s3Module,
  functionsModule,
  firehoseModule,
  analyticsModule,
  consumerAppsModule,
];
