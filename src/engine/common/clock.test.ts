import { describe, expect, it } from 'vitest';
import { MirrorClock, ScaledClock, VirtualClock, type ClockReading } from './clock';

/** A reading of `clock` as the emulator worker sends it. */
const read = (clock: ScaledClock, _wall: VirtualClock): ClockReading => clock.reading();

describe('ScaledClock.reading', () => {
  it('says its time, its base time and its speed at one instant', () => {
    const wall = new VirtualClock(1_000_000);
    const clock = new ScaledClock(wall, 60);
    wall.advance(1000);
    clock.skip(5000);
    expect(clock.reading()).toEqual({ now: 1_065_000, wallAt: 1_001_000, speed: 60 });
  });
});

describe('MirrorClock', () => {
  it('is the wall clock until it has a reading', () => {
    const wall = new VirtualClock(1_000_000);
    const mirror = new MirrorClock(wall);
    wall.advance(2500);
    expect(mirror.now()).toBe(1_002_500);
    expect(mirror.speed).toBe(1);
  });

  it('keeps time with the clock it mirrors at 60x, between readings', () => {
    const wall = new VirtualClock(1_000_000);
    const emulator = new ScaledClock(wall, 60);
    const mirror = new MirrorClock(wall);
    mirror.follow(read(emulator, wall));
    wall.advance(1000);
    expect(mirror.now()).toBe(emulator.now());
    expect(mirror.now()).toBe(1_060_000);
  });

  it('follows a speed change without a jump, and reports none', () => {
    const wall = new VirtualClock(1_000_000);
    const emulator = new ScaledClock(wall);
    const mirror = new MirrorClock(wall);
    mirror.follow(read(emulator, wall));
    wall.advance(3000);
    emulator.setSpeed(10);
    expect(mirror.follow(read(emulator, wall))).toBe(0);
    expect(mirror.speed).toBe(10);
    wall.advance(500);
    expect(mirror.now()).toBe(emulator.now());
    expect(mirror.now()).toBe(1_008_000);
  });

  it('follows a skip ahead and reports its size, even from a reading taken a moment earlier', () => {
    const wall = new VirtualClock(1_000_000);
    const emulator = new ScaledClock(wall, 2);
    const mirror = new MirrorClock(wall);
    mirror.follow(read(emulator, wall));
    wall.advance(1000);
    emulator.skip(60_000);
    const reading = read(emulator, wall);
    wall.advance(250); // the reading crossed a thread
    expect(mirror.follow(reading)).toBe(60_000);
    expect(mirror.now()).toBe(emulator.now());
  });

  it('goes back to the wall clock when told to (a switch to AWS)', () => {
    const wall = new VirtualClock(1_000_000);
    const emulator = new ScaledClock(wall);
    emulator.skip(3_600_000);
    const mirror = new MirrorClock(wall);
    mirror.follow(read(emulator, wall));
    expect(mirror.follow(undefined)).toBe(-3_600_000);
    expect(mirror.now()).toBe(wall.now());
  });
});
