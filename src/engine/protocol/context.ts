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
}

/** Per-request facts taken from the HTTP request. */
export interface RequestContext {
  region: string;
  requestId: string;
}
