import { describe, expect, it } from 'vitest';
import { serviceTimeFrom } from './useEmulatorConsole';

describe('serviceTimeFrom', () => {
  it("is the wall clock when there is no emulator clock (AWS mode)", () => {
    expect(serviceTimeFrom(undefined, 1_000_000)).toBe(1_000_000);
  });

  it("runs on from the emulator's last reading at the emulator's speed", () => {
    // Read 2 s ago at 60x: the emulator has moved on two minutes since.
    expect(serviceTimeFrom({ now: 5_000_000, wallAt: 9_000_000, speed: 60 }, 9_002_000)).toBe(5_120_000);
    expect(serviceTimeFrom({ now: 5_000_000, wallAt: 9_000_000, speed: 0.1 }, 9_002_000)).toBe(5_000_200);
  });

  it('turns a wall time before the reading into the emulator time it was then', () => {
    expect(serviceTimeFrom({ now: 5_000_000, wallAt: 9_000_000, speed: 60 }, 8_999_000)).toBe(4_940_000);
  });
});
