/**
 * GeneratorRun: renders records from compiled templates at a target rate and sends them in
 * PutRecords-shaped batches, retrying failures until they are acknowledged or the run stops.
 *
 * Pure and clock-driven. The run never sets timers itself: the host calls `tick()`, which does all
 * the work that is due at `clock.now()` and returns how many milliseconds to wait before the next
 * call. Batch results arrive through the promise `send` returns; the run handles them when they
 * settle (and immediately sends any full batches waiting), and the next tick sends the rest.
 *
 *   // in a web worker (or Node): the whole host
 *   const run = new GeneratorRun({ template, rate: 200, send, clock: new RealClock(), rng: new PlatformRng() });
 *   run.start();
 *   const loop = () => { const wait = run.tick(); if (wait >= 0) timer = setTimeout(loop, wait); };
 *   loop();
 *   // UI: poll run.stats() (postMessage it every tick, say); Stop button: run.stop()
 *
 *   // in tests: a VirtualClock, and settle the send promises between ticks
 *   clock.advance(run.tick()); await run.idle();
 *
 * Timing: the number of records due at time t is floor((t - start) * rate / 1000), computed from
 * the start time and the count rendered so far, so late or early ticks never make the rate drift.
 * In Periodic mode (KDG's), each second of the clock gets a count drawn from its hour's and day's
 * N(Mu, Sigma), spread evenly over that second.
 *
 * Backfill (KDG's "Lock to real time" turned off): every simulated second of [start, end) gets its
 * records (the constant rate, or a Periodic draw for that second's hour and day), rendered with
 * `date.simTime` at that second, as fast as the destination acknowledges them. Rendering waits while
 * the queue is full, so memory holds at most maxQueued records plus the calls in flight.
 *
 * Accounting: every rendered record ends up acknowledged, pending (queued, in flight or waiting to
 * be retried) or dropped (still pending when the run stopped): rendered = acknowledged + pending +
 * dropped at every moment, and pending reaches 0 once in-flight calls settle after a stop.
 */
import { gzipSync } from 'fflate';
import type { Clock } from '../common/clock';
import type { Rng } from '../common/rng';
import type { CompiledTemplate } from './template/compiler';
import { utf8Length } from '../common/utf8';
import { cellAtTime, drawRecords, expectedRecords, periodicProblem, backfillProblem, type PeriodicRate, type UtcOffset } from './periodic';
import { targetLimits } from './targets';
import { createFaker, TemplateRenderer } from './template/renderer';

/** One entry of PutRecords' (or PutRecordBatch's) result. */
export interface PutResultEntry {
  ErrorCode?: string;
  ErrorMessage?: string;
  SequenceNumber?: string;
  ShardId?: string;
  RecordId?: string;
}

export interface PutResult {
  FailedRecordCount?: number;
  Records?: PutResultEntry[];
  /** Firehose's PutRecordBatch names its entries RequestResponses. */
  RequestResponses?: PutResultEntry[];
}

export interface OutgoingRecord {
  Data: Uint8Array;
  PartitionKey: string;
}

/** Sends one batch; resolves with the per-record results, rejects when the whole call failed. */
export type SendBatch = (batch: OutgoingRecord[]) => Promise<PutResult>;

/**
 * random: a random decimal number as the key, like KDG (records spread over all shards);
 * field: the value of a field of the rendered JSON record (`sensorId`, or a dotted path `a.b`);
 * fixed: the same key for every record (everything goes to one shard).
 */
export type PartitionKeyStrategy = { kind: 'random' } | { kind: 'field'; field: string } | { kind: 'fixed'; key: string };

export interface WeightedTemplate {
  name: string;
  template: CompiledTemplate;
  weight: number;
}

