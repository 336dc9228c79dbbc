import { constraintProblems } from '../../engine/common/validation';
import { streamName } from '../../engine/kinesis/validations/common';

/**
 * What is wrong with a stream name, in AWS's constraint words (the first broken one, from the
 * service's own StreamName rule); undefined when it is fine.
 */
export const streamNameProblem = (name: string): string | undefined =>
  name.length === 0 ? 'Enter a stream name.' : constraintProblems(name, streamName)[0];
