import type { FieldShape } from '../../common/validation';

/** Stream names: 1-128 of [a-zA-Z0-9_.-]. Optional where a StreamARN may name the stream instead. */
export const streamName: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 128,
};
export const requiredStreamName: FieldShape = { ...streamName, notNull: true };
// Pattern and length from the Kinesis API reference (StreamARN).
export const streamARN: FieldShape = {
  type: 'String',
  regex: 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
/** Paging tokens (the model's NextToken). */
export const nextToken: FieldShape = { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 1048576 };
/** Consumer names (the model's ConsumerName). */
export const consumerName: FieldShape = streamName;
// Pattern and length from the model (ConsumerARN).
export const consumerARN: FieldShape = {
  type: 'String',
  regex: '(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
/** Shard ids: the same rule as stream names (the model's ShardId). */
export const shardId: FieldShape = streamName;
export const shardIdShape: FieldShape = { ...shardId, notNull: true };
export const hashKey: FieldShape = { type: 'String', regex: '0|([1-9]\\d{0,38})' };
export const sequenceNumber: FieldShape = { type: 'String', regex: '0|([1-9]\\d{0,128})' };
export const SHARD_LEVEL_METRICS = [
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
  'ALL',
] as const;
