import { describe, expect, it } from 'vitest';
import { ScaledClock } from './common/clock';
import { ADVANCE_RETRY_MS } from './emulator';
import { MAX_WAIT_MS, Scheduler, VirtualTimers } from './scheduler';

const T0 = Date.UTC(2026, 0, 1);

/** Work every `every` emulated ms, recording the emulated times it ran at. */
const periodic = (every: number) => {
  const ran: number[] = [];
  let next = T0 + every;
  const advance = (now: number) => {
    if (now >= next) {
      ran.push(now - T0);
      next += every;
    }
    return next;
  };
  return { ran, advance };
};

const setup = (speed = 1) => {
  const timers = new VirtualTimers(T0);
  const clock = new ScaledClock(timers, speed);
  return { timers, clock };
};

describe('Scheduler', () => {
  it('runs the work at the emulated times it asks for, at 1x', () => {
    const { timers, clock } = setup();
    const w = periodic(60_000);
    new Scheduler(w.advance, clock, timers).start();
    timers.advance(59_999);
    expect(w.ran).toEqual([]);
    timers.advance(1);
    expect(w.ran).toEqual([60_000]);
    timers.advance(120_000);
    expect(w.ran).toEqual([60_000, 120_000, 180_000]);
  });

  it('at 60x a 60-second interval passes in one second of wall time', () => {
    const { timers, clock } = setup(60);
    const w = periodic(60_000);
    new Scheduler(w.advance, clock, timers).start();
    timers.advance(999);
    expect(w.ran).toEqual([]);
    timers.advance(1);
    expect(w.ran).toEqual([60_000]);
    timers.advance(2000);
    expect(w.ran).toEqual([60_000, 120_000, 180_000]);
  });

  it('plans again when the speed changes, keeping the emulated due time', () => {
    const { timers, clock } = setup();
    const w = periodic(60_000);
    const s = new Scheduler(w.advance, clock, timers);
    s.start();
    timers.advance(30_000);
    clock.setSpeed(10);
    s.poke();
    // 30 emulated seconds left at 10x: 3 wall seconds.
    timers.advance(2999);
    expect(w.ran).toEqual([]);
    timers.advance(1);
    expect(w.ran).toEqual([60_000]);
    expect(s.next).toBe(T0 + 120_000);
  });

  it('runs at once what a skip ahead made due', () => {
    const { timers, clock } = setup();
    const w = periodic(60_000);
    const s = new Scheduler(w.advance, clock, timers);
    s.start();
    clock.skip(60_000);
    s.poke();
    timers.advance(0);
    expect(w.ran).toEqual([60_000]);
  });

  it('waits at most MAX_WAIT_MS of wall time at once, and runs nothing early', () => {
    const { timers, clock } = setup();
    const w = periodic(24 * 3_600_000);
    new Scheduler(w.advance, clock, timers).start();
    expect(timers.armed).toEqual([MAX_WAIT_MS]);
    timers.advance(24 * 3_600_000 - 1);
    expect(w.ran).toEqual([]);
    timers.advance(1);
    expect(w.ran).toEqual([24 * 3_600_000]);
  });

  it('arms nothing while no work is scheduled, and a poke asks again', () => {
    const { timers, clock } = setup();
    const plan: { due?: number } = {};
    const asked: number[] = [];
    const s = new Scheduler(
      (now) => {
        asked.push(now - T0);
        return plan.due !== undefined && now < plan.due ? plan.due : undefined;
      },
      clock,
      timers,
    );
    s.start();
    expect(timers.armed).toEqual([]);
    timers.advance(5000);
    plan.due = T0 + 7000;
    s.poke();
    timers.advance(5000);
    expect(asked).toEqual([0, 5000, 7000]);
    expect(timers.armed).toEqual([]);
  });

  it('retries a second of emulated time after the work itself throws, and reports it', () => {
    const { timers, clock } = setup(2);
    const errors: string[] = [];
    let calls = 0;
    new Scheduler(
      () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return undefined;
      },
      clock,
      timers,
      (e) => errors.push((e as Error).message),
    ).start();
    expect(errors).toEqual(['boom']);
    expect(timers.armed).toEqual([ADVANCE_RETRY_MS / 2]);
    timers.advance(ADVANCE_RETRY_MS / 2);
    expect(calls).toBe(2);
  });

  it('stop() cancels what is planned', () => {
    const { timers, clock } = setup();
    const w = periodic(1000);
    const s = new Scheduler(w.advance, clock, timers);
    s.start();
    s.stop();
    s.poke();
    timers.advance(10_000);
    expect(w.ran).toEqual([]);
    expect(timers.armed).toEqual([]);
  });
});
