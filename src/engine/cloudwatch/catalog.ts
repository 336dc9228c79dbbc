import type { Dimension, MetricUnit } from '../common/metrics';

/**
 * The metrics AWS services publish, as the emulated services report them and the Monitoring page
 * reads them: namespace, name, unit and dimensions (Kinesis Data Streams Developer Guide,
 * "Monitoring with Amazon CloudWatch"; Kinesis API reference, EnhancedMetrics).
 */
export const KINESIS_NAMESPACE = 'AWS/Kinesis';
export const FIREHOSE_NAMESPACE = 'AWS/Firehose';

/** Stream-level ("basic") metrics, dimension StreamName, always on. */
export const kinesisStreamMetrics = {
  IncomingRecords: 'Count',
  IncomingBytes: 'Bytes',
  'PutRecord.Success': 'Count',
  'PutRecord.Bytes': 'Bytes',
  'PutRecord.Latency': 'Milliseconds',
  'PutRecords.Success': 'Count',
  'PutRecords.Records': 'Count',
  'PutRecords.Bytes': 'Bytes',
  'PutRecords.Latency': 'Milliseconds',
  'PutRecords.TotalRecords': 'Count',
  'PutRecords.SuccessfulRecords': 'Count',
  'PutRecords.FailedRecords': 'Count',
  'PutRecords.ThrottledRecords': 'Count',
  'GetRecords.Success': 'Count',
  'GetRecords.Records': 'Count',
  'GetRecords.Bytes': 'Bytes',
  'GetRecords.Latency': 'Milliseconds',
  'GetRecords.IteratorAgeMilliseconds': 'Milliseconds',
  ReadProvisionedThroughputExceeded: 'Count',
  WriteProvisionedThroughputExceeded: 'Count',
} as const satisfies Record<string, MetricUnit>;

/**
 * Shard-level ("enhanced") metrics, dimensions StreamName and ShardId, only when enabled with
 * EnableEnhancedMonitoring. Note the shard-level iterator age is `IteratorAgeMilliseconds`.
 */
export const kinesisShardMetrics = {
  IncomingRecords: 'Count',
  IncomingBytes: 'Bytes',
  OutgoingRecords: 'Count',
  OutgoingBytes: 'Bytes',
  IteratorAgeMilliseconds: 'Milliseconds',
  ReadProvisionedThroughputExceeded: 'Count',
  WriteProvisionedThroughputExceeded: 'Count',
} as const satisfies Record<string, MetricUnit>;

/** Firehose delivery stream metrics, dimension DeliveryStreamName. */
export const firehoseMetrics = {
  IncomingRecords: 'Count',
  IncomingBytes: 'Bytes',
  IncomingPutRequests: 'Count',
  'PutRecord.Bytes': 'Bytes',
  'PutRecord.Latency': 'Milliseconds',
  'PutRecord.Requests': 'Count',
  'PutRecordBatch.Bytes': 'Bytes',
  'PutRecordBatch.Latency': 'Milliseconds',
  'PutRecordBatch.Records': 'Count',
  'PutRecordBatch.Requests': 'Count',
  ThrottledRecords: 'Count',
  'DeliveryToS3.Records': 'Count',
  'DeliveryToS3.Bytes': 'Bytes',
  'DeliveryToS3.Success': 'Count',
  'DeliveryToS3.DataFreshness': 'Seconds',
} as const satisfies Record<string, MetricUnit>;

export type KinesisStreamMetric = keyof typeof kinesisStreamMetrics;
export type KinesisShardMetric = keyof typeof kinesisShardMetrics;
export type FirehoseMetric = keyof typeof firehoseMetrics;

export const streamDimensions = (streamName: string): Dimension[] => [{ Name: 'StreamName', Value: streamName }];
export const shardDimensions = (streamName: string, shardId: string): Dimension[] => [
  { Name: 'StreamName', Value: streamName },
  { Name: 'ShardId', Value: shardId },
];
export const deliveryStreamDimensions = (deliveryStreamName: string): Dimension[] => [
  { Name: 'DeliveryStreamName', Value: deliveryStreamName },
];
