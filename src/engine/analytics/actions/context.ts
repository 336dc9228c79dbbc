import type { EngineContext, RequestContext } from '../../protocol/context';
import type { InputSchema } from '../../sql/discovery/discover';
import { Application as SqlApplication, SOURCE_STREAM } from '../../sql/application';
import { SqlCompileErrors } from '../../sql/errors';
import { aErr } from '../errors';
import type { AnalyticsStore } from '../store';
import type { AnalyticsApplication, ApplicationStatus, InputStartingPosition } from '../types';

/** What the analytics service needs of the services it reads from and writes to. */
export interface AnalyticsEnvironment {
  /** Whether a Kinesis data stream (`kinesis`) or Firehose delivery stream (`firehose`) with this ARN exists in the region. */
  resourceExists(kind: 'kinesis' | 'firehose', arn: string, region: string): boolean;
  /** Up to `limit` records' data (decoded text) from a source, for schema discovery. */
  sampleRecords(arn: string, region: string, position: InputStartingPosition, limit: number): string[];
}

export interface AnalyticsContext {
  store: AnalyticsStore;
  engine: EngineContext;
  rc: RequestContext;
  env: AnalyticsEnvironment;
}

/** The in-application stream an input feeds: `<NamePrefix>_001` with InputParallelism 1. */
export const inAppStreamName = (namePrefix: string): string => `${namePrefix}_001`;

/** The SQL engine names the source SOURCE_SQL_STREAM_001, as every KDA console application does. */
export const SUPPORTED_NAME_PREFIX = SOURCE_STREAM.replace(/_001$/, '');

export const requireStatus = (app: AnalyticsApplication, ...wanted: ApplicationStatus[]): void => {
  if (!wanted.includes(app.ApplicationStatus)) throw aErr.inUse(app.ApplicationName, app.ApplicationStatus, wanted.join(' or '));
};

/** ConcurrentModificationException unless the caller saw the latest version. */
export const requireVersion = (app: AnalyticsApplication, given: number | undefined): void => {
  if (given === undefined) throw aErr.invalidArgument('Either CurrentApplicationVersionId or ConditionalToken must be provided.');
  if (given !== app.ApplicationVersionId) throw aErr.staleVersion(app.ApplicationName, given, app.ApplicationVersionId);
};

/** The input schema the application's SQL sees, if it has an input. */
export const inputSchemaOf = (app: Pick<AnalyticsApplication, 'Inputs'>): InputSchema | undefined => app.Inputs[0]?.InputSchema;

/**
 * CodeValidationException when the SQL does not parse or analyse against the input's columns, with
 * every problem the engine finds, one per line ("line L, column C: ...").
 */
export const validateCode = (a: AnalyticsContext, code: string, schema: InputSchema | undefined): void => {
  if (code.trim() === '') return;
  try {
    new SqlApplication(code, { clock: a.engine.clock, inputSchema: schema, rng: a.engine.rng });
  } catch (e) {
    if (e instanceof SqlCompileErrors) throw aErr.code(e.message);
    throw aErr.code(e instanceof Error ? e.message : String(e));
  }
};
