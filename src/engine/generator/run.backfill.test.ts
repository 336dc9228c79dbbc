import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { SeededRng } from '../common/rng';
import { uniformGrid } from './periodic';
import { GeneratorConfigError, GeneratorRun, type GeneratorRunOptions, type OutgoingRecord, type PutResult, type SendBatch } from './run';
import { compileTemplate } from './template';

// Simulated time: the records of every second of a past range, as fast as they are acknowledged.
const START = Date.UTC(2026, 5, 1, 8, 0, 0);
const HOUR = 3600_000;
const decoder = new TextDecoder();
const parse = (r: OutgoingRecord) => JSON.parse(decoder.decode(r.Data)) as { sim: string; now: string; utc: string; n: number };
const TEMPLATE = compileTemplate('{"n":{{sequence.next}},"sim":"{{date.simTime}}","now":"{{date.now}}","utc":"{{date.utc("YYYY-MM-DD HH:mm:ss")}}"}');

const ackAll = () => {
  const acked: OutgoingRecord[] = [];
  const send: SendBatch = async (batch) => {
    acked.push(...batch);
    return { FailedRecordCount: 0, Records: batch.map(() => ({ SequenceNumber: '1', ShardId: 'shardId-000000000000' })) };
  };
  return { send, acked };
};

/** The host's loop on virtual time: tick, let calls settle, wait what tick asks. Returns the ticks it took. */
const runToEnd = async (run: GeneratorRun, clock: VirtualClock, onTick?: () => void, maxTicks = 100_000) => {
  let ticks = 0;
  for (; ticks < maxTicks; ticks++) {
    const wait = run.tick();
    onTick?.();
    await run.idle();
    onTick?.();
    if (wait < 0) break;
    clock.advance(wait);
  }
  return ticks;
};

const backfillRun = (opts: Partial<GeneratorRunOptions> & { send: SendBatch }) => {
  const clock = new VirtualClock(Date.UTC(2026, 11, 2, 12));
  const run = new GeneratorRun({
    template: TEMPLATE,
    rate: 2,
    backfill: { start: START, end: START + HOUR },
    clock,
    rng: new SeededRng(9),
    ...opts,
  });
  return { clock, run };
};

