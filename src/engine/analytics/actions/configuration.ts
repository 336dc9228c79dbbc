/** Inputs and outputs as the API takes them, checked and turned into the application's state. */
import type { InputSchema } from '../../sql/discovery/discover';
import { parseSqlType } from '../../sql/discovery/discover';
import { aErr } from '../errors';
import type { AnalyticsApplication, ApplicationInput, ApplicationOutput, RecordFormatType } from '../types';
import { inAppStreamName, SUPPORTED_NAME_PREFIX, type AnalyticsContext } from './context';

export interface InputRequest {
  NamePrefix: string;
  KinesisStreamsInput?: { ResourceARN: string };
  KinesisFirehoseInput?: { ResourceARN: string };
  InputProcessingConfiguration?: unknown;
  InputParallelism?: { Count?: number };
  InputSchema: InputSchema;
}

export interface OutputRequest {
  Name: string;
  KinesisStreamsOutput?: { ResourceARN: string };
  KinesisFirehoseOutput?: { ResourceARN: string };
  LambdaOutput?: unknown;
  DestinationSchema: { RecordFormatType: RecordFormatType };
}

/** SQL applications read one source (KDA developer guide, "Configuring Application Input"). */
export const MAX_INPUTS = 1;
/** "You can add up to three destinations" (KDA developer guide, "Configuring Application Output"). */
export const MAX_OUTPUTS = 3;

export const requireResource = (a: AnalyticsContext, kind: 'kinesis' | 'firehose', arn: string): void => {
  if (!a.env.resourceExists(kind, arn, a.rc.region))
    throw aErr.invalidArgument(`${kind === 'kinesis' ? 'Kinesis stream' : 'Firehose delivery stream'} ${arn} does not exist.`);
};

export const checkSchema = (schema: InputSchema): void => {
  const seen = new Set<string>();
  for (const c of schema.RecordColumns) {
    try {
      parseSqlType(c.SqlType);
    } catch {
      throw aErr.invalidArgument(`Column ${c.Name} has an unsupported SQL type: ${c.SqlType}.`);
    }
    const key = c.Name.toUpperCase();
    if (seen.has(key)) throw aErr.invalidArgument(`Column name ${c.Name} appears more than once in the input schema.`);
    seen.add(key);
  }
  const fmt = schema.RecordFormat;
  if (fmt.RecordFormatType === 'JSON' && !fmt.MappingParameters?.JSONMappingParameters)
    throw aErr.invalidArgument('JSONMappingParameters are required for the JSON record format.');
  if (fmt.RecordFormatType === 'CSV' && !fmt.MappingParameters?.CSVMappingParameters)
    throw aErr.invalidArgument('CSVMappingParameters are required for the CSV record format.');
};

export const toInput = (a: AnalyticsContext, app: Pick<AnalyticsApplication, '_inputs'>, req: InputRequest): ApplicationInput => {
  const sources = [req.KinesisStreamsInput, req.KinesisFirehoseInput].filter((s) => s !== undefined);
  if (sources.length !== 1) throw aErr.invalidArgument('Exactly one of KinesisStreamsInput and KinesisFirehoseInput must be provided.');
  if (req.InputProcessingConfiguration !== undefined) throw aErr.unsupported('Input preprocessing with AWS Lambda is not available in the emulator.');
  if (req.NamePrefix !== SUPPORTED_NAME_PREFIX)
    throw aErr.unsupported(`The emulator's SQL engine reads its source as ${SUPPORTED_NAME_PREFIX}_001: use NamePrefix ${SUPPORTED_NAME_PREFIX}.`);
  const count = req.InputParallelism?.Count ?? 1;
  if (count !== 1) throw aErr.unsupported('The emulator runs every input with InputParallelism 1.');
  if (req.KinesisStreamsInput) requireResource(a, 'kinesis', req.KinesisStreamsInput.ResourceARN);
  if (req.KinesisFirehoseInput) requireResource(a, 'firehose', req.KinesisFirehoseInput.ResourceARN);
  checkSchema(req.InputSchema);
  const schema: InputSchema = { RecordEncoding: 'UTF-8', ...req.InputSchema };
  return {
    InputId: `1.${++app._inputs}`,
    NamePrefix: req.NamePrefix,
    InAppStreamNames: [inAppStreamName(req.NamePrefix)],
    ...(req.KinesisStreamsInput ? { KinesisStreamsInputDescription: { ResourceARN: req.KinesisStreamsInput.ResourceARN } } : {}),
    ...(req.KinesisFirehoseInput ? { KinesisFirehoseInputDescription: { ResourceARN: req.KinesisFirehoseInput.ResourceARN } } : {}),
    InputSchema: schema,
    InputParallelism: { Count: 1 },
    InputStartingPositionConfiguration: {},
  };
};

export const toOutput = (a: AnalyticsContext, app: Pick<AnalyticsApplication, '_outputs' | 'Outputs'>, req: OutputRequest): ApplicationOutput => {
  const sinks = [req.KinesisStreamsOutput, req.KinesisFirehoseOutput, req.LambdaOutput].filter((s) => s !== undefined);
  if (sinks.length !== 1) throw aErr.invalidArgument('Exactly one of KinesisStreamsOutput, KinesisFirehoseOutput and LambdaOutput must be provided.');
  if (req.LambdaOutput !== undefined) throw aErr.unsupported('AWS Lambda destinations are not available in the emulator.');
  if (app.Outputs.length >= MAX_OUTPUTS) throw aErr.limit(`An application can have at most ${MAX_OUTPUTS} outputs.`);
  if (req.KinesisStreamsOutput) requireResource(a, 'kinesis', req.KinesisStreamsOutput.ResourceARN);
  if (req.KinesisFirehoseOutput) requireResource(a, 'firehose', req.KinesisFirehoseOutput.ResourceARN);
  return {
    OutputId: `1.${++app._outputs}`,
    Name: req.Name,
    ...(req.KinesisStreamsOutput ? { KinesisStreamsOutputDescription: { ResourceARN: req.KinesisStreamsOutput.ResourceARN } } : {}),
    ...(req.KinesisFirehoseOutput ? { KinesisFirehoseOutputDescription: { ResourceARN: req.KinesisFirehoseOutput.ResourceARN } } : {}),
    DestinationSchema: { RecordFormatType: req.DestinationSchema.RecordFormatType },
  };
};
