import { describe, expect, it } from 'vitest';
import {
  backfillProblems,
  defaultGridText,
  defaultRateForm,
  fillGrid,
  formatLocalDateTime,
  gridNumbers,
  gridProblem,
  parseLocalDateTime,
  rateChoice,
  weekPreview,
  type RateFormValues,
} from './generatorRate';

describe('the Periodic grid as typed', () => {
  it('starts at KDG\'s defaults, Mu 100 and Sigma 10 in all 168 cells', () => {
    const g = defaultGridText();
    expect(g).toHaveLength(24);
    expect(g.every((row) => row.length === 7 && row.every((c) => c.mu === '100' && c.sigma === '10'))).toBe(true);
    expect(gridProblem(g)).toBeUndefined();
  });

  it('fills a row (an hour), a column (a weekday) or everything', () => {
    const g = defaultGridText();
    const row = fillGrid(g, { mu: '5', sigma: '1' }, { hour: 9 });
    expect(row[9].every((c) => c.mu === '5')).toBe(true);
    expect(row[8][0].mu).toBe('100');
    const col = fillGrid(g, { mu: '7', sigma: '2' }, { day: 0 });
    expect(col.every((r) => r[0].mu === '7' && r[1].mu === '100')).toBe(true);
    const all = fillGrid(g, { mu: '1', sigma: '0' }, {});
    expect(all.flat().every((c) => c.mu === '1' && c.sigma === '0')).toBe(true);
    expect(g[9][0].mu).toBe('100'); // the original is left alone
  });

  it('names the bad cells: empty, negative or not a number', () => {
    let g = fillGrid(defaultGridText(), { mu: '-1', sigma: '1' }, { hour: 3, day: 2 });
    expect(gridProblem(g)).toBe('Every Mu and Sigma of the Periodic rate must be a number of 0 or more (Mu at Tuesday 03:00)');
    g = fillGrid(g, { mu: 'x', sigma: '' }, { hour: 0, day: 0 });
    expect(gridProblem(g)).toBe('Every Mu and Sigma of the Periodic rate must be a number of 0 or more (3 fields, first Mu at Sunday 00:00)');
    expect(gridNumbers(defaultGridText())[0][0]).toEqual({ mu: 100, sigma: 10 });
  });

  it('previews a week every 15 minutes, with a band of one Sigma not below 0', () => {
    const grid = gridNumbers(fillGrid(defaultGridText(), { mu: '4', sigma: '10' }, {}));
    const points = weekPreview({ grid, smoothing: false });
    expect(points).toHaveLength(672);
    expect(points[0]).toEqual({ t: 0, mu: 4, band: [0, 14] });
    expect(points[671].t).toBe(167.75);
  });
});

describe('the backfill range as typed', () => {
  it('reads YYYY-MM-DD HH:mm:ss in local time, strictly', () => {
    expect(parseLocalDateTime('2026-11-30 08:00:00')).toBe(new Date(2026, 10, 30, 8).getTime());
    expect(parseLocalDateTime('2026-11-30T08:05')).toBe(new Date(2026, 10, 30, 8, 5).getTime());
    expect(parseLocalDateTime('2026-11-31 08:00:00')).toBeNaN();
    expect(parseLocalDateTime('2026-11-30 24:00:00')).toBeNaN();
    expect(parseLocalDateTime('2026-11-30 08:00:60')).toBeNaN();
    expect(parseLocalDateTime('yesterday')).toBeNaN();
    const t = new Date(2026, 0, 2, 3, 4, 5).getTime();
    expect(parseLocalDateTime(formatLocalDateTime(t))).toBe(t);
  });

  it('says which field is wrong, then what is wrong with the range', () => {
    expect(backfillProblems({ start: 'x', end: '2026-11-30 08:00:00' })).toEqual({ start: 'Enter a date and time as YYYY-MM-DD HH:mm:ss', end: undefined });
    expect(backfillProblems({ start: '2026-11-30 08:00:00', end: '2026-11-30 07:00:00' })).toEqual({ range: 'The simulated end must be after the start' });
    expect(backfillProblems({ start: '2026-11-01 00:00:00', end: '2026-11-09 00:00:00' }).range).toMatch(/at most 7 days/);
    expect(backfillProblems({ start: '2026-11-30 08:00:00', end: '2026-11-30 08:10:00' })).toEqual({ range: undefined });
  });
});

describe('what a run takes from the rate settings', () => {
  const base: RateFormValues = defaultRateForm();

  it('a constant rate on the clock: nothing extra', () => {
    expect(rateChoice(base)).toEqual({ problems: [], periodic: undefined, backfill: undefined, peakMu: undefined });
  });

  it('Periodic with a backfill: the grid as numbers, the range, and the highest Mu', () => {
    const c = rateChoice({
      ...base,
      rateMode: 'periodic',
      smoothing: true,
      periodicGrid: fillGrid(defaultGridText(), { mu: '900', sigma: '1' }, { hour: 12 }),
      backfill: true,
      backfillStart: '2026-11-30 08:00:00',
      backfillEnd: '2026-11-30 09:00:00',
      simulatedDates: true,
    });
    expect(c.problems).toEqual([]);
    expect(c.peakMu).toBe(900);
    expect(c.periodic?.smoothing).toBe(true);
    expect(c.backfill).toEqual({ start: new Date(2026, 10, 30, 8).getTime(), end: new Date(2026, 10, 30, 9).getTime(), simulatedDates: true });
  });

  it('lists every problem that stops a run', () => {
    const c = rateChoice({ ...base, rateMode: 'periodic', periodicGrid: fillGrid(defaultGridText(), { mu: '', sigma: '1' }, { hour: 1, day: 1 }), backfill: true, backfillStart: 'soon' });
    expect(c.problems).toEqual([
      'Every Mu and Sigma of the Periodic rate must be a number of 0 or more (Mu at Monday 01:00)',
      'Simulated start: Enter a date and time as YYYY-MM-DD HH:mm:ss',
      'Simulated end: Enter a date and time as YYYY-MM-DD HH:mm:ss',
    ]);
  });
});