export interface GeneratorRunOptions {
  /** One template, or several named templates mixed by weight. */
  template: CompiledTemplate | WeightedTemplate[];
  /** Target records per second (a number or a numeric string from a form field); unused with `periodic`. */
  rate: number | string;
  /** KDG's Periodic rate: each second's count drawn from N(Mu, Sigma) of its hour and weekday. */
  periodic?: PeriodicRate;
  /** The zone whose hours and weekdays the Periodic grid means (minutes east of UTC; default 0). */
  utcOffset?: UtcOffset;
  /** Simulated time: generate the records of every second of [start, end) as fast as they are acknowledged. */
  backfill?: BackfillRange;
  /** Wall time, for a backfill's records per wall second (default: `clock`). */
  wall?: Clock;
  /** Send this many records, then stop. */
  limit?: number;
  partitionKey?: PartitionKeyStrategy;
  /** Append "\n" to each record (default true), before any compression. */
  newline?: boolean;
  /** GZIP each record on its own. */
  gzip?: boolean;
  /** PutRecords: 500 records and 5 MiB per call; Firehose PutRecordBatch: 500 and 4 MiB. */
  maxBatchRecords?: number;
  maxBatchBytes?: number;
  /** Largest record accepted (data + partition key); Kinesis: 1 MiB. */
  maxRecordBytes?: number;
  /** Whether the partition key counts toward a record's size (default true; Firehose records have no key). */
  keyCounts?: boolean;
  /** Calls allowed in flight at once (default 4). */
  maxInFlight?: number;
  /** Longest wait tick() asks for (default 100 ms). */
  tickMs?: number;
  /** Backoff for retries: a random delay in [d/2, d], d = min(max, base * 2^(attempt-1)). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Rendered records allowed to wait for a free call before rendering pauses (default: 4 ticks' worth, at least 2 rounds of full calls). */
  maxQueued?: number;
  /** Counters of an earlier run this one carries on (the same job, resumed after a page reload). */
  resume?: ResumedCounters;
  send: SendBatch;
  clock: Clock;
  rng: Rng;
}

export type RunState = 'idle' | 'running' | 'completed' | 'stopped';

export interface BackfillRange {
  /** Epoch milliseconds; the first simulated second is the one holding `start`. */
  start: number;
  /** Epoch milliseconds, not included: the backfill ends when simulated time reaches it. */
  end: number;
  /** date.now, date.utc, current.timestamp and faker's dates read the simulated time too. */
  simulatedDates?: boolean;
}

export interface BackfillProgress {
  start: number;
  end: number;
  /** The simulated second being generated (the last one, once every second is done). */
  simulatedAt: number;
  /** Simulated seconds whose records are all generated, out of totalSeconds. */
  secondsDone: number;
  totalSeconds: number;
  /** Wall-clock milliseconds since this run started, for records per wall second. */
  wallElapsedMs: number;
  /** Acknowledged per wall second since this run started. */
  wallRate: number;
}

export interface GeneratorStats {
  state: RunState;
  /** Why the run ended: the user, the limit, or a fatal error. */
  stopReason?: string;
  targetRate: number;
  rendered: number;
  acknowledged: number;
  /** Record attempts that failed (a record throttled twice counts twice). */
  failed: number;
  /** Records sent again after a failure. */
  retried: number;
  /** Rendered, not yet acknowledged and not dropped: queued, in flight or waiting to retry. */
  pending: number;
  /** Pending records given up when the run stopped. */
  dropped: number;
  inFlightCalls: number;
  /** Payload bytes (Data) of acknowledged records. */
  bytesSent: number;
  elapsedMs: number;
  /** Acknowledged per second since the start. */
  achievedRate: number;
  /** Acknowledged per second over the last few whole seconds. */
  recentRate: number;
  /** Field-strategy records whose field was missing, sent with a random key instead. */
  keyFallbacks: number;
  /** Records rendered per template name (for a mix). */
  renderedByTemplate: Record<string, number>;
  rateMode: 'constant' | 'periodic';
  /** Periodic mode: the cell in force (at the simulated second in a backfill) and its expected records per second. */
  periodic?: { mu: number; sigma: number; expected: number };
  backfill?: BackfillProgress;
  lastError?: { code: string; message: string; at: number };
}

/**
 * What a resumed run starts from: the counters of the run it continues. Records that were pending
 * when the earlier run was cut off are counted as dropped: whether they arrived is not known.
 */
export type ResumedCounters = Pick<
  GeneratorStats,
  'rendered' | 'acknowledged' | 'failed' | 'retried' | 'pending' | 'dropped' | 'bytesSent' | 'elapsedMs' | 'keyFallbacks' | 'renderedByTemplate'
> & { backfill?: Pick<BackfillProgress, 'secondsDone'> };

