import { fErr } from '../errors';
import { checkPrefixes } from '../prefix';
import type {
  CloudWatchLoggingOptions,
  CompressionFormat,
  ProcessingConfiguration,
  S3Destination,
} from '../types';

/** The members S3DestinationConfiguration, ExtendedS3DestinationConfiguration and their updates share. */
export interface S3DestinationRequest {
  RoleARN?: string;
  BucketARN?: string;
  Prefix?: string;
  ErrorOutputPrefix?: string;
  BufferingHints?: { SizeInMBs?: number; IntervalInSeconds?: number };
  CompressionFormat?: string;
  EncryptionConfiguration?: { NoEncryptionConfig?: string; KMSEncryptionConfig?: unknown };
  CloudWatchLoggingOptions?: CloudWatchLoggingOptions;
  ProcessingConfiguration?: ProcessingConfiguration;
  S3BackupMode?: string;
  S3BackupConfiguration?: unknown;
  S3BackupUpdate?: unknown;
  DataFormatConversionConfiguration?: { Enabled?: boolean };
  DynamicPartitioningConfiguration?: { Enabled?: boolean };
  FileExtension?: string;
  CustomTimeZone?: string;
}

/** BufferingHints' defaults (API reference, BufferingHints): 5 MiB and 300 seconds. */
export const DEFAULT_BUFFERING = { SizeInMBs: 5, IntervalInSeconds: 300 };

// The texts below are the console's own, in AWS's manner: they name what the emulator does not do.
const unsupported = (what: string) => fErr.invalidArgument(`${what} is not available in the emulator.`);

const checkCompression = (c: string): CompressionFormat => {
  if (c === 'UNCOMPRESSED' || c === 'GZIP') return c;
  throw unsupported(`CompressionFormat ${c}`);
};

const checkProcessing = (p: ProcessingConfiguration): ProcessingConfiguration => {
  for (const proc of p.Processors ?? []) {
    if (proc.Type !== 'Lambda') throw unsupported(`Processor type ${proc.Type}`);
    const arn = proc.Parameters?.find((x) => x.ParameterName === 'LambdaArn');
    // The console's own text, in AWS's manner.
    if (!arn) throw fErr.invalidArgument('The Lambda processor requires the LambdaArn parameter.');
    for (const x of proc.Parameters ?? []) {
      if (
        !['LambdaArn', 'NumberOfRetries', 'RoleArn', 'BufferSizeInMBs', 'BufferIntervalInSeconds'].includes(
          x.ParameterName,
        )
      )
        throw fErr.invalidArgument(`Parameter ${x.ParameterName} does not apply to the Lambda processor.`);
      if (x.ParameterName === 'NumberOfRetries' && !/^([0-9]|10)$/.test(x.ParameterValue))
        throw fErr.invalidArgument('NumberOfRetries must be an integer between 0 and 10.');
      if (
        x.ParameterName === 'BufferSizeInMBs' &&
        !(Number(x.ParameterValue) >= 0.2 && Number(x.ParameterValue) <= 3)
      )
        throw fErr.invalidArgument('BufferSizeInMBs must be between 0.2 and 3.');
    }
  }
  if (p.Enabled && !(p.Processors ?? []).some((x) => x.Type === 'Lambda'))
    throw fErr.invalidArgument('ProcessingConfiguration is enabled but has no processor.');
  return structuredClone(p);
};

const checkUnsupported = (r: S3DestinationRequest): void => {
  if (r.S3BackupMode !== undefined && r.S3BackupMode !== 'Disabled') throw unsupported('S3 backup');
  if (r.DataFormatConversionConfiguration?.Enabled) throw unsupported('Record format conversion');
  if (r.DynamicPartitioningConfiguration?.Enabled) throw unsupported('Dynamic partitioning');
  if (r.FileExtension !== undefined && r.FileExtension !== '') throw unsupported('A custom FileExtension');
  if (r.CustomTimeZone !== undefined && r.CustomTimeZone !== '' && r.CustomTimeZone !== 'UTC')
    throw unsupported(`CustomTimeZone ${r.CustomTimeZone}`);
  if (r.EncryptionConfiguration?.KMSEncryptionConfig !== undefined)
    throw unsupported('KMS encryption of delivered objects');
};

