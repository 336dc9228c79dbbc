import { describe, expect, it } from 'vitest';
import { decodeBase64Into } from './base64';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);

describe('Base64', () => {
  it.each([0, 1, 2, 3, 4, 5, 100, 70_000])('decodes %i bytes as Node does', (n) => {
    const b = bytes(n);
    const out = new Uint8Array(n);
    expect(decodeBase64Into(Buffer.from(b).toString('base64'), out, 0)).toBe(n);
    expect(out).toEqual(b);
  });

  it('decodes into a larger buffer at an offset, saying how many bytes it wrote', () => {
    const out = new Uint8Array(8).fill(0xee);
    expect(decodeBase64Into(btoa('abc'), out, 2)).toBe(3);
    expect(decodeBase64Into(btoa('de'), out, 5)).toBe(2);
    expect(new TextDecoder().decode(out.subarray(2, 7))).toBe('abcde');
    expect(out[7]).toBe(0xee);
  });
});
