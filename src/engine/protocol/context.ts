import type { Clock } from '../common/clock';
import type { MetricsSink } from '../common/metrics';
import type { Rng } from '../common/rng';

export interface EngineOptions {
  /** How long CREATING, UPDATING and DELETING last. AWS takes tens of seconds; the console defaults to 500 ms. */
  stateDelayMs: number;
  /** Enforce per-shard throughput limits (AWS does; kinesalite does not). */
  enforceThroughput: boolean;
}

export const defaultEngineOptions: EngineOptions = { stateDelayMs: 500, enforceThroughput: true };

/**
 * What the host running the emulator lends it: work a pure engine cannot do itself. The browser's
 * emulator worker and the Node server each pass their own (see `src/worker/transformRunner.ts`,
 * `server/transformRunner.ts`); tests pass fakes or nothing.
 */
export interface EngineHooks {
  /**
   * Runs a transformation function's JavaScript source (the stand-in for a Lambda function, see
   * `functions/handler.ts` for its contract) on `event`, isolated from everything else, for at most
   * `timeoutMs` wall milliseconds. Resolves with what the handler returned, as JSON data; rejects with
   * a `TransformFailure` (`transformFailure.functionError()` when it threw, `timedOut()` past the limit).
   */
  runTransform?(source: string, event: unknown, timeoutMs: number): Promise<unknown>;
  /** Asynchronous work (a transformation) has finished: the host should call `advance` soon. */
  wake?(): void;
  /** Timed work changed durable state (a consumer application's checkpoints): the host should save soon. */
  changed?(): void;
}

/** What every service is handed: time, randomness, the metrics sink and options. Nothing global. */
export interface EngineContext {
  clock: Clock;
  rng: Rng;
  metrics: MetricsSink;
  options: EngineOptions;
  /** The account id the emulator reports in ARNs. */
  accountId: string;
  /** The region used when a request carries none. */
  defaultRegion: string;
  /** What the host lends the engine (a function runner, a wake-up call); absent in most tests. */
  hooks?: EngineHooks;
}

/** Per-request facts taken from the HTTP request. */
export interface RequestContext {
  region: string;
  requestId: string;
}
