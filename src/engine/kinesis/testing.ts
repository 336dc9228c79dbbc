import { VirtualClock } from '../common/clock';
import { AwsError } from '../common/errors';
import type { MetricDatum } from '../common/metrics';
import { SeededRng } from '../common/rng';
import { defaultEngineOptions, type EngineContext, type EngineOptions } from '../protocol/context';
import { KinesisService } from './service';

/** A Kinesis service on virtual time with collected metrics, for the action tests. */
export const kinesisHarness = (options: Partial<EngineOptions> = {}) => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const metrics: MetricDatum[] = [];
  const ctx: EngineContext = {
    clock,
    rng: new SeededRng(1),
    metrics: { put: (d) => metrics.push(d) },
    options: { ...defaultEngineOptions, stateDelayMs: 500, ...options },
    accountId: '000000000000',
    defaultRegion: 'us-east-1',
  };
  const service = new KinesisService(ctx);
  /** call, error and active as requests signed for `region`. */
  const inRegion = (region: string) => {
    const rc = { region, requestId: 'r' };
    /** Runs an operation on a deep copy of `input` (the service checks inputs in place). */
    const call = (op: string, input: Record<string, unknown> = {}): any =>
      service.call(op, structuredClone(input), rc) as any;
    /** The AWS error an operation throws, as { code, message }. */
    const error = (op: string, input: Record<string, unknown> = {}): { code: string; message: string } => {
      try {
        call(op, input);
      } catch (e) {
        if (e instanceof AwsError) return { code: e.code, message: e.message };
        throw e;
      }
      throw new Error(`${op} did not fail`);
    };
    /** Creates a stream and lets it turn ACTIVE. */
    const active = (StreamName: string, ShardCount = 1, extra: Record<string, unknown> = {}) => {
      call('CreateStream', { StreamName, ShardCount, ...extra });
      clock.advance(ctx.options.stateDelayMs);
      return call('DescribeStream', { StreamName }).StreamDescription;
    };
    return { call, error, active };
  };
  const { call, error, active } = inRegion('us-east-1');
  const settle = () => clock.advance(ctx.options.stateDelayMs);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return { clock, metrics, ctx, service, call, error, active, settle, b64, inRegion };
};
