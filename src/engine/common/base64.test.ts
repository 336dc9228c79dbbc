import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToText, bytesToBase64, textToBase64 } from './base64';

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
