import { AwsError } from '../common/errors';

/**
 * Kinesis Data Analytics v2's errors. AWS documents the types (the API reference lists each
 * operation's), not the texts: the texts here are the console's own, written in AWS's manner.
 */
export const aErr = {
  notFound: (name: string, account: string) =>
    new AwsError('ResourceNotFoundException', `Application ${name} is not found in account ${account}.`),
  exists: (name: string, account: string) =>
    new AwsError('ResourceInUseException', `Application ${name} already exists in account ${account}.`),
  inUse: (name: string, status: string, wanted: string) =>
    new AwsError('ResourceInUseException', `Application ${name} is in ${status} status. It must be in ${wanted} status for this operation.`),
  staleVersion: (name: string, given: number, current: number) =>
    new AwsError(
      'ConcurrentModificationException',
      `Current application version ${given} does not match the latest version ${current} of application ${name}. Describe the application for its latest version.`,
    ),
  staleCreateTimestamp: (name: string) =>
    new AwsError('InvalidArgumentException', `CreateTimestamp does not match the creation time of application ${name}.`),
  invalidArgument: (message: string) => new AwsError('InvalidArgumentException', message),
  invalidRequest: (message: string) => new AwsError('InvalidRequestException', message),
  unsupported: (message: string) => new AwsError('UnsupportedOperationException', message),
  code: (message: string) => new AwsError('CodeValidationException', message),
  limit: (message: string) => new AwsError('LimitExceededException', message),
  badConfiguration: (message: string) => new AwsError('InvalidApplicationConfigurationException', message),
  // DiscoverInputSchema on a source with nothing to read; its RawInputRecords and friends come along.
  unableToDetect: (message: string) => new AwsError('UnableToDetectSchemaException', message),
};
