import { isAwsError } from '../../common/errors';
import { kErr } from '../errors';
import type { Stream, StreamConsumer } from '../store/types';
import { streamOf, type KinesisContext } from './context';

/** Consumers registered with one stream at once (Kinesis Data Streams quotas). */
export const CONSUMERS_PER_STREAM = 20;

/** How the consumer operations name a consumer: its ARN, or its stream's ARN and its name. */
export interface ConsumerRef {
  StreamARN?: string;
  ConsumerName?: string;
  ConsumerARN?: string;
}

/** The stream ARN a consumer ARN starts with (`<StreamARN>/consumer/<name>:<secs>`). */
export const streamArnOfConsumer = (consumerArn: string): string => consumerArn.slice(0, consumerArn.lastIndexOf('/consumer/'));

/** The stream and consumer a request names; ResourceNotFoundException when either is missing. */
export const consumerOf = (k: KinesisContext, input: ConsumerRef): { stream: Stream; consumer: StreamConsumer } => {
  const { ConsumerARN: arn, ConsumerName: name } = input;
  if (arn !== undefined) {
    const streamArn = streamArnOfConsumer(arn);
    if (input.StreamARN !== undefined && input.StreamARN !== streamArn) {
      throw kErr.invalidArgument(`ConsumerARN ${arn} is not registered with stream ${input.StreamARN}.`);
    }
    let stream: Stream;
    try {
      stream = streamOf(k, { StreamARN: streamArn });
    } catch (e) {
      if (isAwsError(e) && e.code === 'ResourceNotFoundException') throw kErr.consumerNotFound(arn, k.store.account);
      throw e;
    }
    const consumer = stream._consumers.find((c) => c.ConsumerARN === arn && (name === undefined || c.ConsumerName === name));
    if (!consumer) throw kErr.consumerNotFound(arn, k.store.account);
    return { stream, consumer };
  }
  if (input.StreamARN === undefined || name === undefined) {
    throw kErr.invalidArgument('Either ConsumerARN, or both StreamARN and ConsumerName, should be provided.');
  }
  const stream = streamOf(k, { StreamARN: input.StreamARN });
  const consumer = stream._consumers.find((c) => c.ConsumerName === name);
  if (!consumer) throw kErr.consumerNotFound(name, k.store.account);
  return { stream, consumer };
};

/** A consumer as AWS shows it (the Consumer shape): private fields stripped. */
export const publicConsumer = (c: StreamConsumer) => ({
  ConsumerName: c.ConsumerName,
  ConsumerARN: c.ConsumerARN,
  ConsumerStatus: c.ConsumerStatus,
  ConsumerCreationTimestamp: c.ConsumerCreationTimestamp,
});
