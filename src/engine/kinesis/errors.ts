import { AwsError } from '../common/errors';

/** Also a PutRecords entry's ErrorMessage when its shard is over the write limit. */
export const rateExceededMessage = (shardId: string, name: string, account: string): string =>
  `Rate exceeded for shard ${shardId} in stream ${name} under account ${account}.`;

/** Kinesis's error texts (kinesalite's tests pin them against AWS). */
export const kErr = {
  streamNotFound: (name: string, account: string) =>
    new AwsError('ResourceNotFoundException', `Stream ${name} under account ${account} not found.`),
  streamExists: (name: string, account: string) =>
    new AwsError('ResourceInUseException', `Stream ${name} under account ${account} already exists.`),
  notActive: (name: string, account: string, status: string) =>
    new AwsError('ResourceInUseException', `Stream ${name} under account ${account} not ACTIVE, instead in state ${status}`),
  shardNotFound: (shardId: string, name: string, account: string) =>
    new AwsError('ResourceNotFoundException', `Could not find shard ${shardId} in stream ${name} under account ${account}.`),
  shardDoesNotExist: (shardId: string, name: string, account: string) =>
    new AwsError('ResourceNotFoundException', `Shard ${shardId} in stream ${name} under account ${account} does not exist`),
  invalidArgument: (message: string) => new AwsError('InvalidArgumentException', message),
  limitExceeded: (message: string) => new AwsError('LimitExceededException', message),
  rateExceeded: (shardId: string, name: string, account: string) =>
    new AwsError('ProvisionedThroughputExceededException', rateExceededMessage(shardId, name, account)),
  consumerNotFound: (consumer: string, account: string) =>
    new AwsError('ResourceNotFoundException', `Consumer ${consumer} under account ${account} not found.`),
  consumerExists: (name: string, streamArn: string) =>
    new AwsError('ResourceInUseException', `Consumer ${name} already exists for stream ${streamArn}.`),
  /** AWS's text, its spacing included. */
  consumerNotActive: (name: string, createdSecs: number, stream: string, account: string) =>
    new AwsError(
      'ResourceInUseException',
      `Consumer ${name} with creation timestamp ${createdSecs} under stream: ${stream} , account ${account} is not in ACTIVE status.`,
    ),
  /** AWS names the slot as account:stream:shard:consumer (seen in SDK and KCL logs). */
  subscriptionInUse: (account: string, stream: string, shardId: string, consumer: string) =>
    new AwsError('ResourceInUseException', `Another active subscription exists for this consumer: ${account}:${stream}:${shardId}:${consumer}`),
  invalidIterator: () => new AwsError('InvalidArgumentException', 'Invalid ShardIterator.'),
};


/** `Thu Jan 22 01:22:02 UTC 2015`: how AWS prints times in ExpiredIteratorException. */
export const amzUtcString = (ms: number): string => {
  const m = /^(.+), (.+) (.+) (.+) (.+) GMT$/.exec(new Date(ms).toUTCString());
  return m ? [m[1], m[3], m[2], m[5], 'UTC', m[4]].join(' ') : new Date(ms).toISOString();
};
