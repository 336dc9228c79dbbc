import { epochMillis } from './common/brand';
import type { Clock } from './common/clock';
import { ADVANCE_RETRY_MS } from './emulator';

/**
 * Runs the emulator's timed work (a stream turning ACTIVE, retention, later a Firehose buffer flush
 * or an analytics application's windows) at the times the modules ask for, on the emulator's clock:
 * at 60x speed a 60-second interval passes in one second of wall time. Pure: timers are injected.
 */

/** Wall-clock timers: the platform's, or {@link VirtualTimers} in tests. */
export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The emulator's clock; `speed` is emulated ms per wall ms (a ScaledClock's), 1 when absent. */
export type EmulatedClock = Clock & { readonly speed?: number };

/** Does the work due by `now` (emulated ms) and returns when it next needs to run; undefined: nothing scheduled. */
export type Advance = (now: number) => number | undefined;

/** The longest single wait (wall ms): longer waits are cut into these, which also keeps timers in range. */
export const MAX_WAIT_MS = 60_000;

export class Scheduler {
  private timer: unknown;
  /** The emulated time of the next run, while one is planned. */
  private due?: number;
  private running = false;
  private stopped = true;

  constructor(
    private readonly advance: Advance,
    private readonly clock: EmulatedClock,
    private readonly timers: SchedulerTimers,
    /** Told when `advance` itself throws (it is retried {@link ADVANCE_RETRY_MS} later). */
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  /** When the next run is planned (emulated ms), if one is. */
  get next(): number | undefined {
    return this.due;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.run();
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
    this.due = undefined;
  }

  /**
   * Something changed: a request (a module may have new work), the clock's speed (the same emulated
   * time is another wall delay) or a skip (work may be due already). Runs soon and plans again.
   */
  poke(): void {
    if (this.stopped || this.running) return;
    this.due = this.clock.now();
    this.arm(0);
  }

  /** Runs the work due now and plans the next run. */
  run(): void {
    if (this.stopped) return;
    this.cancel();
    this.running = true;
    let next: number | undefined;
    const now = this.clock.now();
    try {
      next = this.advance(now);
    } catch (e) {
      this.onError(e);
      next = now + ADVANCE_RETRY_MS;
    } finally {
      this.running = false;
    }
    this.due = next;
    if (next !== undefined) this.arm(this.wallDelay(next));
  }

  /** Wall ms until emulated time `at`, at the clock's current speed. */
  private wallDelay(at: number): number {
    const speed = this.clock.speed ?? 1;
    return Math.min(MAX_WAIT_MS, Math.max(0, Math.ceil((at - this.clock.now()) / speed)));
  }

  private arm(ms: number): void {
    this.cancel();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      // Woken early (a cut-short long wait, a clock that moved less than planned): plan again without running.
      if (this.due !== undefined && this.clock.now() < this.due) this.arm(this.wallDelay(this.due));
      else this.run();
    }, ms);
  }

  private cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Timers on virtual wall time, for tests: nothing fires until `advance` moves time, then every timer
 * due fires in order, moving `now` to its time first. Pair with a ScaledClock over {@link now} to
 * drive the same {@link Scheduler} the worker and the server run.
 */
export class VirtualTimers implements SchedulerTimers, Clock {
  private t: number;
  private queue: Array<{ at: number; fn: () => void; id: number }> = [];
  private ids = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }

  now() {
    return epochMillis(this.t);
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.queue.push({ at: this.t + Math.max(0, ms), fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((q) => q.id !== handle);
  }

  /** Wall ms until each armed timer fires. */
  get armed(): number[] {
    return this.queue.map((q) => q.at - this.t);
  }

  /** Moves wall time `ms` forward, firing every timer due on the way (and those they arm). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let due: (typeof this.queue)[number] | undefined;
      for (const q of this.queue) if (q.at <= end && (due === undefined || q.at < due.at || (q.at === due.at && q.id < due.id))) due = q;
      if (!due) break;
      this.queue = this.queue.filter((q) => q !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = end;
  }
}
