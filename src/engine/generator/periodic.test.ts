import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { SeededRng, type Rng } from '../common/rng';
import {
  backfillProblem,
  cellAt,
  cellAtTime,
  drawRecords,
  expectedRecords,
  localTime,
  normalDraw,
  periodicProblem,
  recordsFor,
  uniformGrid,
  type PeriodicRate,
} from './periodic';
import { GeneratorConfigError, GeneratorRun, type SendBatch } from './run';
import { compileTemplate } from './template';

const meanAndSd = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd };
};

// Saturday 2026-01-03 is day 6; Sunday 2026-01-04 day 0.
const SAT = Date.UTC(2026, 0, 3);

describe('the Periodic draw', () => {
  it('has the mean and spread of N(Mu, Sigma) over 20,000 seconds', () => {
    const rng = new SeededRng(11);
    const xs = Array.from({ length: 20_000 }, () => normalDraw(rng, 100, 10));
    const { mean, sd } = meanAndSd(xs);
    // The standard error of the mean is 10 / sqrt(20,000) = 0.071: 0.3 is more than 4 of them.
    expect(Math.abs(mean - 100)).toBeLessThan(0.3);
    // The standard error of the standard deviation is about 10 / sqrt(2 * 20,000) = 0.05: 0.25 is 5 of them.
    expect(Math.abs(sd - 10)).toBeLessThan(0.25);
  });

  it('sends ceil(draw) records: on average Mu + 0.5, with the same spread', () => {
    const rng = new SeededRng(12);
    const xs = Array.from({ length: 20_000 }, () => drawRecords(rng, { mu: 100, sigma: 10 }));
    expect(xs.every(Number.isInteger)).toBe(true);
    const { mean, sd } = meanAndSd(xs);
    expect(Math.abs(mean - 100.5)).toBeLessThan(0.3);
    // rounding up adds a uniform error of variance 1/12: sqrt(100 + 1/12) = 10.004
    expect(Math.abs(sd - 10)).toBeLessThan(0.25);
    expect(expectedRecords({ mu: 100, sigma: 10 })).toBeCloseTo(100.5, 2);
  });

  it('sends nothing for a negative draw, ceil for a positive one', () => {
    expect(recordsFor(-3.2)).toBe(0);
    expect(recordsFor(0)).toBe(0);
    expect(recordsFor(0.01)).toBe(1);
    expect(recordsFor(4)).toBe(4);
    // Mu 0: half the draws are negative and send nothing
    const rng = new SeededRng(13);
    const xs = Array.from({ length: 10_000 }, () => drawRecords(rng, { mu: 0, sigma: 5 }));
    const zeros = xs.filter((x) => x === 0).length;
    expect(zeros / xs.length).toBeGreaterThan(0.47);
    expect(zeros / xs.length).toBeLessThan(0.53);
    expect(Math.min(...xs)).toBe(0);
  });

  it('with Sigma 0 sends exactly ceil(Mu) every second', () => {
    const rng = new SeededRng(14);
    expect(Array.from({ length: 5 }, () => drawRecords(rng, { mu: 7.2, sigma: 0 }))).toEqual([8, 8, 8, 8, 8]);
    expect(expectedRecords({ mu: 7.2, sigma: 0 })).toBe(8);
  });
});

describe('hours and days', () => {
  it('reads the local hour and weekday from a fixed UTC offset', () => {
    // Saturday 23:30 UTC is Sunday 01:30 at UTC+2 and Saturday 18:30 at UTC-5
    const t = SAT + 23.5 * 3600_000;
    expect(localTime(t, 0)).toEqual({ hour: 23, day: 6, minute: 30 });
    expect(localTime(t, 120)).toEqual({ hour: 1, day: 0, minute: 30 });
    expect(localTime(t, -300)).toEqual({ hour: 18, day: 6, minute: 30 });
    expect(localTime(t, () => 60)).toEqual({ hour: 0, day: 0, minute: 30 });
  });

  it('picks the cell of that hour and day', () => {
    const grid = uniformGrid({ mu: 1, sigma: 1 });
    grid[9][1] = { mu: 500, sigma: 20 };
    const rate = { grid, smoothing: false };
    const monday9 = Date.UTC(2026, 0, 5, 9, 15);
    expect(cellAtTime(rate, monday9, 0)).toEqual({ mu: 500, sigma: 20 });
    expect(cellAtTime(rate, monday9 - 3600_000, 60)).toEqual({ mu: 500, sigma: 20 });
    expect(cellAtTime(rate, monday9, 60)).toEqual({ mu: 1, sigma: 1 });
  });
});

