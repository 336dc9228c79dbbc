import { AwsError } from '../../common/errors';
import { discoverSchema, parseSqlType } from '../../sql/discovery/discover';
import { compileInputParser } from '../../sql/discovery/input';
import { formatValue } from '../../sql/functions/cast';
import { aErr } from '../errors';
import type { InputStartingPosition } from '../types';
import type { AnalyticsContext } from './context';

export interface DiscoverInputSchemaInput {
  ResourceARN?: string;
  ServiceExecutionRole: string;
  InputStartingPositionConfiguration?: { InputStartingPosition?: InputStartingPosition };
  S3Configuration?: unknown;
  InputProcessingConfiguration?: unknown;
}

/** How many records discovery samples (the KDA console shows "up to 100" sample records). */
export const DISCOVERY_SAMPLE = 100;

const kindOf = (arn: string): 'kinesis' | 'firehose' | undefined =>
  /^arn:[^:]+:kinesis:/.test(arn) ? 'kinesis' : /^arn:[^:]+:firehose:/.test(arn) ? 'firehose' : undefined;

/**
 * Samples the source and infers its schema as DiscoverInputSchema does: InputSchema, the raw records,
 * the records as processed (the same text: no preprocessing here) and each parsed into column values.
 */
export const discoverInputSchema = (a: AnalyticsContext, input: DiscoverInputSchemaInput) => {
  if (input.S3Configuration !== undefined) throw aErr.unsupported('Discovery from an S3 object is not available in the emulator; discover from a stream.');
  if (input.InputProcessingConfiguration !== undefined) throw aErr.unsupported('Input preprocessing with AWS Lambda is not available in the emulator.');
  const arn = input.ResourceARN;
  if (arn === undefined) throw aErr.invalidArgument('ResourceARN is required to discover the schema of a streaming source.');
  const kind = kindOf(arn);
  if (!kind || !a.env.resourceExists(kind, arn, a.rc.region)) throw aErr.invalidArgument(`Resource ${arn} does not exist or is not a Kinesis stream or Firehose delivery stream.`);
  const position = input.InputStartingPositionConfiguration?.InputStartingPosition ?? 'NOW';
  const raw = a.env.sampleRecords(arn, a.rc.region, position, DISCOVERY_SAMPLE);
  if (raw.every((r) => r.trim() === '')) {
    throw new AwsError(
      'UnableToDetectSchemaException',
      'No data was found in the streaming source to detect a schema from. Send records to it and discover again.',
      400,
      { RawInputRecords: raw, ProcessedInputRecords: raw },
    );
  }
  let schema;
  try {
    schema = discoverSchema(raw);
  } catch (e) {
    if (e instanceof AwsError) throw new AwsError(e.code, e.message, e.statusCode, { RawInputRecords: raw, ProcessedInputRecords: raw });
    throw e;
  }
  const parse = compileInputParser(schema);
  const types = schema.RecordColumns.map((c) => parseSqlType(c.SqlType));
  const parsed = raw.map((r) => {
    const row = parse(r);
    return Array.isArray(row) ? row.map((v, i) => (v === null ? '' : formatValue(types[i], v))) : [];
  });
  return { InputSchema: schema, ParsedInputRecords: parsed, ProcessedInputRecords: raw, RawInputRecords: raw };
};
