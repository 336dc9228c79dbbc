/**
 * Firehose delivery stream state, kept under AWS's field names so a description is mostly this data
 * with the private (`_`-prefixed) fields stripped. Plain data: a snapshot is JSON. Buffered records
 * are bulky and live apart, in the delivery engine (see delivery.ts).
 */

export type DeliveryStreamStatus = 'CREATING' | 'ACTIVE' | 'DELETING';
export type DeliveryStreamType = 'DirectPut' | 'KinesisStreamAsSource';
export type CompressionFormat = 'UNCOMPRESSED' | 'GZIP';

export interface ProcessorParameter {
  ParameterName: string;
  ParameterValue: string;
}

export interface ProcessingConfiguration {
  Enabled?: boolean;
  Processors?: Array<{ Type: string; Parameters?: ProcessorParameter[] }>;
}

export interface CloudWatchLoggingOptions {
  Enabled?: boolean;
  LogGroupName?: string;
  LogStreamName?: string;
}

/** The one destination the emulator delivers to: S3 (S3DestinationConfiguration is mapped onto this). */
export interface S3Destination {
  RoleARN: string;
  BucketARN: string;
  Prefix?: string;
  ErrorOutputPrefix?: string;
  BufferingHints: { SizeInMBs: number; IntervalInSeconds: number };
  CompressionFormat: CompressionFormat;
  EncryptionConfiguration: {
    NoEncryptionConfig?: 'NoEncryption';
    KMSEncryptionConfig?: { AWSKMSKeyARN: string };
  };
  CloudWatchLoggingOptions: CloudWatchLoggingOptions;
  ProcessingConfiguration: ProcessingConfiguration;
  S3BackupMode: 'Disabled';
}

/** One line of the delivery stream's error log (what AWS writes to CloudWatch Logs with error logging on). */
export interface DeliveryError {
  /** Epoch ms. */
  time: number;
  errorCode: string;
  message: string;
}

export interface DeliveryStream {
  DeliveryStreamName: string;
  DeliveryStreamARN: string;
  DeliveryStreamStatus: DeliveryStreamStatus;
  DeliveryStreamType: DeliveryStreamType;
  /** A decimal string: 1 at creation, one more on every UpdateDestination. */
  VersionId: string;
  /** Epoch ms. */
  CreateTimestamp: number;
  LastUpdateTimestamp?: number;
  KinesisStreamSource?: { KinesisStreamARN: string; RoleARN: string; DeliveryStartTimestamp: number };
  Destination: S3Destination;
  Tags: Array<{ Key: string; Value?: string }>;
  _region: string;
  /** When CREATING or DELETING ends (epoch ms). */
  _statusUntil: number;
  /** Where reading the source Kinesis stream stands: the reader's own JSON. */
  _checkpoint?: unknown;
  /** The newest delivery errors, newest last (error logging on), for the console. */
  _errors: DeliveryError[];
  /** Record ids: this random prefix, then a count of the records taken in. */
  _idPrefix: string;
  _records: number;
}

export const FIREHOSE_SNAPSHOT_VERSION = 1;

export interface FirehoseSnapshot {
  version: typeof FIREHOSE_SNAPSHOT_VERSION;
  streams: DeliveryStream[];
}

/** The delivery stream's id for its one destination (AWS numbers them; a stream has one). */
export const DESTINATION_ID = 'destinationId-000000000001';
