import type { InputSchema } from '../../sql/discovery/discover';
import { aErr } from '../errors';
import type { AnalyticsApplication, RecordFormatType } from '../types';
import { checkSchema, requireResource } from './configuration';
import { codeOf } from './createApplication';
import { inputSchemaOf, requireStatus, requireVersion, validateCode, type AnalyticsContext } from './context';
import { applicationDetail } from './describe';

export interface UpdateApplicationInput {
  ApplicationName: string;
  CurrentApplicationVersionId?: number;
  ConditionalToken?: string;
  ApplicationConfigurationUpdate?: {
    ApplicationCodeConfigurationUpdate?: { CodeContentUpdate?: { TextContentUpdate?: string; ZipFileContentUpdate?: string; S3ContentLocationUpdate?: unknown } };
    SqlApplicationConfigurationUpdate?: {
      InputUpdates?: Array<{
        InputId: string;
        NamePrefixUpdate?: string;
        KinesisStreamsInputUpdate?: { ResourceARNUpdate: string };
        KinesisFirehoseInputUpdate?: { ResourceARNUpdate: string };
        InputSchemaUpdate?: { RecordFormatUpdate?: InputSchema['RecordFormat']; RecordEncodingUpdate?: 'UTF-8'; RecordColumnUpdates?: InputSchema['RecordColumns'] };
        InputParallelismUpdate?: { CountUpdate: number };
      }>;
      OutputUpdates?: Array<{
        OutputId: string;
        NameUpdate?: string;
        KinesisStreamsOutputUpdate?: { ResourceARNUpdate: string };
        KinesisFirehoseOutputUpdate?: { ResourceARNUpdate: string };
        DestinationSchemaUpdate?: { RecordFormatType: RecordFormatType };
      }>;
      ReferenceDataSourceUpdates?: unknown[];
    };
  };
  ServiceExecutionRoleUpdate?: string;
  RunConfigurationUpdate?: unknown;
}

/** Points an input or output at another stream or delivery stream, which must exist. */
const repoint = <T extends object>(a: AnalyticsContext, target: T, kind: 'kinesis' | 'firehose', arn: string, set: keyof T, clear: keyof T): void => {
  requireResource(a, kind, arn);
  (target as Record<keyof T, unknown>)[set] = { ResourceARN: arn };
  delete (target as Record<keyof T, unknown>)[clear];
};

export const updateApplication = (a: AnalyticsContext, input: UpdateApplicationInput) => {
  const app = a.store.get(a.rc.region, input.ApplicationName);
  requireStatus(app, 'READY', 'RUNNING');
  if (input.ConditionalToken === undefined) requireVersion(app, input.CurrentApplicationVersionId);
  const update = input.ApplicationConfigurationUpdate ?? {};
  if (update.SqlApplicationConfigurationUpdate?.ReferenceDataSourceUpdates?.length) throw aErr.unsupported('Reference data sources are not available in the emulator.');
  // Work on a copy: a failed check leaves the application as it was.
  const next: AnalyticsApplication = structuredClone(app);
  const codeUpdate = update.ApplicationCodeConfigurationUpdate?.CodeContentUpdate;
  if (codeUpdate) {
    next.Code = codeOf({ TextContent: codeUpdate.TextContentUpdate, ZipFileContent: codeUpdate.ZipFileContentUpdate, S3ContentLocation: codeUpdate.S3ContentLocationUpdate });
  }
  for (const u of update.SqlApplicationConfigurationUpdate?.InputUpdates ?? []) {
    const target = next.Inputs.find((i) => i.InputId === u.InputId);
    if (!target) throw aErr.invalidArgument(`Input ${u.InputId} does not exist in application ${app.ApplicationName}.`);
    if (u.NamePrefixUpdate !== undefined && u.NamePrefixUpdate !== target.NamePrefix)
      throw aErr.unsupported(`The emulator's SQL engine reads its source as ${target.InAppStreamNames[0]}: keep NamePrefix ${target.NamePrefix}.`);
    if (u.InputParallelismUpdate && u.InputParallelismUpdate.CountUpdate !== 1) throw aErr.unsupported('The emulator runs every input with InputParallelism 1.');
    if (u.KinesisStreamsInputUpdate) repoint(a, target, 'kinesis', u.KinesisStreamsInputUpdate.ResourceARNUpdate, 'KinesisStreamsInputDescription', 'KinesisFirehoseInputDescription');
    if (u.KinesisFirehoseInputUpdate) repoint(a, target, 'firehose', u.KinesisFirehoseInputUpdate.ResourceARNUpdate, 'KinesisFirehoseInputDescription', 'KinesisStreamsInputDescription');
    const s = u.InputSchemaUpdate;
    if (s) {
      target.InputSchema = {
        RecordFormat: s.RecordFormatUpdate ?? target.InputSchema.RecordFormat,
        RecordEncoding: s.RecordEncodingUpdate ?? target.InputSchema.RecordEncoding,
        RecordColumns: s.RecordColumnUpdates ?? target.InputSchema.RecordColumns,
      };
      checkSchema(target.InputSchema);
    }
  }
  for (const u of update.SqlApplicationConfigurationUpdate?.OutputUpdates ?? []) {
    const target = next.Outputs.find((o) => o.OutputId === u.OutputId);
    if (!target) throw aErr.invalidArgument(`Output ${u.OutputId} does not exist in application ${app.ApplicationName}.`);
    if (u.NameUpdate !== undefined) target.Name = u.NameUpdate;
    if (u.DestinationSchemaUpdate) target.DestinationSchema = { RecordFormatType: u.DestinationSchemaUpdate.RecordFormatType };
    if (u.KinesisStreamsOutputUpdate) repoint(a, target, 'kinesis', u.KinesisStreamsOutputUpdate.ResourceARNUpdate, 'KinesisStreamsOutputDescription', 'KinesisFirehoseOutputDescription');
    if (u.KinesisFirehoseOutputUpdate) repoint(a, target, 'firehose', u.KinesisFirehoseOutputUpdate.ResourceARNUpdate, 'KinesisFirehoseOutputDescription', 'KinesisStreamsOutputDescription');
  }
  if (input.ServiceExecutionRoleUpdate !== undefined) next.ServiceExecutionRole = input.ServiceExecutionRoleUpdate;
  validateCode(a, next.Code, inputSchemaOf(next));
  Object.assign(app, next);
  a.store.bumpVersion(app);
  // A running application picks the new configuration up: UPDATING, then RUNNING again.
  if (app.ApplicationStatus === 'RUNNING') a.store.transition(app, 'UPDATING', 'RUNNING');
  return { ApplicationDetail: applicationDetail(app) };
};
