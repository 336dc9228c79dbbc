import type { ClockReading } from '../engine/common/clock';
import type { PeriodicRate } from '../engine/generator/periodic';
import type { BackfillRange, GeneratorStats, PartitionKeyStrategy, ResumedCounters } from '../engine/generator/run';
import type { GeneratorTarget } from '../engine/generator/targets';
import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';

export type { BackfillRange, ClockReading, GeneratorStats, GeneratorTarget, PartitionKeyStrategy, PeriodicRate, ResumedCounters };

/**
 * The generator worker's side of things: what the page asks it to do, and the shape of the
 * HTTP relay that lets it reach the page's one emulator.
 *
 * Why a relay: the emulator lives in its own worker, made once by the page. The generator worker
 * must use that same emulator (the streams the user sees), never a second one. So the page hands
 * the generator worker a MessagePort; the generator's SDK client posts each signed request on it,
 * and the page forwards it to the emulator worker's transport and posts the answer back.
 */

/** Where the generator's KinesisClient sends requests (the same shape as the console's setting). */
export interface GeneratorConnection {
  mode: 'emulated' | 'aws';
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  endpoint?: string;
}

export interface JobTemplate {
  name: string;
  source: string;
  weight: number;
}

/** One run of the generator, as the Generator page describes it. */
export interface GeneratorJob {
  /** The data stream's or delivery stream's name. */
  stream: string;
  /** A Kinesis data stream (PutRecords, the default) or a Firehose delivery stream (PutRecordBatch). */
  target?: GeneratorTarget;
  /** One template, or several mixed by weight. */
  templates: JobTemplate[];
  /** Records per second (validated by the run: a number greater than 0). */
  rate: number | string;
  /** KDG's Periodic rate (hours and weekdays in the browser's local time) instead of `rate`. */
  periodic?: PeriodicRate;
  /** Simulated time: the records of every second of a range, as fast as they are acknowledged. */
  backfill?: BackfillRange;
  /** Send this many records, then stop. */
  limit?: number;
  partitionKey: PartitionKeyStrategy;
  newline: boolean;
  gzip: boolean;
  connection: GeneratorConnection;
  /** Emulated mode: a reading of the emulator's clock, which the run keeps time by (rate and date helpers). */
  clock?: ClockReading;
  /** The counters of a run this one continues (it was cut off by a page reload). */
  resume?: ResumedCounters;
}

/** A problem found before anything was sent: a template error with its place, or a bad option. */
export interface JobRejection {
  kind: 'template' | 'config';
  message: string;
  /** For template errors: which template, and where. */
  template?: string;
  line?: number;
  column?: number;
}

export type StartResult = { ok: true } | { ok: false; rejection: JobRejection };

/** Called about four times a second while a run is going, and once more when it has settled. */
export type StatsListener = (stats: GeneratorStats) => void;

/** What the generator worker exposes over comlink (every call is async from the page). */
export interface GeneratorWorkerApi {
  /** Gives the worker the port on which it reaches the emulator (emulated mode). */
  connect(port: MessagePort): void;
  start(job: GeneratorJob, onStats: StatsListener): Promise<StartResult>;
  /** A new reading of the emulator's clock (its speed changed, it skipped ahead, or just now and then). */
  setClock(reading: ClockReading | undefined): void;
  /** Stops the current run; resolves once calls in flight have settled (final stats sent). */
  stop(reason?: string): Promise<void>;
}

/** Generator worker -> page, on the relay port: one request to forward to the emulator. */
export interface RelayRequest {
  id: number;
  request: HttpRequestLike;
}

/** Page -> generator worker, on the relay port: the emulator's answer to request `id`. */
export type RelayReply = { id: number; ok: true; response: HttpResponseLike } | { id: number; ok: false; error: string };

/** How often stats go to the page while a run is going. */
export const STATS_INTERVAL_MS = 250;