/** A run option that cannot work (bad rate, bad limit...). */
export class GeneratorConfigError extends Error {
  override readonly name = 'GeneratorConfigError';
}

/** The rate as a positive finite number, or a GeneratorConfigError saying what is wrong. */
export const validateRate = (value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new GeneratorConfigError(`The rate must be a number of records per second, not ${JSON.stringify(value)}`);
  if (n <= 0) throw new GeneratorConfigError(`The rate must be greater than 0 records per second (got ${n})`);
  return n;
};

// Errors that retrying cannot fix: the stream is gone, access is denied, the request is invalid.
const FATAL = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'ValidationException',
  'InvalidArgumentException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'SerializationException',
  'UnknownOperationException',
]);
const isFatal = (code: string) => FATAL.has(code) || code.startsWith('KMS');

const errorCode = (e: unknown): string => {
  const o = e as { name?: string; code?: string; __type?: string } | undefined;
  const raw = o?.__type ?? o?.code ?? o?.name ?? 'Error';
  return String(raw).split('#').pop() as string;
};
const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The simulated second a backfill is rendering. */
class SimClock implements Clock {
  t = 0;
  now() {
    return this.t as ReturnType<Clock['now']>;
  }
}

interface Rec {
  data: Uint8Array;
  key: string;
  bytes: number;
  attempts: number;
  notBefore: number;
}


const fieldOf = (text: string, path: string[]): string | undefined => {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s === '' ? undefined : s;
};

export class GeneratorRun {
  private targetRate: number;
  private readonly o: Required<
    Omit<GeneratorRunOptions, 'limit' | 'template' | 'rate' | 'partitionKey' | 'resume' | 'periodic' | 'backfill'>
  > & {
    limit?: number;
  };
  private readonly periodic?: PeriodicRate;
  /** Periodic schedule: records due before the clock second `periodSecond`, and that second's draw. */
  private periodBase = 0;
  private periodSecond = 0;
  private periodCount = 0;
  private readonly backfill?: { start: number; end: number; total: number };
  private readonly simClock = new SimClock();
  /** The simulated second being rendered (before the first: start - 1000) and its records still to render. */
  private simSecond = 0;
  private simLeft = 0;
  private simFinished = false;
  private wallStart = 0;
  private wallEnd?: number;
  private ackAtStart = 0;
  private readonly sources: { name: string; renderer: TemplateRenderer; cumulative: number }[];
  private readonly keyStrategy: PartitionKeyStrategy;
  private readonly fieldPath: string[] = [];
  private readonly encoder = new TextEncoder();

  private state: RunState = 'idle';
  private stopReason?: string;
  private startAt = 0;
  /** The schedule: `anchorCount + (t - anchorAt) * rate / 1000` records are due at time t. */
  private anchorAt = 0;
  private anchorCount = 0;
  private endAt?: number;
  private queue: Rec[] = [];
  private queueHead = 0;
  private retryWait: Rec[] = [];
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private readonly ackBuckets = new Float64Array(8);
  private readonly ackBucketSecond = new Float64Array(8).fill(-1);
  /** Width of a bucket of the recent rate: a second of the clock, longer when the clock runs fast. */
  private bucketMs = 1000;
  /** Buckets before this time were counted at another width (or before the start). */
  private bucketsFrom = 0;
  private resumed?: ResumedCounters;
  private s = {
    rendered: 0,
    acknowledged: 0,
    failed: 0,
    retried: 0,
    dropped: 0,
    bytesSent: 0,
    keyFallbacks: 0,
  };
  private renderedBy: Record<string, number> = {};
  private lastError?: { code: string; message: string; at: number };

