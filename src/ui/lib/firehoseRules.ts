import { constraintProblems, type FieldShape } from '../../engine/common/validation';
import { createDeliveryStream as createShapes } from '../../engine/firehose/validations.generated';
import { parseWhole } from './forms';

/*
 * The create-delivery-stream form's rules, from the service's own request shapes (so the form
 * and the emulator cannot disagree), in AWS's constraint words.
 */

/** The S3 destination's request shapes and those of its buffering hints. */
export const destinationShape = createShapes.ExtendedS3DestinationConfiguration.children as Record<
  string,
  FieldShape
>;
export const hintShapes = destinationShape.BufferingHints.children as Record<string, FieldShape>;

/** BufferingHints' ranges (API reference, BufferingHints): 1-128 MiB, 0-900 seconds. */
export const BUFFER_SIZE = {
  min: hintShapes.SizeInMBs.greaterThanOrEqual!,
  max: hintShapes.SizeInMBs.lessThanOrEqual!,
};
export const BUFFER_INTERVAL = {
  min: hintShapes.IntervalInSeconds.greaterThanOrEqual!,
  max: hintShapes.IntervalInSeconds.lessThanOrEqual!,
};
/** The AWS console's defaults for an S3 destination: 5 MiB, 300 seconds. */
export const DEFAULT_BUFFER_SIZE = 5;
export const DEFAULT_BUFFER_INTERVAL = 300;
export const NAME_MAX = createShapes.DeliveryStreamName.lengthLessThanOrEqual!;

/** What is wrong with a delivery stream name (the first broken rule); undefined when it is fine. */
export const deliveryStreamNameProblem = (name: string): string | undefined =>
  name.length === 0
    ? 'Enter a delivery stream name.'
    : constraintProblems(name, createShapes.DeliveryStreamName)[0];

const hintProblem = (text: string, shape: FieldShape): string | undefined => {
  const n = parseWhole(text);
  if (n === undefined) return 'Enter a whole number.';
  return constraintProblems(n, shape)[0];
};

export const bufferSizeProblem = (text: string) => hintProblem(text, hintShapes.SizeInMBs);
export const bufferIntervalProblem = (text: string) => hintProblem(text, hintShapes.IntervalInSeconds);

export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
/** `arn:aws:s3:::my-bucket` -> `my-bucket`. */
export const bucketOfArn = (arn: string | undefined): string | undefined =>
  arn?.replace(/^arn:[^:]*:s3:::/, '') || undefined;

/** An IAM role ARN as Firehose accepts it (its RoleARN pattern). */
export const roleArnProblem = (arn: string): string | undefined =>
  arn.length === 0
    ? 'Enter the ARN of an IAM role Firehose can assume.'
    : constraintProblems(arn, destinationShape.RoleARN)[0];

/**
 * The folder a prefix always writes under: the part before its first `!{...}` expression, up to
 * the last `/` (a prefix without expressions is all of it). `logs/!{timestamp:yyyy}/` -> `logs/`.
 */
export const fixedFolder = (prefix: string | undefined): string => {
  if (!prefix) return '';
  const at = prefix.indexOf('!{');
  const fixed = at < 0 ? prefix : prefix.slice(0, at);
  return fixed.slice(0, fixed.lastIndexOf('/') + 1);
};

/** The form fields AWS's errors can name, and the request members (or words in the message) that mean each. */
export const DELIVERY_FORM_FIELDS = {
  name: ['deliveryStreamName'],
  source: [
    'kinesisStreamSourceConfiguration.kinesisStreamARN',
    'KinesisStreamSourceConfiguration',
    'Kinesis stream',
  ],
  role: ['extendedS3DestinationConfiguration.roleARN', 'kinesisStreamSourceConfiguration.roleARN', 'roleARN'],
  bucket: [
    'extendedS3DestinationConfiguration.bucketARN',
    'extendedS3DestinationUpdate.bucketARN',
    'bucketARN',
    'bucket',
  ],
  // Before `prefix`: AWS's texts about the error prefix name Prefix too.
  errorPrefix: [
    'extendedS3DestinationConfiguration.errorOutputPrefix',
    'extendedS3DestinationUpdate.errorOutputPrefix',
    'errorOutputPrefix',
  ],
  prefix: ['extendedS3DestinationConfiguration.prefix', 'extendedS3DestinationUpdate.prefix', 'prefix'],
  size: [
    'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs',
    'extendedS3DestinationUpdate.bufferingHints.sizeInMBs',
    'sizeInMBs',
  ],
  interval: [
    'extendedS3DestinationConfiguration.bufferingHints.intervalInSeconds',
    'extendedS3DestinationUpdate.bufferingHints.intervalInSeconds',
    'intervalInSeconds',
    'BufferingHints',
  ],
  compression: [
    'extendedS3DestinationConfiguration.compressionFormat',
    'extendedS3DestinationUpdate.compressionFormat',
    'CompressionFormat',
  ],
  transform: [
    'extendedS3DestinationConfiguration.processingConfiguration',
    'ProcessingConfiguration',
    'Lambda processor',
    'LambdaArn',
  ],
} as const;
export type DeliveryFormField = keyof typeof DELIVERY_FORM_FIELDS;

const SECTORS = ['HEALTHCARE', 'TECHNOLOGY', 'ENERGY', 'FINANCIAL', 'RETAIL', 'MANUFACTURING'] as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * One demo record like the ones the AWS console's "Test with demo data" sends: a stock ticker,
 * its sector, the price change and the price, two decimals. A newline ends it so the S3 object
 * reads one record a line (Firehose adds no delimiter).
 */
export const demoTickerRecord = (random: () => number): string => {
  const pick = <T>(xs: readonly T[]) => xs[Math.min(xs.length - 1, Math.floor(random() * xs.length))];
  const ticker = Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick([...LETTERS])).join('');
  const price = Math.round((5 + random() * 195) * 100) / 100;
  const change = Math.round((random() - 0.5) * 10 * 100) / 100;
  return `${JSON.stringify({ ticker_symbol: ticker, sector: pick(SECTORS), change, price })}\n`;
};
