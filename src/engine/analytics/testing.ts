import { VirtualClock } from '../common/clock';
import { AwsError } from '../common/errors';
import { SeededRng } from '../common/rng';
import { defaultEngineOptions, type EngineContext } from '../protocol/context';
import type { AnalyticsEnvironment } from './actions/context';
import { AnalyticsService } from './service';

export const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/sensor-stream';
export const OUT_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/filtered';
export const ROLE = 'arn:aws:iam::000000000000:role/kda';

/** The workshop's record template's columns, as discovery names them. */
export const sensorSchema = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [
    { Name: 'sensorId', SqlType: 'INTEGER', Mapping: '$.sensorId' },
    { Name: 'currentTemperature', SqlType: 'DOUBLE', Mapping: '$.currentTemperature' },
    { Name: 'status', SqlType: 'VARCHAR(8)', Mapping: '$.status' },
  ],
};

export const sourceInput = (arn = STREAM_ARN) => ({ NamePrefix: 'SOURCE_SQL_STREAM', KinesisStreamsInput: { ResourceARN: arn }, InputSchema: sensorSchema });

/** An analytics service on virtual time over a fake Kinesis with the given streams and their records. */
export const analyticsHarness = (streams: Record<string, string[]> = { [STREAM_ARN]: [], [OUT_ARN]: [] }) => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const ctx: EngineContext = {
    clock,
    rng: new SeededRng(1),
    metrics: { put: () => {} },
    options: { ...defaultEngineOptions, stateDelayMs: 500 },
    accountId: '000000000000',
    defaultRegion: 'us-east-1',
  };
  const env: AnalyticsEnvironment = {
    resourceExists: (kind, arn) => kind === 'kinesis' && arn in streams,
    sampleRecords: (arn, _region, _position, limit) => (streams[arn] ?? []).slice(0, limit),
  };
  const service = new AnalyticsService(ctx, env);
  const rc = { region: 'us-east-1', requestId: 'r' };
  const call = (op: string, input: Record<string, unknown> = {}): any => service.call(op, structuredClone(input), rc) as any;
  const error = (op: string, input: Record<string, unknown> = {}): { code: string; message: string; fields?: Record<string, unknown> } => {
    try {
      call(op, input);
    } catch (e) {
      if (e instanceof AwsError) return { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) };
      throw e;
    }
    throw new Error(`${op} did not fail`);
  };
  const create = (name = 'app', extra: Record<string, unknown> = {}) =>
    call('CreateApplication', { ApplicationName: name, RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE, ...extra });
  return { clock, ctx, service, call, error, create, streams };
};