describe('smoothing', () => {
  const grid = uniformGrid({ mu: 0, sigma: 1 });
  grid[10][2] = { mu: 100, sigma: 7 };
  grid[9][2] = { mu: 40, sigma: 3 };
  grid[11][2] = { mu: 160, sigma: 9 };
  // across midnight from Saturday to Sunday
  grid[23][6] = { mu: 60, sigma: 2 };
  grid[0][0] = { mu: 120, sigma: 4 };
  grid[1][0] = { mu: 240, sigma: 5 };
  const smooth: PeriodicRate = { grid, smoothing: true };

  it("is the hour's own Mu at minute 30, the mean of two hours on the hour, and goes towards the next hour after 30", () => {
    expect(cellAt(smooth, 10, 2, 30)).toEqual({ mu: 100, sigma: 7 });
    expect(cellAt(smooth, 10, 2, 0)).toEqual({ mu: 70, sigma: 7 }); // (40 + 100) / 2
    expect(cellAt(smooth, 10, 2, 59).mu).toBeCloseTo(100 + (60 * 29) / 60, 10); // 129
    expect(cellAt(smooth, 10, 2, 59).sigma).toBe(7);
    expect(cellAt(smooth, 10, 2, 15).mu).toBeCloseTo(100 + (-60 * 15) / 60, 10); // 85
  });

  it('is continuous from one hour to the next (minute 59 of one hour to minute 0 of the next)', () => {
    const last = cellAt(smooth, 9, 2, 59).mu;
    const first = cellAt(smooth, 10, 2, 0).mu;
    expect(Math.abs(first - last)).toBeLessThan(1.01); // one minute's step of (100 - 40) / 60
  });

  it('wraps from Saturday 23:00 to Sunday 00:00', () => {
    expect(cellAt(smooth, 0, 0, 0)).toEqual({ mu: 90, sigma: 4 }); // (60 + 120) / 2
    expect(cellAt(smooth, 23, 6, 59).mu).toBeCloseTo(60 + (60 * 29) / 60, 10); // 89
    expect(cellAt(smooth, 0, 0, 59).mu).toBeCloseTo(120 + (120 * 29) / 60, 10); // 178
    expect(cellAt(smooth, 0, 0, 30).mu).toBe(120);
    // and through the clock: Sunday 00:00 UTC
    expect(cellAtTime(smooth, SAT + 24 * 3600_000, 0).mu).toBe(90);
  });

  it('is off by default: steps from hour to hour', () => {
    expect(cellAt({ grid, smoothing: false }, 10, 2, 0)).toEqual({ mu: 100, sigma: 7 });
    expect(cellAt({ grid, smoothing: false }, 10, 2, 59)).toEqual({ mu: 100, sigma: 7 });
  });
});

describe('checks', () => {
  it('says which cell is not a number of 0 or more', () => {
    expect(periodicProblem(uniformGrid())).toBeUndefined();
    const g = uniformGrid();
    g[5][3] = { mu: -1, sigma: 2 };
    expect(periodicProblem(g)).toBe('Mu at Wednesday 05:00 must be a number of 0 or more');
    g[5][3] = { mu: 1, sigma: Number.NaN };
    expect(periodicProblem(g)).toBe('Sigma at Wednesday 05:00 must be a number of 0 or more');
    expect(periodicProblem(g.slice(1))).toBe('The Periodic rate needs 24 hours of 7 days each');
  });

  it('refuses a backfill range that is empty, reversed or longer than 7 days', () => {
    expect(backfillProblem(0, 3600_000)).toBeUndefined();
    expect(backfillProblem(1000, 1000)).toBe('The simulated end must be after the start');
    expect(backfillProblem(2000, 1000)).toBe('The simulated end must be after the start');
    expect(backfillProblem(0, 7 * 86400_000 + 1)).toMatch(/at most 7 days/);
    expect(backfillProblem(Number.NaN, 1)).toMatch(/must be dates and times/);
  });
});

