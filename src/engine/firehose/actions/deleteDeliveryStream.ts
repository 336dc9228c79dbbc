import { fErr } from '../errors';
import type { FirehoseContext } from './context';

/** DELETING for the engine's state delay, then gone; records still buffered are dropped. */
export const deleteDeliveryStream = (
  f: FirehoseContext,
  input: { DeliveryStreamName: string; AllowForceDelete?: boolean },
) => {
  const s = f.store.get(f.rc.region, input.DeliveryStreamName);
  // "You can't delete a Firehose stream that is in the CREATING state" (API reference, DeleteDeliveryStream).
  if (s.DeliveryStreamStatus === 'CREATING')
    throw fErr.notActive(s.DeliveryStreamName, s.DeliveryStreamStatus);
  if (s.DeliveryStreamStatus === 'DELETING') return {};
  f.store.transition(s, 'DELETING');
  f.delivery.drop(s.DeliveryStreamARN);
  return {};
};
