import { describe, expect, it } from 'vitest';
import { bigToHex, evenRanges, findRange, findRangeWords, hexToWords, MAX_HASH_KEY } from './hashkeys';

describe('hash keys', () => {
  it('splits the space evenly, the last range ending at 2^128-1', () => {
    const r = evenRanges(3);
    const step = (1n << 128n) / 3n;
    expect(r).toEqual([
      [0n, step - 1n],
      [step, 2n * step - 1n],
      [2n * step, MAX_HASH_KEY],
    ]);
  });

  it('orders 32-digit hex keys as numbers and finds the range holding a key', () => {
    const starts = evenRanges(4).map(([a]) => bigToHex(a));
    const words = starts.flatMap((s) => [...hexToWords(s)]);
    for (const [key, want] of [
      [0n, 0],
      [(1n << 126n) - 1n, 0],
      [1n << 126n, 1],
      [(1n << 127n) + 5n, 2],
      [MAX_HASH_KEY, 3],
    ] as const) {
      expect(findRange(starts, bigToHex(key))).toBe(want);
      expect(findRangeWords(words, hexToWords(bigToHex(key)))).toBe(want);
    }
  });
});
