/*
 * The Generator page's rate settings beyond a constant rate: KDG's Periodic grid (24 hours x 7
 * weekdays of Mu and Sigma, as typed) and a backfill's simulated range, checked and turned into
 * what a run takes. Hours and weekdays are the browser's local time, as in KDG.
 */
import {
  backfillProblem,
  cellAt,
  DAY_NAMES,
  DAYS,
  DEFAULT_CELL,
  expectedRecords,
  HOURS,
  type PeriodicGrid,
  type PeriodicRate,
} from '../../engine/generator/periodic';
import type { BackfillRange } from '../../engine/generator/run';

export { DAY_NAMES, DAYS, HOURS };
export type { BackfillRange, PeriodicRate };

/** One cell of the grid as typed. */
export interface CellText {
  mu: string;
  sigma: string;
}

/** The grid as typed: `grid[hour][day]`. */
export type GridText = CellText[][];

export const defaultGridText = (): GridText =>
  Array.from({ length: HOURS }, () =>
    Array.from({ length: DAYS }, () => ({ mu: String(DEFAULT_CELL.mu), sigma: String(DEFAULT_CELL.sigma) })),
  );

const cellNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/** A Mu or Sigma field's problem, or undefined. */
export const cellProblem = (text: string): string | undefined => {
  const n = cellNumber(text);
  return Number.isFinite(n) && n >= 0 ? undefined : 'A number of 0 or more';
};

/** The grid's problem as one line (how many cells, and the first), or undefined. */
export const gridProblem = (grid: GridText): string | undefined => {
  let bad = 0;
  let first = '';
  grid.forEach((row, h) =>
    row.forEach((c, d) => {
      for (const [k, v] of [['Mu', c.mu], ['Sigma', c.sigma]] as const)
        if (cellProblem(v)) {
          if (!bad) first = `${k} at ${DAY_NAMES[d]} ${String(h).padStart(2, '0')}:00`;
          bad++;
        }
    }),
  );
  if (!bad) return undefined;
  return `Every Mu and Sigma of the Periodic rate must be a number of 0 or more (${bad === 1 ? first : `${bad} fields, first ${first}`})`;
};

/** The grid as numbers (cells that do not parse count as 0: check gridProblem first). */
export const gridNumbers = (grid: GridText): PeriodicGrid =>
  grid.map((row) => row.map((c) => ({ mu: cellNumber(c.mu) || 0, sigma: cellNumber(c.sigma) || 0 })));

/** Sets Mu and Sigma in a whole hour (a row), a whole weekday (a column) or everywhere. */
export const fillGrid = (grid: GridText, cell: CellText, where: { hour?: number; day?: number }): GridText =>
  grid.map((row, h) =>
    row.map((c, d) => ((where.hour === undefined || where.hour === h) && (where.day === undefined || where.day === d) ? { ...cell } : c)),
  );

export interface PreviewPoint {
  /** Hours since Sunday 00:00. */
  t: number;
  mu: number;
  /** Mu - Sigma (not below 0) and Mu + Sigma: the band of one standard deviation. */
  band: [number, number];
}

/** The expected rate over a week, every quarter of an hour (smoothing shows between the hours). */
export const weekPreview = (rate: PeriodicRate): PreviewPoint[] => {
  const points: PreviewPoint[] = [];
  for (let q = 0; q < HOURS * DAYS * 4; q++) {
    const hour = Math.floor(q / 4) % HOURS;
    const day = Math.floor(q / 4 / HOURS);
    const { mu, sigma } = cellAt(rate, hour, day, (q % 4) * 15);
    points.push({ t: q / 4, mu, band: [Math.max(0, mu - sigma), mu + sigma] });
  }
  return points;
};

/** Expected records per second for a Mu and Sigma (about Mu + 0.5: each second's draw is rounded up). */
export const expectedRate = (mu: number, sigma: number): number => expectedRecords({ mu, sigma });

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A local date and time typed as `YYYY-MM-DD HH:mm:ss` (seconds optional), read strictly: no
 * day 31 of a 30-day month, no hour 24. NaN when it does not parse.
 */
export const parseLocalDateTime = (text: string): number => {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(y, mo - 1, d, h, mi, s);
  const same =
    date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d && date.getHours() === h && date.getMinutes() === mi;
  return same && s < 60 ? date.getTime() : NaN;
};

/** `YYYY-MM-DD HH:mm:ss` in local time: what the backfill fields show for a time. */
export const formatLocalDateTime = (t: number): string => {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

export interface BackfillText {
  start: string;
  end: string;
}

/** Problems of the backfill fields: each field's own, then the range's. */
export const backfillProblems = (b: BackfillText): { start?: string; end?: string; range?: string } => {
  const bad = 'Enter a date and time as YYYY-MM-DD HH:mm:ss';
  const start = parseLocalDateTime(b.start);
  const end = parseLocalDateTime(b.end);
  const out = { start: Number.isNaN(start) ? bad : undefined, end: Number.isNaN(end) ? bad : undefined };
  return out.start || out.end ? out : { range: backfillProblem(start, end) };
};

/** The range a run takes from valid fields. */
export const backfillRange = (b: BackfillText, simulatedDates: boolean): BackfillRange => ({
  start: parseLocalDateTime(b.start),
  end: parseLocalDateTime(b.end),
  simulatedDates,
});

/** The Generator form's rate settings (see useGeneratorForm). */
export interface RateFormValues {
  /** A constant rate, or KDG's Periodic rate (Mu and Sigma per hour and weekday). */
  rateMode: 'constant' | 'periodic';
  periodicGrid: GridText;
  smoothing: boolean;
  /** Simulated time: generate the records of a past (or future) range as fast as they are accepted. */
  backfill: boolean;
  /** The range, as typed (`YYYY-MM-DD HH:mm:ss`, local time). */
  backfillStart: string;
  backfillEnd: string;
  /** date.now and the other date helpers render the simulated time too. */
  simulatedDates: boolean;
}

/** The rate settings a new form starts with: a constant rate, KDG's default grid, real time. */
export const defaultRateForm = (): RateFormValues => ({
  rateMode: 'constant',
  periodicGrid: defaultGridText(),
  smoothing: false,
  backfill: false,
  backfillStart: '',
  backfillEnd: '',
  simulatedDates: false,
});

/**
 * What a run takes from the rate settings, and what stops it from starting: the Periodic grid (when
 * chosen), the backfill range (when on), and the highest Mu (for the stream-capacity warning).
 */
export const rateChoice = (f: RateFormValues): { problems: string[]; periodic?: PeriodicRate; backfill?: BackfillRange; peakMu?: number } => {
  const problems: string[] = [];
  let periodic: PeriodicRate | undefined;
  let peakMu: number | undefined;
  if (f.rateMode === 'periodic') {
    const p = gridProblem(f.periodicGrid);
    if (p) problems.push(p);
    periodic = { grid: gridNumbers(f.periodicGrid), smoothing: f.smoothing };
    peakMu = Math.max(...periodic.grid.flat().map((c) => c.mu));
  }
  let backfill: BackfillRange | undefined;
  if (f.backfill) {
    const b = backfillProblems({ start: f.backfillStart, end: f.backfillEnd });
    if (b.start) problems.push(`Simulated start: ${b.start}`);
    if (b.end) problems.push(`Simulated end: ${b.end}`);
    if (b.range) problems.push(b.range);
    backfill = backfillRange({ start: f.backfillStart, end: f.backfillEnd }, f.simulatedDates);
  }
  return { problems, periodic, backfill, peakMu };
};
