import { kErr } from '../errors';
import { CONSUMERS_PER_STREAM, publicConsumer } from './consumers';
import { streamOf, type KinesisContext } from './context';

export interface RegisterStreamConsumerInput {
  StreamARN: string;
  ConsumerName: string;
}

/** A new enhanced fan-out consumer: CREATING, then ACTIVE after the state delay. */
export const registerStreamConsumer = (k: KinesisContext, input: RegisterStreamConsumerInput) => {
  const s = streamOf(k, input);
  if (s.StreamStatus === 'CREATING' || s.StreamStatus === 'DELETING') throw kErr.notActive(s.StreamName, k.store.account, s.StreamStatus);
  if (s._consumers.some((c) => c.ConsumerName === input.ConsumerName)) throw kErr.consumerExists(input.ConsumerName, s.StreamARN);
  if (s._consumers.length >= CONSUMERS_PER_STREAM) {
    throw kErr.limitExceeded(`Stream ${s.StreamARN} already has the most consumers registered at once (${CONSUMERS_PER_STREAM}).`);
  }
  return { Consumer: publicConsumer(k.store.registerConsumer(s, input.ConsumerName)) };
};
