/** An injectable source of randomness: seeded for tests and repeatable previews. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: small, fast, and good enough for ids, jitter and sample data. */
export class SeededRng implements Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** Randomness from the platform, for the running emulator. */
export class PlatformRng implements Rng {
  next(): number {
    // eslint-disable-next-line no-restricted-properties
    return Math.random();
  }
}

export const randomHex = (rng: Rng, length: number): string => {
  let s = '';
  for (let i = 0; i < length; i++) s += Math.floor(rng.next() * 16).toString(16);
  return s;
};

/** A version-4-shaped UUID from the injected Rng. */
export const randomUuid = (rng: Rng): string => {
  const h = randomHex(rng, 32).split('');
  h[12] = '4';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};
