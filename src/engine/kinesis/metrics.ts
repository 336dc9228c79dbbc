import { epochMillis } from '../common/brand';
import type { MetricUnit } from '../common/metrics';
import type { EngineContext } from '../protocol/context';
import type { Stream } from './store/types';

/** The CloudWatch namespace of Kinesis Data Streams' metrics. */
export const KINESIS_NAMESPACE = 'AWS/Kinesis';

/**
 * Reports the documented AWS/Kinesis metrics through ctx.metrics: stream-level ones with the
 * StreamName dimension on every data-plane call (aggregated per call, not per record), shard-level
 * ones (StreamName + ShardId) when enhanced monitoring is on for that metric.
 */
export class KinesisMetrics {
  constructor(private readonly ctx: EngineContext) {}

  stream(s: Stream, name: string, value: number, unit: MetricUnit): void {
    this.ctx.metrics.put({
      namespace: KINESIS_NAMESPACE,
      name,
      dimensions: [{ Name: 'StreamName', Value: s.StreamName }],
      value,
      unit,
      timestamp: epochMillis(this.ctx.clock.now()),
      region: s._region,
    });
  }

  /** True when enhanced monitoring is on for `metric`. */
  shardLevel(s: Stream, metric: string): boolean {
    const on = s.EnhancedMonitoring[0].ShardLevelMetrics;
    return on.length > 0 && on.includes(metric);
  }

  shard(s: Stream, shardId: string, name: string, value: number, unit: MetricUnit): void {
    this.ctx.metrics.put({
      namespace: KINESIS_NAMESPACE,
      name,
      dimensions: [
        { Name: 'StreamName', Value: s.StreamName },
        { Name: 'ShardId', Value: shardId },
      ],
      value,
      unit,
      timestamp: epochMillis(this.ctx.clock.now()),
      region: s._region,
    });
  }
}