  constructor(options: GeneratorRunOptions) {
    this.periodic = options.periodic;
    if (this.periodic) {
      const problem = periodicProblem(this.periodic.grid);
      if (problem) throw new GeneratorConfigError(problem);
      this.targetRate = 0;
    } else this.targetRate = validateRate(options.rate);
    if (options.backfill) {
      const { start, end } = options.backfill;
      const problem = backfillProblem(start, end);
      if (problem) throw new GeneratorConfigError(problem);
      const first = Math.floor(start / 1000) * 1000;
      this.backfill = { start: first, end, total: Math.ceil((end - first) / 1000) };
    }
    if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit > 0))
      throw new GeneratorConfigError(`The record limit must be a whole number greater than 0 (got ${options.limit})`);
    const kinesis = targetLimits('kinesis');
    const maxBatchRecords = options.maxBatchRecords ?? kinesis.maxBatchRecords;
    const maxInFlight = options.maxInFlight ?? 4;
    const tickMs = options.tickMs ?? 100;
    if (!(maxBatchRecords >= 1)) throw new GeneratorConfigError('maxBatchRecords must be at least 1');
    if (!(maxInFlight >= 1)) throw new GeneratorConfigError('maxInFlight must be at least 1');
    this.o = {
      limit: options.limit,
      newline: options.newline ?? true,
      gzip: options.gzip ?? false,
      maxBatchRecords,
      maxBatchBytes: options.maxBatchBytes ?? kinesis.maxBatchBytes,
      maxRecordBytes: options.maxRecordBytes ?? kinesis.maxRecordBytes,
      keyCounts: options.keyCounts ?? kinesis.keyCounts,
      maxInFlight,
      tickMs,
      retryBaseMs: options.retryBaseMs ?? 100,
      retryMaxMs: options.retryMaxMs ?? 10_000,
      maxQueued: options.maxQueued ?? 0,
      send: options.send,
      clock: options.clock,
      rng: options.rng,
      utcOffset: options.utcOffset ?? 0,
      wall: options.wall ?? options.clock,
    };
    this.keyStrategy = options.partitionKey ?? { kind: 'random' };
    if (this.keyStrategy.kind === 'fixed') {
      const n = [...this.keyStrategy.key].length;
      if (n < 1 || n > 256) throw new GeneratorConfigError('A fixed partition key must be 1 to 256 characters long');
    } else if (this.keyStrategy.kind === 'field') {
      if (!this.keyStrategy.field.trim()) throw new GeneratorConfigError('Name the record field to use as the partition key');
      this.fieldPath.push(...this.keyStrategy.field.split('.'));
    }
    const list: WeightedTemplate[] = Array.isArray(options.template)
      ? options.template
      : [{ name: 'template', template: options.template, weight: 1 }];
    if (list.length === 0) throw new GeneratorConfigError('Choose at least one template');
    let total = 0;
    for (const t of list) {
      if (!(Number.isFinite(t.weight) && t.weight > 0))
        throw new GeneratorConfigError(`The weight of template "${t.name}" must be a number greater than 0`);
      total += t.weight;
    }
    this.resumed = options.resume;
    // date helpers read the simulated second when the backfill asks for it
    const dates = options.backfill?.simulatedDates ? this.simClock : options.clock;
    const simClock = options.backfill ? this.simClock : options.clock;
    const faker = createFaker(options.rng, dates);
    let acc = 0;
    this.sources = list.map((t) => {
      acc += t.weight / total;
      this.renderedBy[t.name] = options.resume?.renderedByTemplate[t.name] ?? 0;
      const renderer = new TemplateRenderer(t.template, { clock: dates, simClock, rng: options.rng, faker });
      return { name: t.name, renderer, cumulative: acc };
    });
  }

  get status(): RunState {
    return this.state;
  }

  start(): void {
    if (this.state !== 'idle') throw new GeneratorConfigError('This run has already started');
    this.state = 'running';
    const now = this.o.clock.now();
    this.anchorAt = this.bucketsFrom = now;
    this.startAt = now;
    const r = this.resumed;
    if (r) {
      // Carry on from where the earlier run was: its counters, its elapsed time, its schedule.
      this.s = {
        rendered: r.rendered,
        acknowledged: r.acknowledged,
        failed: r.failed,
        retried: r.retried,
        dropped: r.dropped + r.pending,
        bytesSent: r.bytesSent,
        keyFallbacks: r.keyFallbacks,
      };
      this.anchorCount = r.rendered;
      this.startAt = now - r.elapsedMs;
    }
    this.wallStart = this.o.wall.now();
    this.ackAtStart = this.s.acknowledged;
    if (this.periodic && !this.backfill) this.periodicFrom(now, this.s.rendered);
    if (this.backfill) {
      const done = Math.min(this.backfill.total, r?.backfill?.secondsDone ?? 0);
      this.simSecond = this.backfill.start + (done - 1) * 1000;
      this.simClock.t = Math.max(this.backfill.start, this.simSecond);
    }
  }

  /** Periodic: `rendered` records are due at `now`; the second holding `now` gets a fresh draw. */
  private periodicFrom(now: number, rendered: number): void {
    this.periodSecond = Math.floor(now / 1000);
    this.periodCount = this.drawAt(this.periodSecond * 1000);
    this.periodBase = rendered - (this.periodCount * (now - this.periodSecond * 1000)) / 1000;
  }

  private drawAt(t: number): number {
    return drawRecords(this.o.rng, cellAtTime(this.periodic!, t, this.o.utcOffset));
  }

  /** Periodic: records due at `now`, drawing a count for each clock second reached since the last call. */
  private periodicDue(now: number): number {
    const sec = Math.floor(now / 1000);
    while (this.periodSecond < sec) {
      this.periodBase += this.periodCount;
      this.periodSecond++;
      this.periodCount = this.drawAt(this.periodSecond * 1000);
    }
    return this.periodBase + (this.periodCount * (now - this.periodSecond * 1000)) / 1000;
  }

  /**
   * The clock jumped by `ms` (an instructor skipped ahead): the run is not owed the records of
   * the time it skipped, and that time does not count as sending time.
   */
  timeJumped(ms: number): void {
    // Only forward: the emulator's clock never goes back, so a reading that seems to (one that took a
    // while to arrive) must not make the run owe records it would then send and could not take back.
    if (this.state !== 'running' || !(ms > 0)) return;
    if (this.periodic && !this.backfill) this.periodicFrom(this.o.clock.now(), this.s.rendered);
    this.anchorAt += ms;
    this.startAt += ms;
    this.bucketsFrom = Math.max(this.bucketsFrom + ms, this.startAt);
  }

  /**
   * The clock now runs `speed` times real time: the recent rate is taken over buckets that long
   * in clock time (5 wall seconds at any speed), so a fast clock does not make it jump about.
   */
  setClockSpeed(speed: number): void {
    const bucketMs = 1000 * Math.max(1, speed);
    if (bucketMs === this.bucketMs) return;
    this.bucketMs = bucketMs;
    this.ackBucketSecond.fill(-1);
    this.bucketsFrom = this.o.clock.now();
  }

  get rate(): number {
    return this.periodic ? this.currentCell().expected : this.targetRate;
  }

  /** Periodic: the cell in force now (in a backfill, at the simulated second). */
  private currentCell(): { mu: number; sigma: number; expected: number } {
    const t = this.backfill ? this.simClock.t : this.o.clock.now();
    const cell = cellAtTime(this.periodic!, t, this.o.utcOffset);
    return { ...cell, expected: expectedRecords(cell) };
  }

  /** Changes the target rate from now on (a rate slider); what was due before stays due. */
  setRate(value: number | string): void {
    if (this.periodic) throw new GeneratorConfigError('A Periodic run takes its rate from its grid');
    const rate = validateRate(value);
    const now = this.o.clock.now();
    if (this.state === 'running') {
      this.anchorCount += ((now - this.anchorAt) * this.targetRate) / 1000;
      this.anchorAt = now;
    }
    this.targetRate = rate;
  }

  /**
   * Does what is due now: renders the records the schedule calls for, re-queues retries whose
   * backoff has passed, and sends batches. Returns the milliseconds to wait before the next call,
   * or -1 once the run has ended (the host stops calling).
   */
  tick(): number {
    if (this.state !== 'running') return -1;
    const now = this.o.clock.now();
    this.requeueRetries(now);
    if (this.backfill) this.renderBackfill();
    else this.renderDue(now);
    if (this.state !== 'running') return -1;
    this.dispatch(true);
    this.checkCompleted();
    if (this.state !== 'running') return -1;
    let wait = this.o.tickMs;
    for (const r of this.retryWait) wait = Math.min(wait, r.notBefore - now);
    return Math.max(1, wait);
  }

  /** Stops rendering and sending; queued and waiting records are dropped, calls in flight still count. */
  stop(reason = 'Stopped'): void {
    if (this.state === 'idle') this.state = 'stopped';
    if (this.state !== 'running') return;
    this.state = 'stopped';
    this.stopReason = reason;
    this.endAt = this.o.clock.now();
    this.wallEnd = this.o.wall.now();
    this.s.dropped += this.queue.length - this.queueHead + this.retryWait.length;
    this.queue = [];
    this.queueHead = 0;
    this.retryWait = [];
  }

  /** Resolves when no call is in flight (tests await it between ticks; hosts after stop()). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stats(): GeneratorStats {
    const now = this.endAt ?? (this.state === 'idle' ? this.startAt : this.o.clock.now());
    const elapsedMs = this.state === 'idle' ? 0 : Math.max(0, now - this.startAt);
    const s = this.s;
    return {
      state: this.state,
      stopReason: this.stopReason,
      targetRate: this.rate,
      rendered: s.rendered,
      acknowledged: s.acknowledged,
      failed: s.failed,
      retried: s.retried,
      pending: s.rendered - s.acknowledged - s.dropped,
      dropped: s.dropped,
      inFlightCalls: this.inFlight,
      bytesSent: s.bytesSent,
      elapsedMs,
      achievedRate: elapsedMs > 0 ? (s.acknowledged * 1000) / elapsedMs : 0,
      recentRate: this.recentRate(now),
      keyFallbacks: s.keyFallbacks,
      renderedByTemplate: { ...this.renderedBy },
      rateMode: this.periodic ? 'periodic' : 'constant',
      periodic: this.periodic && this.currentCell(),
      backfill: this.backfill && this.backfillProgress(),
      lastError: this.lastError,
    };
  }

  private backfillProgress(): BackfillProgress {
    const b = this.backfill!;
    const wallElapsedMs = this.state === 'idle' ? 0 : Math.max(0, (this.wallEnd ?? this.o.wall.now()) - this.wallStart);
    return {
      start: b.start,
      end: b.end,
      simulatedAt: Math.max(b.start, this.simSecond),
      secondsDone: this.secondsDone(),
      totalSeconds: b.total,
      wallElapsedMs,
      wallRate: wallElapsedMs > 0 ? ((this.s.acknowledged - this.ackAtStart) * 1000) / wallElapsedMs : 0,
    };
  }

  private secondsDone(): number {
    const b = this.backfill!;
    if (this.simSecond < b.start) return 0;
    return (this.simSecond - b.start) / 1000 + (this.simLeft === 0 ? 1 : 0);
  }

  // --- rendering -------------------------------------------------------------------------------

  /** Rendered records that may wait for a call: maxQueued, or room for 2 rounds of full calls and 4 ticks at `rate`. */
  private room(rate: number): number {
    const { maxQueued, maxBatchRecords, maxInFlight, tickMs } = this.o;
    const cap = maxQueued || Math.max(maxBatchRecords * maxInFlight * 2, Math.ceil((rate * tickMs) / 1000) * 4);
    // records waiting to be retried count too, so a throttled stream cannot make the backlog grow without bound
    return cap - (this.queue.length - this.queueHead) - this.retryWait.length;
  }

  private renderDue(now: number): void {
    const exact = this.periodic ? this.periodicDue(now) : this.anchorCount + ((now - this.anchorAt) * this.targetRate) / 1000;
    let due = Math.floor(exact + 1e-9);
    if (this.o.limit !== undefined) due = Math.min(due, this.o.limit);
    const n = Math.min(due - this.s.rendered, this.room(this.periodic ? this.periodCount : this.targetRate));
    for (let i = 0; i < n && this.state === 'running'; i++) this.renderOne();
  }

  /** Records of the simulated second `t` (the i-th of the range): the constant rate's share, or a Periodic draw. */
  private simCount(t: number): number {
    if (this.periodic) return this.drawAt(t);
    const i = (t - this.backfill!.start) / 1000;
    return Math.floor((i + 1) * this.targetRate + 1e-9) - Math.floor(i * this.targetRate + 1e-9);
  }

  /** Renders the next simulated seconds' records while the queue has room. */
  private renderBackfill(): void {
    const b = this.backfill!;
    let room = this.room(0);
    while (room > 0 && this.state === 'running' && !this.simFinished) {
      if (this.o.limit !== undefined && this.s.rendered >= this.o.limit) break;
      if (this.simLeft === 0) {
        if (this.simSecond + 1000 >= b.end) {
          this.simFinished = true;
          break;
        }
        this.simSecond += 1000;
        this.simClock.t = this.simSecond;
        this.simLeft = this.simCount(this.simSecond);
        continue;
      }
      let n = Math.min(room, this.simLeft);
      if (this.o.limit !== undefined) n = Math.min(n, this.o.limit - this.s.rendered);
      for (let i = 0; i < n && this.state === 'running'; i++) this.renderOne();
      this.simLeft -= n;
      room -= n;
    }
  }

  private pickSource() {
    const src = this.sources;
    if (src.length === 1) return src[0];
    const r = this.o.rng.next();
    for (let i = 0; i < src.length - 1; i++) if (r < src[i].cumulative) return src[i];
    return src[src.length - 1];
  }

  private renderOne(): void {
    const source = this.pickSource();
    let text: string;
    try {
      text = source.renderer.render();
    } catch (e) {
      this.fail('TemplateError', errorMessage(e));
      return;
    }
    this.s.rendered++;
    this.renderedBy[source.name]++;
    const key = this.partitionKey(text);
    let data = this.encoder.encode(this.o.newline ? `${text}\n` : text);
    if (this.o.gzip) data = gzipSync(data, { mtime: this.o.clock.now() });
    const withKey = this.o.keyCounts;
    const bytes = data.length + (withKey ? utf8Length(key) : 0);
    if (bytes > this.o.maxRecordBytes) {
      this.s.dropped++;
      this.fail(
        'RecordTooLarge',
        `A rendered record is ${bytes} bytes${withKey ? ' with its partition key' : ''}; the limit is ${this.o.maxRecordBytes} bytes per record`,
      );
      return;
    }
    this.queue.push({ data, key, bytes, attempts: 0, notBefore: 0 });
  }

  private randomKey(): string {
    // KDG: a random integer below 10^10, as text
    return String(Math.floor(this.o.rng.next() * 1e10));
  }

  private partitionKey(text: string): string {
    const k = this.keyStrategy;
    if (k.kind === 'fixed') return k.key;
    if (k.kind === 'random') return this.randomKey();
    const v = fieldOf(text, this.fieldPath);
    if (v === undefined) {
      this.s.keyFallbacks++;
      return this.randomKey();
    }
    // a partition key is 1 to 256 Unicode characters
    return v.length > 256 ? [...v].slice(0, 256).join('') : v;
  }

  // --- sending ---------------------------------------------------------------------------------

  private dispatch(flushPartial: boolean): void {
    const { maxBatchRecords, maxBatchBytes, maxInFlight } = this.o;
    while (this.state === 'running' && this.inFlight < maxInFlight) {
      if (this.queue.length - this.queueHead === 0) break;
      const batch: Rec[] = [];
      let bytes = 0;
      let full = false;
      while (this.queueHead < this.queue.length) {
        const r = this.queue[this.queueHead];
        if (batch.length === maxBatchRecords || (batch.length > 0 && bytes + r.bytes > maxBatchBytes)) {
          full = true;
          break;
        }
        batch.push(r);
        bytes += r.bytes;
        this.queueHead++;
      }
      full ||= batch.length === maxBatchRecords;
      if (!flushPartial && !full) {
        // between ticks only full batches go out; the next tick sends the rest
        this.queueHead -= batch.length;
        break;
      }
      if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.queueHead);
        this.queueHead = 0;
      }
      this.sendBatch(batch);
    }
  }

  private sendBatch(batch: Rec[]): void {
    this.inFlight++;
    for (const r of batch) r.attempts++;
    const payload = batch.map((r) => ({ Data: r.data, PartitionKey: r.key }));
    let call: Promise<PutResult>;
    try {
      call = this.o.send(payload);
    } catch (e) {
      call = Promise.reject(e);
    }
    call.then(
      (res) => this.onResult(batch, res),
      (err) => this.onError(batch, err),
    );
  }

  private onResult(batch: Rec[], res: PutResult): void {
    this.inFlight--;
    const entries = res?.Records ?? res?.RequestResponses ?? [];
    const now = this.o.clock.now();
    let fatal: { code: string; message: string } | undefined;
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i];
      const e = entries[i];
      if (e && !e.ErrorCode) {
        this.s.acknowledged++;
        this.s.bytesSent += r.data.length;
        this.countAck(now);
        continue;
      }
      this.s.failed++;
      const code = e?.ErrorCode ?? 'MissingResult';
      const message = e?.ErrorMessage ?? (e ? code : 'The response had no result for this record');
      this.noteError(code, message, now);
      if (isFatal(code)) fatal ??= { code, message };
      this.retryLater(r, now);
    }
    if (fatal) this.fail(fatal.code, fatal.message);
    this.afterCall();
  }

  private onError(batch: Rec[], err: unknown): void {
    this.inFlight--;
    const now = this.o.clock.now();
    const code = errorCode(err);
    const message = errorMessage(err);
    this.s.failed += batch.length;
    this.noteError(code, message, now);
    for (const r of batch) this.retryLater(r, now);
    if (isFatal(code)) this.fail(code, message);
    this.afterCall();
  }

  private retryLater(r: Rec, now: number): void {
    if (this.state !== 'running') {
      this.s.dropped++;
      return;
    }
    const d = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** (r.attempts - 1));
    r.notBefore = now + d / 2 + this.o.rng.next() * (d / 2);
    this.retryWait.push(r);
  }

  private requeueRetries(now: number): void {
    if (this.retryWait.length === 0) return;
    const due: Rec[] = [];
    const later: Rec[] = [];
    for (const r of this.retryWait) (r.notBefore <= now ? due : later).push(r);
    if (due.length === 0) return;
    this.retryWait = later;
    this.s.retried += due.length;
    // retries go out before newer records
    this.queue = [...due, ...this.queue.slice(this.queueHead)];
    this.queueHead = 0;
  }

  private afterCall(): void {
    if (this.state === 'running') {
      // a backfill goes as fast as calls come back: each answer makes room for the next records
      if (this.backfill) this.renderBackfill();
      this.dispatch(!!this.backfill);
      this.checkCompleted();
    }
    if (this.inFlight === 0) {
      const w = this.waiters;
      this.waiters = [];
      for (const resolve of w) resolve();
    }
  }

  private checkCompleted(): void {
    if (this.state !== 'running') return;
    if (this.s.rendered - this.s.acknowledged - this.s.dropped !== 0) return;
    const limited = this.o.limit !== undefined && this.s.rendered >= this.o.limit;
    if (!limited && !this.simFinished) return;
    this.state = 'completed';
    this.endAt = this.o.clock.now();
    this.wallEnd = this.o.wall.now();
    this.stopReason = limited
      ? `Sent ${this.s.acknowledged} records (limit ${this.o.limit})`
      : `Backfill complete: ${this.s.acknowledged} records for ${this.secondsDone()} simulated seconds`;
  }

  /** The last error seen while running; once a run has stopped, answers to calls still in flight leave its reason alone. */
  private noteError(code: string, message: string, at: number): void {
    if (this.state === 'running') this.lastError = { code, message, at };
  }

  private fail(code: string, message: string): void {
    this.lastError = { code, message, at: this.o.clock.now() };
    this.stop(code === 'ResourceNotFoundException' ? `The stream no longer exists: ${message}` : `${code}: ${message}`);
  }

  private countAck(now: number): void {
    const sec = Math.floor(now / this.bucketMs);
    const i = sec % this.ackBuckets.length;
    if (this.ackBucketSecond[i] !== sec) {
      this.ackBucketSecond[i] = sec;
      this.ackBuckets[i] = 0;
    }
    this.ackBuckets[i]++;
  }

  /** Acknowledgements per second over the last 5 whole buckets (fewer right after the start). */
  private recentRate(now: number): number {
    const sec = Math.floor(now / this.bucketMs);
    const startSec = Math.floor(Math.max(this.startAt, this.bucketsFrom) / this.bucketMs);
    const span = Math.min(5, sec - startSec);
    if (span <= 0) return 0;
    let sum = 0;
    for (let k = 1; k <= span; k++) {
      const s = sec - k;
      const i = s % this.ackBuckets.length;
      if (this.ackBucketSecond[i] === s) sum += this.ackBuckets[i];
    }
    return (sum * 1000) / (span * this.bucketMs);
  }
}
