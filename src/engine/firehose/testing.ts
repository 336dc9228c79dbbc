import { gunzipSync } from 'fflate';
import { VirtualClock } from '../common/clock';
import { AwsError } from '../common/errors';
import type { MetricDatum } from '../common/metrics';
import { SeededRng } from '../common/rng';
import { defaultEngineOptions, type EngineContext } from '../protocol/context';
import { S3Store } from '../s3/store';
import type { FirehoseEnvironment } from './environment';
import { FirehoseService } from './service';

export const ROLE = 'arn:aws:iam::000000000000:role/firehose';
export const BUCKET = 'workshop-bucket';
export const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

export const b64 = (s: string): string => btoa(s);
const utf8d = new TextDecoder();

/**
 * A Firehose service on virtual time delivering into a real S3 store (one bucket made), with the
 * metrics it reports collected. `env` overrides parts of the environment (a transformation, a source).
 */
export const firehoseHarness = (env: Partial<FirehoseEnvironment> = {}) => {
  const clock = new VirtualClock(T0);
  const metrics: MetricDatum[] = [];
  const ctx: EngineContext = {
    clock,
    rng: new SeededRng(7),
    metrics: { put: (d) => metrics.push(d) },
    options: { ...defaultEngineOptions, stateDelayMs: 500 },
    accountId: '000000000000',
    defaultRegion: 'us-east-1',
  };
  const s3 = new S3Store(() => clock.now());
  s3.createBucket(BUCKET, 'us-east-1');
  const service = new FirehoseService(ctx, {
    putObject: (bucket, key, body) => void s3.putObject(bucket, key, body),
    ...env,
  });
  const rc = { region: 'us-east-1', requestId: 'r' };
  const call = (op: string, input: Record<string, unknown> = {}): any =>
    service.call(op, structuredClone(input), rc) as any;
  const error = (op: string, input: Record<string, unknown> = {}): { code: string; message: string } => {
    try {
      call(op, input);
    } catch (e) {
      if (e instanceof AwsError) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error(`${op} did not fail`);
  };
  /** Creates a stream and lets it become ACTIVE. */
  const create = (
    name = 'hose',
    destination: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ) => {
    const out = call('CreateDeliveryStream', {
      DeliveryStreamName: name,
      ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: BUCKET_ARN, ...destination },
      ...extra,
    });
    clock.advance(500);
    return out;
  };
  /** Moves the clock to `t` and runs delivery there. */
  const at = (t: number) => {
    clock.set(t);
    return service.advance(t);
  };
  const put = (name: string, ...records: string[]) =>
    call('PutRecordBatch', { DeliveryStreamName: name, Records: records.map((r) => ({ Data: b64(r) })) });
  const keys = (prefix = '') => s3.keys(BUCKET).filter((k) => k.startsWith(prefix));
  const body = (key: string) => {
    const bytes = s3.getObject(BUCKET, key).body;
    return utf8d.decode(key.endsWith('.gz') ? gunzipSync(bytes) : bytes);
  };
  const metric = (name: string) => metrics.filter((m) => m.name === name).map((m) => m.value);
  return { clock, ctx, service, s3, call, error, create, at, put, keys, body, metrics, metric };
};
