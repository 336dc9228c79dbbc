import type { EngineContext, RequestContext } from '../../protocol/context';
import type { Delivery } from '../delivery';
import type { FirehoseEnvironment } from '../environment';
import { fErr } from '../errors';
import type { FirehoseMetrics } from '../metrics';
import type { FirehoseStore } from '../store';
import type { Throttle } from '../throttle';
import type { DeliveryStream } from '../types';

export interface FirehoseContext {
  store: FirehoseStore;
  engine: EngineContext;
  rc: RequestContext;
  env: FirehoseEnvironment;
  delivery: Delivery;
  metrics: FirehoseMetrics;
  throttle: Throttle;
}

/** ResourceInUseException unless the stream is ACTIVE. */
export const requireActive = (s: DeliveryStream): void => {
  if (s.DeliveryStreamStatus !== 'ACTIVE') throw fErr.notActive(s.DeliveryStreamName, s.DeliveryStreamStatus);
};
