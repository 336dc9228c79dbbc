import { VirtualClock } from '../common/clock';
import type { AwsError } from '../common/errors';
import { CloudWatchService } from './service';
import { MetricStore } from './store';

/** 2026-01-01T12:00:00Z: the clock every CloudWatch unit test starts at. */
export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
/** Epoch seconds, as the awsJson1_0 wire carries timestamps. */
export const sec = (ms: number): number => ms / 1000;

/** A CloudWatch service on virtual time, called as the router would (test helper). */
export const cloudWatchOnVirtualTime = (start = T0) => {
  const clock = new VirtualClock(start);
  const store = new MetricStore(clock);
  const service = new CloudWatchService({ clock, store });
  const call = (op: string, input: Record<string, unknown>, region = 'us-east-1'): unknown =>
    service.call(op, input, { region, requestId: 'r' });
  /** The AwsError a call throws, as {code, message}; fails when it does not throw. */
  const fail = (op: string, input: Record<string, unknown>): { code: string; message: string } => {
    try {
      call(op, input);
    } catch (e) {
      return { code: (e as AwsError).code, message: (e as AwsError).message };
    }
    throw new Error(`${op} did not fail`);
  };
  return { clock, store, service, call, fail };
};
