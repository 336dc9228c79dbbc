import { describe, expect, it } from 'vitest';
import { decodeData } from './records';

const enc = new TextEncoder();

describe('decodeData', () => {
  it('shows JSON pretty-printed next to its Base64', () => {
    const d = decodeData(enc.encode('{"sensor":"a","t":21.5}'));
    expect(d.json).toBe('{\n  "sensor": "a",\n  "t": 21.5\n}');
    expect(d.base64).toBe(Buffer.from('{"sensor":"a","t":21.5}').toString('base64'));
    expect(d.size).toBe(23);
  });

  it('keeps plain text as text, without a JSON view', () => {
    expect(decodeData(enc.encode('hello, world'))).toEqual({ text: 'hello, world', json: undefined, base64: 'aGVsbG8sIHdvcmxk', size: 12 });
  });

  it('shows only Base64 for bytes that are not UTF-8', () => {
    const d = decodeData(new Uint8Array([0xff, 0xfe, 0x00]));
    expect(d.text).toBeUndefined();
    expect(d.base64).toBe('//4A');
  });

  it('encodes large records without overflowing the call stack', () => {
    const big = new Uint8Array(300_000).fill(65);
    expect(decodeData(big).base64).toBe(Buffer.from(big).toString('base64'));
  });
});
