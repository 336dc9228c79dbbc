import type { ClockReading } from './generatorProtocol';

/*
 * The emulator's clock as the page last read it, for the page's generator whether or not it exists
 * yet. Apart from generatorClient.ts so the page's first download (the top bar reads the clock)
 * holds none of the generator.
 */
let last: { reading: ClockReading | undefined } | undefined;
const followers = new Set<(reading: ClockReading | undefined) => void>();

/** The page reads the clock every second and after each speed change or skip, and hands each reading on. */
export const followEmulatorClock = (reading: ClockReading | undefined): void => {
  last = { reading };
  for (const f of followers) f(reading);
};

/** Calls `f` with the latest reading now (if there is one) and with every later one. */
export const onEmulatorClock = (f: (reading: ClockReading | undefined) => void): void => {
  followers.add(f);
  if (last) f(last.reading);
};
