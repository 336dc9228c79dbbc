import { MirrorClock, RealClock, type Clock, type ClockReading } from '../engine/common/clock';
import { PlatformRng, type Rng } from '../engine/common/rng';
import { GeneratorConfigError, GeneratorRun, type SendBatch, type WeightedTemplate } from '../engine/generator/run';
import { targetLimits } from '../engine/generator/targets';
import { compileTemplate, EMPTY_TEMPLATE, isBlankTemplate, TemplateError } from '../engine/generator/template';
import { STATS_INTERVAL_MS, type GeneratorJob, type JobRejection, type StartResult, type StatsListener } from './generatorProtocol';

/** Timers the host runs on: the platform's, or fake ones in tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const platformTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

export interface GeneratorHostDeps {
  /** The wall clock (the mirror of the emulator's clock runs on it). */
  clock?: Clock;
  rng?: Rng;
  timers?: Timers;
  statsIntervalMs?: number;
}

/** Calls in flight for a rate: 4 (the run's default) up to 5,000 records/s, one more per 5,000/s, at most 16. */
export const inFlightFor = (rate: number | string): number => {
  const n = Number(rate);
  return Number.isFinite(n) && n > 0 ? Math.min(16, Math.max(4, Math.ceil(n / 5000))) : 4;
};

/** The browser's local zone, which KDG's Periodic grid means (Date#getHours and getDay): minutes east of UTC at `t`. */
export const localUtcOffset = (t: number): number => -new Date(t).getTimezoneOffset();

/** The records per second a job may reach: its rate, or the Periodic grid's highest Mu. */
const peakRate = (job: GeneratorJob): number | string =>
  job.periodic ? Math.max(0, ...job.periodic.grid.flat().map((c) => c.mu)) : job.rate;

/** Compiles every template of a job, or says which one is wrong and where. */
export const compileJob = (job: GeneratorJob): { ok: true; templates: WeightedTemplate[] } | { ok: false; rejection: JobRejection } => {
  if (job.templates.length === 0) return { ok: false, rejection: { kind: 'config', message: 'Choose at least one template' } };
  const templates: WeightedTemplate[] = [];
  for (const t of job.templates) {
    if (isBlankTemplate(t.source))
      return { ok: false, rejection: { kind: 'template', template: t.name, line: 1, column: 1, message: EMPTY_TEMPLATE } };
    try {
      templates.push({ name: t.name, template: compileTemplate(t.source), weight: t.weight });
    } catch (e) {
      if (e instanceof TemplateError)
        return { ok: false, rejection: { kind: 'template', template: t.name, line: e.line, column: e.column, message: e.message } };
      throw e;
    }
  }
  return { ok: true, templates };
};

/**
 * Runs one GeneratorRun at a time on real timers: the worker's whole job, kept free of worker
 * globals so tests (and the in-thread fallback) drive it directly. `makeSend` turns a job into
 * the function that puts one batch (a PutRecords call through the SDK, in the worker).
 */
export class GeneratorHost {
  private run?: GeneratorRun;
  private timer?: unknown;
  private statsTimer?: unknown;
  private listener?: StatsListener;
  private settling?: Promise<void>;
  /** The run's time: the emulator's clock in emulated mode (it may run fast or skip), real time for AWS. */
  private readonly clock: MirrorClock;
  private readonly wall: Clock;
  private realTime = false;
  private readonly rng: Rng;
  private readonly timers: Timers;
  private readonly statsIntervalMs: number;

  constructor(
    private readonly makeSend: (job: GeneratorJob) => SendBatch,
    deps: GeneratorHostDeps = {},
  ) {
    this.wall = deps.clock ?? new RealClock();
    this.clock = new MirrorClock(this.wall);
    this.rng = deps.rng ?? new PlatformRng();
    this.timers = deps.timers ?? platformTimers;
    this.statsIntervalMs = deps.statsIntervalMs ?? STATS_INTERVAL_MS;
  }

  get running(): boolean {
    return this.run?.status === 'running';
  }

  /** The time now on the run's clock (tests, and what the page shows). */
  now(): number {
    return this.clock.now();
  }

  /**
   * A new reading of the emulator's clock (sent when its speed changes, when it skips, and now
   * and then). A skip is not owed records: the run carries on from the new time at its rate.
   */
  setClock(reading: ClockReading | undefined): void {
    if (this.realTime) return;
    this.follow(reading);
  }

  private follow(reading: ClockReading | undefined): void {
    const jump = this.clock.follow(reading);
    if (this.run?.status === 'running') {
      this.run.timeJumped(jump);
      this.run.setClockSpeed(this.clock.speed);
    }
  }

  async start(job: GeneratorJob, onStats: StatsListener): Promise<StartResult> {
    if (this.run) await this.stop('Replaced by a new run');
    const compiled = compileJob(job);
    if (!compiled.ok) return compiled;
    // AWS mode runs on real time; emulated mode on the emulator's clock, from the job's reading of it.
    this.realTime = job.connection.mode === 'aws';
    if (this.realTime) this.clock.follow(undefined);
    else if (job.clock) this.clock.follow(job.clock);
    let run: GeneratorRun;
    try {
      run = new GeneratorRun({
        template: compiled.templates.length === 1 ? compiled.templates[0].template : compiled.templates,
        rate: job.rate,
        periodic: job.periodic,
        utcOffset: localUtcOffset,
        backfill: job.backfill,
        wall: this.wall,
        limit: job.limit,
        partitionKey: job.partitionKey,
        newline: job.newline,
        gzip: job.gzip,
        ...targetLimits(job.target),
        // More calls in flight at high rates: each call crosses two threads and back.
        maxInFlight: inFlightFor(peakRate(job)),
        send: this.makeSend(job),
        clock: this.clock,
        rng: this.rng,
        resume: job.resume,
      });
    } catch (e) {
      if (e instanceof GeneratorConfigError) return { ok: false, rejection: { kind: 'config', message: e.message } };
      throw e;
    }
    this.run = run;
    this.listener = onStats;
    run.start();
    run.setClockSpeed(this.clock.speed);
    this.statsTimer = this.timers.setInterval(() => this.emit(), this.statsIntervalMs);
    this.emit();
    this.loop(run);
    return { ok: true };
  }

  /** Stops the run; resolves after calls in flight have settled and the final stats went out. */
  async stop(reason = 'Stopped by the user'): Promise<void> {
    const run = this.run;
    if (!run) return this.settling;
    run.stop(reason);
    await this.finish(run);
  }

  private loop(run: GeneratorRun): void {
    const wait = run.tick();
    if (wait >= 0) this.timer = this.timers.setTimeout(() => this.loop(run), wait);
    else void this.finish(run);
  }

  private finish(run: GeneratorRun): Promise<void> {
    if (this.run !== run) return this.settling ?? Promise.resolve();
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.settling = run.idle().then(() => {
      if (this.run !== run) return;
      this.timers.clearInterval(this.statsTimer);
      this.emit();
      this.run = undefined;
      this.listener = undefined;
    });
    return this.settling;
  }

  private emit(): void {
    if (this.run && this.listener) this.listener(this.run.stats());
  }
}
