import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8';

const encoded = (s: string) => new TextEncoder().encode(s).length;

describe('utf8Length', () => {
  it('counts the bytes TextEncoder writes: 1 to 4 per character', () => {
    for (const s of ['', 'abc', 'é', 'sensor-温度', '🚀', 'a🚀b€']) expect(utf8Length(s)).toBe(encoded(s));
  });

  it('counts a lone surrogate as U+FFFD (3 bytes), wherever it sits', () => {
    for (const s of ['\ud800', '\ud800x', 'x\udc00', '\ud800\ud800', '\udc00\ud800', '🚀\ud800']) {
      expect(utf8Length(s)).toBe(encoded(s));
    }
  });
});
