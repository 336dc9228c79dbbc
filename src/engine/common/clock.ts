import { epochMillis, type EpochMillis } from './brand';

/**
 * The only source of time in the engine. Real in the browser, virtual in tests,
 * scaled for demos (an instructor can run a 10-second window in one second).
 */
export interface Clock {
  now(): EpochMillis;
}

/** Wall-clock time. The one place in the engine that may read Date.now. */
export class RealClock implements Clock {
  now(): EpochMillis {
    // eslint-disable-next-line no-restricted-properties
    return epochMillis(Date.now());
  }
}

/** Time that moves only when told to: tests and the `npm run sql` command line. */
export class VirtualClock implements Clock {
  private t: number;
  constructor(start: number = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }
  now(): EpochMillis {
    return epochMillis(this.t);
  }
  advance(ms: number): EpochMillis {
    if (ms < 0) throw new RangeError('a clock cannot go backwards');
    this.t += ms;
    return this.now();
  }
  set(t: number): EpochMillis {
    if (t < this.t) throw new RangeError('a clock cannot go backwards');
    this.t = t;
    return this.now();
  }
}

/**
 * Time that runs `speed` times faster than its base clock from the moment it was made,
 * and can jump forward. Speed changes keep time continuous (no jump back or forth).
 */
export class ScaledClock implements Clock {
  private anchorBase: number;
  private anchorScaled: number;
  private speedFactor: number;
  constructor(
    private readonly base: Clock = new RealClock(),
    speed = 1,
  ) {
    this.anchorBase = base.now();
    this.anchorScaled = this.anchorBase;
    this.speedFactor = speed;
  }
  now(): EpochMillis {
    return epochMillis(Math.floor(this.anchorScaled + (this.base.now() - this.anchorBase) * this.speedFactor));
  }
  get speed(): number {
    return this.speedFactor;
  }
  /** Its time, the base clock's time and the speed, at one instant: what a {@link MirrorClock} follows. */
  reading(): ClockReading {
    const wallAt = this.base.now();
    return { now: Math.floor(this.anchorScaled + (wallAt - this.anchorBase) * this.speedFactor), wallAt, speed: this.speedFactor };
  }
  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive number');
    const now = this.now();
    this.anchorBase = this.base.now();
    this.anchorScaled = now;
    this.speedFactor = speed;
  }
  /** Jump forward (fast-forward an open window to its end, say). */
  skip(ms: number): void {
    if (ms < 0) throw new RangeError('a clock cannot go backwards');
    this.anchorScaled += ms;
  }
}

/** One reading of a clock that may be scaled: its time `now` at wall time `wallAt`, running `speed` times real time. */
export interface ClockReading {
  now: number;
  wallAt: number;
  speed: number;
}

/**
 * A copy of a ScaledClock that lives elsewhere (the emulator's, in another worker), kept from its
 * readings: between two readings it runs on from the last one at that reading's speed, on the
 * same wall clock. Without a reading it is the wall clock itself (AWS mode: real time).
 */
export class MirrorClock implements Clock {
  private reading?: ClockReading;
  constructor(private readonly wall: Clock = new RealClock()) {}

  now(): EpochMillis {
    return epochMillis(this.at(this.reading, this.wall.now()));
  }

  get speed(): number {
    return this.reading?.speed ?? 1;
  }

  /**
   * Takes a new reading (undefined: follow the wall clock). Returns how far it moved this clock
   * from where it was running: the size of a skip ahead (0 after a mere speed change).
   */
  follow(reading: ClockReading | undefined): number {
    const wall = this.wall.now();
    const before = this.at(this.reading, wall);
    this.reading = reading && { ...reading };
    return this.at(this.reading, wall) - before;
  }

  private at(r: ClockReading | undefined, wall: number): number {
    return r ? Math.floor(r.now + (wall - r.wallAt) * r.speed) : wall;
  }
}
