import { aErr } from '../errors';
import type { AnalyticsApplication } from '../types';
import { toInput, toOutput, type InputRequest, type OutputRequest } from './configuration';
import { inputSchemaOf, validateCode, type AnalyticsContext } from './context';
import { applicationDetail } from './describe';

export interface CreateApplicationInput {
  ApplicationName: string;
  ApplicationDescription?: string;
  RuntimeEnvironment: string;
  ServiceExecutionRole: string;
  ApplicationConfiguration?: {
    ApplicationCodeConfiguration?: { CodeContent?: { TextContent?: string; ZipFileContent?: string; S3ContentLocation?: unknown }; CodeContentType?: string };
    SqlApplicationConfiguration?: { Inputs?: InputRequest[]; Outputs?: OutputRequest[]; ReferenceDataSources?: unknown[] };
    FlinkApplicationConfiguration?: unknown;
  };
  Tags?: Array<{ Key: string; Value?: string }>;
  ApplicationMode?: string;
}

/** SQL code must be text (ApplicationCodeConfiguration for SQL applications takes TextContent only). */
export const codeOf = (content: { TextContent?: string; ZipFileContent?: string; S3ContentLocation?: unknown } | undefined): string => {
  if (content?.ZipFileContent !== undefined || content?.S3ContentLocation !== undefined)
    throw aErr.invalidArgument('SQL applications take their code as TextContent.');
  return content?.TextContent ?? '';
};

export const createApplication = (a: AnalyticsContext, input: CreateApplicationInput) => {
  if (input.RuntimeEnvironment !== 'SQL-1_0')
    throw aErr.unsupported(`The emulator runs Kinesis Data Analytics SQL applications (SQL-1_0), not ${input.RuntimeEnvironment}.`);
  const config = input.ApplicationConfiguration ?? {};
  if (config.FlinkApplicationConfiguration !== undefined) throw aErr.invalidArgument('FlinkApplicationConfiguration does not apply to SQL applications.');
  if (config.SqlApplicationConfiguration?.ReferenceDataSources?.length) throw aErr.unsupported('Reference data sources are not available in the emulator.');
  const { store, rc } = a;
  if (store.find(rc.region, input.ApplicationName)) throw aErr.exists(input.ApplicationName, store.account);
  const now = store.now();
  const app: AnalyticsApplication = {
    ApplicationName: input.ApplicationName,
    ApplicationARN: store.arnOf(rc.region, input.ApplicationName),
    ...(input.ApplicationDescription !== undefined ? { ApplicationDescription: input.ApplicationDescription } : {}),
    RuntimeEnvironment: 'SQL-1_0',
    ServiceExecutionRole: input.ServiceExecutionRole,
    ApplicationStatus: 'READY',
    ApplicationVersionId: 1,
    CreateTimestamp: now,
    LastUpdateTimestamp: now,
    Code: codeOf(config.ApplicationCodeConfiguration?.CodeContent),
    Inputs: [],
    Outputs: [],
    Tags: input.Tags ?? [],
    _region: rc.region,
    _statusUntil: 0,
    _inputs: 0,
    _outputs: 0,
  };
  const inputs = config.SqlApplicationConfiguration?.Inputs ?? [];
  if (inputs.length > 1) throw aErr.invalidArgument('A SQL application reads from one input.');
  app.Inputs = inputs.map((i) => toInput(a, app, i));
  for (const o of config.SqlApplicationConfiguration?.Outputs ?? []) app.Outputs.push(toOutput(a, app, o));
  validateCode(a, app.Code, inputSchemaOf(app));
  store.applications.set(app.ApplicationARN, app);
  return { ApplicationDetail: applicationDetail(app) };
};
