import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex, md5Words } from './md5';

describe('md5Hex', () => {
  it.each(['', 'a', 'partition-key', 'héllo wörld €', '😀 emoji', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(300), '\ud800lone'])(
    'matches MD5 of the UTF-8 bytes of %j',
    (s) => {
      expect(md5Hex(s)).toBe(createHash('md5').update(Buffer.from(s, 'utf8')).digest('hex'));
    },
  );

  it('gives the same key as four big-endian words', () => {
    const w = [0, 0, 0, 0];
    md5Words('partition-key', w);
    expect(w.map((x) => x.toString(16).padStart(8, '0')).join('')).toBe(md5Hex('partition-key'));
  });
});