describe('backfill', () => {
  it('generates every simulated second of a one-hour range in order, with date.simTime stepping by one second, then completes', async () => {
    const s = ackAll();
    const { run, clock } = backfillRun({ send: s.send });
    run.start();
    await runToEnd(run, clock);
    const st = run.stats();
    expect(st.state).toBe('completed');
    expect(st.stopReason).toBe('Backfill complete: 7200 records for 3600 simulated seconds');
    expect(st.acknowledged).toBe(7200);
    const seconds = [...new Set(s.acked.map((r) => parse(r).sim))];
    expect(seconds).toHaveLength(3600);
    expect(seconds[0]).toBe(dayjs(START).format());
    expect(seconds[3599]).toBe(dayjs(START + HOUR - 1000).format());
    for (let i = 1; i < seconds.length; i++) expect(dayjs(seconds[i]).valueOf() - dayjs(seconds[i - 1]).valueOf()).toBe(1000);
    // two records per simulated second, in order
    const sims = s.acked.map((r) => dayjs(parse(r).sim).valueOf());
    for (let i = 0; i < sims.length; i++) expect(sims[i]).toBe(START + Math.floor(i / 2) * 1000);
    expect(st.backfill).toMatchObject({ secondsDone: 3600, totalSeconds: 3600, start: START, end: START + HOUR });
  });

  it('takes far less clock time than the range it covers', async () => {
    const s = ackAll();
    const { run, clock } = backfillRun({ send: s.send, rate: 100, backfill: { start: START, end: START + 600_000 } });
    const t0 = clock.now();
    run.start();
    await runToEnd(run, clock);
    expect(run.stats().acknowledged).toBe(60_000);
    expect(clock.now() - t0).toBeLessThan(60_000);
  });

  it('leaves date.now at the clock unless asked, and then renders the simulated second in every date helper', async () => {
    const real = ackAll();
    const a = backfillRun({ send: real.send, backfill: { start: START, end: START + 5000 } });
    a.run.start();
    await runToEnd(a.run, a.clock);
    expect(parse(real.acked[0]).now).toBe(dayjs(a.clock.now()).format());

    const sim = ackAll();
    const b = backfillRun({ send: sim.send, backfill: { start: START, end: START + 5000, simulatedDates: true } });
    b.run.start();
    await runToEnd(b.run, b.clock);
    const recs = sim.acked.map(parse);
    expect(recs.map((r) => r.now)).toEqual(recs.map((r) => r.sim));
    expect(recs[recs.length - 1].utc).toBe('2026-06-01 08:00:04');
  });

  it('draws each simulated second from the Periodic cell of its hour and weekday', async () => {
    // Monday 2026-06-01: 08:00 sends 3 a second, 09:00 sends none
    const grid = uniformGrid({ mu: 0, sigma: 0 });
    grid[8][1] = { mu: 3, sigma: 0 };
    const s = ackAll();
    const { run, clock } = backfillRun({ send: s.send, periodic: { grid, smoothing: false }, backfill: { start: START + HOUR - 10_000, end: START + HOUR + 10_000 } });
    run.start();
    await runToEnd(run, clock);
    expect(run.stats().acknowledged).toBe(30);
    expect(run.stats().backfill?.secondsDone).toBe(20);
    expect(run.stats().periodic).toMatchObject({ mu: 0, sigma: 0 });
  });

  it('never holds more than its bound in memory against a throttling stream, and delivers everything', async () => {
    // The stream accepts at most 1,000 records per second of the clock; the rest fail and are retried.
    let windowSecond = -1;
    let inWindow = 0;
    const seen = new Set<number>();
    const clock = new VirtualClock(Date.UTC(2026, 11, 2, 12));
    const send: SendBatch = async (batch) => {
      const sec = Math.floor(clock.now() / 1000);
      if (sec !== windowSecond) {
        windowSecond = sec;
        inWindow = 0;
      }
      const Records: PutResult['Records'] = batch.map((r) => {
        if (inWindow >= 1000) return { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'Rate exceeded' };
        inWindow++;
        seen.add(parse(r).n);
        return { SequenceNumber: '1', ShardId: 'shardId-000000000000' };
      });
      return { FailedRecordCount: Records.filter((e) => e.ErrorCode).length, Records };
    };
    const maxQueued = 2000;
    const maxInFlight = 4;
    const run = new GeneratorRun({
      template: TEMPLATE,
      rate: 100,
      backfill: { start: START, end: START + 600_000 },
      maxQueued,
      maxInFlight,
      retryBaseMs: 50,
      retryMaxMs: 1000,
      clock,
      rng: new SeededRng(4),
      send,
    });
    run.start();
    let most = 0;
    await runToEnd(run, clock, () => (most = Math.max(most, run.stats().pending)));
    const st = run.stats();
    expect(st.state).toBe('completed');
    expect(st.failed).toBeGreaterThan(0);
    expect(st.acknowledged).toBe(60_000);
    expect(seen.size).toBe(60_000);
    expect(most).toBeLessThanOrEqual(maxQueued + maxInFlight * 500);
  });

  it('stops at the record limit before the end of the range', async () => {
    const s = ackAll();
    const { run, clock } = backfillRun({ send: s.send, limit: 11 });
    run.start();
    await runToEnd(run, clock);
    expect(run.stats()).toMatchObject({ state: 'completed', acknowledged: 11, stopReason: 'Sent 11 records (limit 11)' });
  });

  it('a resumed backfill carries on after the simulated seconds it had finished', async () => {
    const s = ackAll();
    const first = backfillRun({ send: s.send, backfill: { start: START, end: START + 10_000 } });
    first.run.start();
    await runToEnd(first.run, first.clock);
    const done = first.run.stats();
    const again = ackAll();
    const resumed = backfillRun({
      send: again.send,
      backfill: { start: START, end: START + 20_000 },
      resume: { ...done, backfill: { secondsDone: 10 } },
    });
    resumed.run.start();
    await runToEnd(resumed.run, resumed.clock);
    expect(again.acked).toHaveLength(20);
    expect(parse(again.acked[0]).sim).toBe(dayjs(START + 10_000).format());
    expect(resumed.run.stats().backfill?.secondsDone).toBe(20);
  });

  it('refuses an empty or too long range', () => {
    const s = ackAll();
    expect(() => backfillRun({ send: s.send, backfill: { start: START, end: START } })).toThrow(
      new GeneratorConfigError('The simulated end must be after the start'),
    );
    expect(() => backfillRun({ send: s.send, backfill: { start: START, end: START + 8 * 24 * HOUR } })).toThrow(/at most 7 days/);
  });
});
