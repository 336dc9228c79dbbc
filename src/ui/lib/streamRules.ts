import { constraintProblems } from '../../engine/common/validation';
import { consumerName, streamName } from '../../engine/kinesis/validations/common';

/**
 * What is wrong with a stream name, in AWS's constraint words (the first broken one, from the
 * service's own StreamName rule); undefined when it is fine.
 */
export const streamNameProblem = (name: string): string | undefined =>
  name.length === 0 ? 'Enter a stream name.' : constraintProblems(name, streamName)[0];

/** What is wrong with a consumer name (RegisterStreamConsumer's ConsumerName rule); undefined when it is fine. */
export const consumerNameProblem = (name: string): string | undefined =>
  name.length === 0 ? 'Enter a consumer name.' : constraintProblems(name, consumerName)[0];

/** Consumers one stream may have registered at once (Kinesis quotas; the emulator enforces it). */
export { CONSUMERS_PER_STREAM } from '../../engine/kinesis/actions/consumers';
