import { epochMillis } from '../common/brand';
import type { MetricUnit } from '../common/metrics';
import type { EngineContext } from '../protocol/context';
import type { DeliveryStream } from './types';

export const FIREHOSE_NAMESPACE = 'AWS/Firehose';

/** Reports the documented AWS/Firehose metrics through ctx.metrics, with the DeliveryStreamName dimension. */
export class FirehoseMetrics {
  constructor(private readonly ctx: EngineContext) {}

  put(
    s: Pick<DeliveryStream, 'DeliveryStreamName' | '_region'>,
    name: string,
    value: number,
    unit: MetricUnit,
  ): void {
    this.ctx.metrics.put({
      namespace: FIREHOSE_NAMESPACE,
      name,
      dimensions: [{ Name: 'DeliveryStreamName', Value: s.DeliveryStreamName }],
      value,
      unit,
      timestamp: epochMillis(this.ctx.clock.now()),
      region: s._region,
    });
  }
}
