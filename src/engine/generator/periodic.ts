/**
 * The Kinesis Data Generator's "Periodic" rate: each second the number of records is drawn from a
 * normal distribution N(Mu, Sigma) whose parameters depend on the hour of the day and the day of
 * the week (a 24 x 7 grid), in local time. A positive draw sends ceil(draw) records, a negative
 * one sends none (KDG's `for (n = 0; n < count; n++)` loop).
 */
import type { Rng } from '../common/rng';

export interface PeriodicCell {
  mu: number;
  sigma: number;
}

export const HOURS = 24;
export const DAYS = 7;
/** KDG's defaults for every cell. */
export const DEFAULT_CELL: PeriodicCell = { mu: 100, sigma: 10 };

/** The week's grid: `grid[hour][day]`, hour 0-23, day 0 (Sunday) to 6 (Saturday) as Date#getDay counts. */
export type PeriodicGrid = PeriodicCell[][];

export interface PeriodicRate {
  grid: PeriodicGrid;
  /** Mu changes linearly from hour to hour instead of in steps. */
  smoothing: boolean;
}

/**
 * Minutes east of UTC at a time (the browser's local zone: `-new Date(t).getTimezoneOffset()`),
 * or a fixed number of minutes.
 */
export type UtcOffset = number | ((t: number) => number);

export const uniformGrid = (cell: PeriodicCell = DEFAULT_CELL): PeriodicGrid =>
  Array.from({ length: HOURS }, () => Array.from({ length: DAYS }, () => ({ ...cell })));

/** Local hour, day of the week and minute at time `t`, given the zone's offset. */
export const localTime = (t: number, offset: UtcOffset = 0): { hour: number; day: number; minute: number } => {
  const minutes = typeof offset === 'function' ? offset(t) : offset;
  const d = new Date(t + minutes * 60_000);
  return { hour: d.getUTCHours(), day: d.getUTCDay(), minute: d.getUTCMinutes() };
};

/** The cell one hour before (-1) or after (+1), wrapping across midnight and from Saturday to Sunday. */
const neighbour = (grid: PeriodicGrid, hour: number, day: number, step: -1 | 1): PeriodicCell => {
  const i = (day * HOURS + hour + step + HOURS * DAYS) % (HOURS * DAYS);
  return grid[i % HOURS][Math.floor(i / HOURS)];
};

/**
 * Mu and Sigma in force at a local hour, day and minute. With smoothing, Mu is the hour's own at
 * minute 30 and moves linearly towards the neighbouring hour's, reaching the mean of the two on the
 * hour: continuous across hours, where KDG's own code jumps at minute 30.
 */
export const cellAt = (rate: PeriodicRate, hour: number, day: number, minute: number): PeriodicCell => {
  const cell = rate.grid[hour][day];
  if (!rate.smoothing || minute === 30) return cell;
  const mu =
    minute < 30
      ? cell.mu + ((neighbour(rate.grid, hour, day, -1).mu - cell.mu) * (30 - minute)) / 60
      : cell.mu + ((neighbour(rate.grid, hour, day, 1).mu - cell.mu) * (minute - 30)) / 60;
  return { mu, sigma: cell.sigma };
};

/** The cell in force at time `t` in the zone `offset`. */
export const cellAtTime = (rate: PeriodicRate, t: number, offset: UtcOffset = 0): PeriodicCell => {
  const { hour, day, minute } = localTime(t, offset);
  return cellAt(rate, hour, day, minute);
};

/** One draw from N(mu, sigma) by Marsaglia's polar method, as KDG draws it (from the injected Rng). */
export const normalDraw = (rng: Rng, mu: number, sigma: number): number => {
  let u: number;
  let v: number;
  let s: number;
  do {
    u = rng.next() * 2 - 1;
    v = rng.next() * 2 - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  return mu + sigma * u * Math.sqrt((-2 * Math.log(s)) / s);
};

/** Records a draw sends: ceil of a positive draw, none for zero or a negative one. */
export const recordsFor = (draw: number): number => (draw > 0 ? Math.ceil(draw) : 0);

/** The number of records for one second with this cell. */
export const drawRecords = (rng: Rng, cell: PeriodicCell): number => recordsFor(normalDraw(rng, cell.mu, cell.sigma));

// Abramowitz and Stegun 7.1.26 (error below 1.5e-7): enough for an expected rate on a page.
const erf = (x: number): number => {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return sign * y;
};

/**
 * The expected records per second for a cell: E[ceil(X) if X > 0] = sum over k >= 0 of P(X > k),
 * which is about Mu + 0.5 when Mu is well above Sigma.
 */
export const expectedRecords = ({ mu, sigma }: PeriodicCell): number => {
  if (sigma <= 0) return recordsFor(mu);
  let sum = 0;
  const top = Math.ceil(mu + 9 * sigma);
  for (let k = 0; k <= top; k++) sum += 0.5 * (1 - erf((k - mu) / (sigma * Math.SQRT2)));
  return sum;
};

/** The first problem with a grid (24 rows of 7 cells, every Mu and Sigma a finite number >= 0), or undefined. */
export const periodicProblem = (grid: unknown): string | undefined => {
  if (!Array.isArray(grid) || grid.length !== HOURS) return 'The Periodic rate needs 24 hours of 7 days each';
  for (let h = 0; h < HOURS; h++) {
    const row = grid[h];
    if (!Array.isArray(row) || row.length !== DAYS) return 'The Periodic rate needs 24 hours of 7 days each';
    for (let d = 0; d < DAYS; d++) {
      const c = row[d] as Partial<PeriodicCell> | undefined;
      for (const k of ['mu', 'sigma'] as const) {
        const v = c?.[k];
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
          return `${k === 'mu' ? 'Mu' : 'Sigma'} at ${DAY_NAMES[d]} ${String(h).padStart(2, '0')}:00 must be a number of 0 or more`;
      }
    }
  }
  return undefined;
};

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A backfill's range may be at most this long: a week holds every cell of the Periodic grid once. */
export const MAX_BACKFILL_MS = 7 * 24 * 3600_000;

/** The first problem with a backfill range [start, end), or undefined. */
export const backfillProblem = (start: number, end: number): string | undefined => {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 'The simulated start and end must be dates and times';
  if (end <= start) return 'The simulated end must be after the start';
  if (end - start > MAX_BACKFILL_MS) return 'A backfill covers at most 7 days of simulated time (every hour of every day once)';
  return undefined;
};
