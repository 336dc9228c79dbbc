import { describe, expect, it } from 'vitest';
import { abbreviateDigits, ELLIPSIS } from './longNumber';

const HASH_MAX = '340282366920938463463374607431768211455';
const SEQUENCE = '49617953920118722536178839018385123742011232573400645634';

describe('abbreviateDigits: a long number in a few characters', () => {
  it('keeps the first and last six digits of a 39-digit hash key around an ellipsis', () => {
    expect(abbreviateDigits(HASH_MAX)).toBe(`340282${ELLIPSIS}211455`);
  });

  it('shortens a 56-digit sequence number the same way', () => {
    expect(abbreviateDigits(SEQUENCE)).toBe('496179…645634');
  });

  it('tells apart the end of one shard and the start of the next (they differ in the last digit)', () => {
    const endOfFirst = '170141183460469231731687303715884105727';
    const startOfSecond = '170141183460469231731687303715884105728';
    expect(abbreviateDigits(endOfFirst)).not.toBe(abbreviateDigits(startOfSecond));
  });

  it('leaves a value that is no longer than its shortened form unchanged', () => {
    expect(abbreviateDigits('0')).toBe('0');
    expect(abbreviateDigits('1234567890123')).toBe('1234567890123');
    expect(abbreviateDigits('12345678901234')).toBe(`123456${ELLIPSIS}901234`);
  });

  it('takes other head and tail lengths', () => {
    expect(abbreviateDigits(HASH_MAX, 3, 2)).toBe(`340${ELLIPSIS}55`);
  });
});
