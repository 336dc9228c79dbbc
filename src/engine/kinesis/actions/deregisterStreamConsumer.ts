import { consumerOf, type ConsumerRef } from './consumers';
import type { KinesisContext } from './context';

/** DELETING, then gone after the state delay; its open subscriptions end at their next event. */
export const deregisterStreamConsumer = (k: KinesisContext, input: ConsumerRef): void => {
  const { stream, consumer } = consumerOf(k, input);
  k.store.deregisterConsumer(stream, consumer);
};
