import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToText, bytesToBase64, decodeBase64Into, encodeBase64, textToBase64 } from './base64';

describe('base64', () => {
  it('round-trips bytes, all 256 values and an empty array', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('encodes UTF-8 text as AWS expects it', () => {
    expect(textToBase64('{"t":"é"}')).toBe('eyJ0Ijoiw6kifQ==');
    expect(base64ToText('eyJ0Ijoiw6kifQ==')).toBe('{"t":"é"}');
  });

  it('handles large inputs', () => {
    const big = new Uint8Array(200_000).fill(65);
    expect(base64ToBytes(bytesToBase64(big)).length).toBe(200_000);
  });
});

describe('decodeBase64Into and encodeBase64', () => {
  it('decode into a buffer at an offset and encode a range, for every length and padding', () => {
    for (let n = 0; n < 200; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = btoa(String.fromCharCode(...b));
      expect(encodeBase64(b)).toBe(text);
      const wide = new Uint8Array(n + 10).fill(7);
      wide.set(b, 5);
      expect(encodeBase64(wide, 5, 5 + n)).toBe(text);
      const out = new Uint8Array(n + 3).fill(9);
      expect(decodeBase64Into(text, out, 3)).toBe(n);
      expect([...out.subarray(0, 3)]).toEqual([9, 9, 9]);
      expect(out.subarray(3)).toEqual(b);
    }
  });

  it('reads text that is not padded to whole groups as atob does', () => {
    expect([...base64ToBytes('AQI')]).toEqual([1, 2]);
  });
});
