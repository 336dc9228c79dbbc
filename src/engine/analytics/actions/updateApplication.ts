import type { InputSchema } from '../../sql/discovery/discover';
import { aErr } from '../errors';
import type { AnalyticsApplication, RecordFormatType } from '../types';
import { checkSchema } from './configuration';
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
    if (u.KinesisStreamsInputUpdate) {
      if (!a.env.resourceExists('kinesis', u.KinesisStreamsInputUpdate.ResourceARNUpdate, a.rc.region))
        throw aErr.invalidArgument(`Kinesis stream ${u.KinesisStreamsInputUpdate.ResourceARNUpdate} does not exist.`);
      target.KinesisStreamsInputDescription = { ResourceARN: u.KinesisStreamsInputUpdate.ResourceARNUpdate };
      delete target.KinesisFirehoseInputDescription;
    }
    if (u.KinesisFirehoseInputUpdate) {
      if (!a.env.resourceExists('firehose', u.KinesisFirehoseInputUpdate.ResourceARNUpdate, a.rc.region))
        throw aErr.invalidArgument(`Firehose delivery stream ${u.KinesisFirehoseInputUpdate.ResourceARNUpdate} does not exist.`);
      target.KinesisFirehoseInputDescription = { ResourceARN: u.KinesisFirehoseInputUpdate.ResourceARNUpdate };
      delete target.KinesisStreamsInputDescription;
    }
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
    if (u.KinesisStreamsOutputUpdate) {
      if (!a.env.resourceExists('kinesis', u.KinesisStreamsOutputUpdate.ResourceARNUpdate, a.rc.region))
        throw aErr.invalidArgument(`Kinesis stream ${u.KinesisStreamsOutputUpdate.ResourceARNUpdate} does not exist.`);
      target.KinesisStreamsOutputDescription = { ResourceARN: u.KinesisStreamsOutputUpdate.ResourceARNUpdate };
      delete target.KinesisFirehoseOutputDescription;
    }
    if (u.KinesisFirehoseOutputUpdate) {
      if (!a.env.resourceExists('firehose', u.KinesisFirehoseOutputUpdate.ResourceARNUpdate, a.rc.region))
        throw aErr.invalidArgument(`Firehose delivery stream ${u.KinesisFirehoseOutputUpdate.ResourceARNUpdate} does not exist.`);
      target.KinesisFirehoseOutputDescription = { ResourceARN: u.KinesisFirehoseOutputUpdate.ResourceARNUpdate };
      delete target.KinesisStreamsOutputDescription;
    }
  }
  if (input.ServiceExecutionRoleUpdate !== undefined) next.ServiceExecutionRole = input.ServiceExecutionRoleUpdate;
  validateCode(a, next.Code, inputSchemaOf(next));
  Object.assign(app, next);
  a.store.bumpVersion(app);
  // A running application picks the new configuration up: UPDATING, then RUNNING again.
  if (app.ApplicationStatus === 'RUNNING') a.store.transition(app, 'UPDATING', 'RUNNING');
  return { ApplicationDetail: applicationDetail(app) };
};