/** A new destination from S3DestinationConfiguration or ExtendedS3DestinationConfiguration. */
export const toDestination = (
  r: S3DestinationRequest & { RoleARN: string; BucketARN: string },
  now: number,
): S3Destination => {
  checkUnsupported(r);
  const hints = r.BufferingHints ?? {};
  // "If you specify a value for [SizeInMBs], you must also specify a value for IntervalInSeconds, and vice versa" (API reference, BufferingHints).
  if (
    (hints.SizeInMBs === undefined) !== (hints.IntervalInSeconds === undefined) &&
    r.BufferingHints !== undefined
  )
    throw fErr.invalidArgument(
      'BufferingHints must specify both SizeInMBs and IntervalInSeconds, or neither.',
    );
  checkPrefixes(r.Prefix || undefined, r.ErrorOutputPrefix || undefined, now);
  return {
    RoleARN: r.RoleARN,
    BucketARN: r.BucketARN,
    ...(r.Prefix ? { Prefix: r.Prefix } : {}),
    ...(r.ErrorOutputPrefix ? { ErrorOutputPrefix: r.ErrorOutputPrefix } : {}),
    BufferingHints: {
      SizeInMBs: hints.SizeInMBs ?? DEFAULT_BUFFERING.SizeInMBs,
      IntervalInSeconds: hints.IntervalInSeconds ?? DEFAULT_BUFFERING.IntervalInSeconds,
    },
    CompressionFormat: checkCompression(r.CompressionFormat ?? 'UNCOMPRESSED'),
    EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' },
    CloudWatchLoggingOptions: { Enabled: false, ...(r.CloudWatchLoggingOptions ?? {}) },
    ProcessingConfiguration: checkProcessing(r.ProcessingConfiguration ?? { Enabled: false, Processors: [] }),
    S3BackupMode: 'Disabled',
  };
};

/** The destination after an S3DestinationUpdate or ExtendedS3DestinationUpdate: what it names replaced, the rest kept. */
export const updateDestinationConfig = (
  d: S3Destination,
  u: S3DestinationRequest,
  now: number,
): S3Destination => {
  checkUnsupported(u);
  const next: S3Destination = structuredClone(d);
  if (u.RoleARN !== undefined) next.RoleARN = u.RoleARN;
  if (u.BucketARN !== undefined) next.BucketARN = u.BucketARN;
  if (u.Prefix !== undefined) {
    if (u.Prefix) next.Prefix = u.Prefix;
    else delete next.Prefix;
  }
  if (u.ErrorOutputPrefix !== undefined) {
    if (u.ErrorOutputPrefix) next.ErrorOutputPrefix = u.ErrorOutputPrefix;
    else delete next.ErrorOutputPrefix;
  }
  if (u.BufferingHints)
    next.BufferingHints = { ...next.BufferingHints, ...u.BufferingHints } as S3Destination['BufferingHints'];
  if (u.CompressionFormat !== undefined) next.CompressionFormat = checkCompression(u.CompressionFormat);
  if (u.CloudWatchLoggingOptions)
    next.CloudWatchLoggingOptions = { ...next.CloudWatchLoggingOptions, ...u.CloudWatchLoggingOptions };
  if (u.ProcessingConfiguration) next.ProcessingConfiguration = checkProcessing(u.ProcessingConfiguration);
  checkPrefixes(next.Prefix, next.ErrorOutputPrefix, now);
  return next;
};

/** S3DestinationDescription. */
export const s3Description = (d: S3Destination) => ({
  RoleARN: d.RoleARN,
  BucketARN: d.BucketARN,
  ...(d.Prefix !== undefined ? { Prefix: d.Prefix } : {}),
  ...(d.ErrorOutputPrefix !== undefined ? { ErrorOutputPrefix: d.ErrorOutputPrefix } : {}),
  BufferingHints: { ...d.BufferingHints },
  CompressionFormat: d.CompressionFormat,
  EncryptionConfiguration: { ...d.EncryptionConfiguration },
  CloudWatchLoggingOptions: { ...d.CloudWatchLoggingOptions },
});

/** ExtendedS3DestinationDescription. */
export const extendedS3Description = (d: S3Destination) => ({
  ...s3Description(d),
  ProcessingConfiguration: structuredClone(d.ProcessingConfiguration),
  S3BackupMode: d.S3BackupMode,
});
