import { consumerOf, publicConsumer, type ConsumerRef } from './consumers';
import type { KinesisContext } from './context';

/** A consumer by its ARN, or by its stream's ARN and its name. */
export const describeStreamConsumer = (k: KinesisContext, input: ConsumerRef) => {
  const { stream, consumer } = consumerOf(k, input);
  return { ConsumerDescription: { ...publicConsumer(consumer), StreamARN: stream.StreamARN } };
};
