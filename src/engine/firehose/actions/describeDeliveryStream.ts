import type { FirehoseContext } from './context';
import { deliveryStreamDescription } from './describe';

export const describeDeliveryStream = (f: FirehoseContext, input: { DeliveryStreamName: string }) => ({
  DeliveryStreamDescription: deliveryStreamDescription(f.store.get(f.rc.region, input.DeliveryStreamName)),
});
