import { AwsError } from '../common/errors';

/**
 * Firehose's errors. The types are the API reference's; the texts are AWS's where they are known
 * (the API documentation and the custom prefix guide), and marked where they are the console's own.
 */
export const fErr = {
  // AWS's text (as DescribeDeliveryStream answers it, quoted in public issue threads).
  notFound: (name: string, account: string) =>
    new AwsError('ResourceNotFoundException', `Firehose ${name} under account ${account} not found.`),
  // The console's own text, in AWS's manner.
  exists: (name: string, account: string) =>
    new AwsError('ResourceInUseException', `Firehose ${name} under account ${account} already exists.`),
  // The console's own text, in AWS's manner.
  notActive: (name: string, status: string) =>
    new AwsError(
      'ResourceInUseException',
      `Firehose ${name} is in ${status} state. It must be ACTIVE for this operation.`,
    ),
  // The console's own text, in AWS's manner (PutRecord lists no ResourceInUseException, so not-yet-active reads as not found).
  notActiveForPut: (name: string, account: string) =>
    new AwsError('ResourceNotFoundException', `Firehose ${name} under account ${account} is not ACTIVE.`),
  kinesisSource: () =>
    new AwsError(
      'InvalidArgumentException',
      'This operation is not permitted on KinesisStreamAsSource delivery stream type.',
    ),
  staleVersion: (given: string, current: string) =>
    // The console's own text, in AWS's manner.
    new AwsError(
      'ConcurrentModificationException',
      `Cannot update the destination: the current version id is ${current}, not ${given}. Describe the delivery stream for its current version.`,
    ),
  invalidArgument: (message: string) => new AwsError('InvalidArgumentException', message),
  limit: (message: string) => new AwsError('LimitExceededException', message),
  // Firehose's throttling answer (API reference, PutRecord: "ServiceUnavailableException ... Slow down.").
  slowDown: () => new AwsError('ServiceUnavailableException', 'Slow down.', 503),
};