describe('a Periodic run on the clock', () => {
  const TEMPLATE = compileTemplate('{"n":{{sequence.next}}}');
  const ack: SendBatch = async (batch) => ({ FailedRecordCount: 0, Records: batch.map(() => ({ SequenceNumber: '1', ShardId: 's' })) });

  const runFor = async (rate: PeriodicRate, seconds: number, rng: Rng, start = Date.UTC(2026, 0, 5, 9), utcOffset = 0) => {
    const clock = new VirtualClock(start);
    const perSecond: number[] = [];
    const run = new GeneratorRun({ template: TEMPLATE, rate: 1, periodic: rate, utcOffset, send: ack, clock, rng });
    run.start();
    let before = 0;
    for (let s = 0; s < seconds; s++) {
      for (let k = 0; k < 10; k++) {
        clock.advance(100);
        run.tick();
        await run.idle();
      }
      perSecond.push(run.stats().rendered - before);
      before = run.stats().rendered;
    }
    return { run, perSecond, clock };
  };

  it('sends about Mu records each second with a spread of Sigma, and reports the cell in force', async () => {
    const grid = uniformGrid({ mu: 0, sigma: 0 });
    grid[9][1] = { mu: 300, sigma: 30 };
    const { run, perSecond } = await runFor({ grid, smoothing: false }, 600, new SeededRng(5));
    const { mean, sd } = meanAndSd(perSecond.slice(1));
    // 600 seconds: standard error of the mean 30 / sqrt(600) = 1.2
    expect(Math.abs(mean - 300.5)).toBeLessThan(5);
    expect(sd).toBeGreaterThan(25);
    expect(sd).toBeLessThan(35);
    const st = run.stats();
    expect(st.rateMode).toBe('periodic');
    expect(st.periodic).toMatchObject({ mu: 300, sigma: 30 });
    expect(st.periodic!.expected).toBeCloseTo(300.5, 1);
    expect(st.acknowledged).toBe(st.rendered);
  });

  it('follows the grid into the next hour, in the zone it is given', async () => {
    const grid = uniformGrid({ mu: 0, sigma: 0 });
    grid[10][1] = { mu: 50, sigma: 0 };
    // Monday 09:59:50 UTC is 10:59:50 at UTC+1: ten seconds of 50, then Monday 11:00 sends nothing
    const { perSecond } = await runFor({ grid, smoothing: false }, 20, new SeededRng(6), Date.UTC(2026, 0, 5, 9, 59, 50), 60);
    expect(perSecond.slice(0, 10)).toEqual(Array(10).fill(50));
    expect(perSecond.slice(10)).toEqual(Array(10).fill(0));
  });

  it('is not owed the seconds the clock skipped', async () => {
    const grid = uniformGrid({ mu: 100, sigma: 0 });
    const { run, clock } = await runFor({ grid, smoothing: false }, 2, new SeededRng(7));
    const before = run.stats().rendered;
    clock.advance(3600_000);
    run.timeJumped(3600_000);
    run.tick();
    await run.idle();
    expect(run.stats().rendered - before).toBeLessThanOrEqual(100);
  });

  it('refuses a grid with a negative cell', () => {
    const grid = uniformGrid();
    grid[0][0] = { mu: -5, sigma: 1 };
    expect(
      () => new GeneratorRun({ template: TEMPLATE, rate: 1, periodic: { grid, smoothing: false }, send: ack, clock: new VirtualClock(), rng: new SeededRng(1) }),
    ).toThrow(new GeneratorConfigError('Mu at Sunday 00:00 must be a number of 0 or more'));
  });
});
