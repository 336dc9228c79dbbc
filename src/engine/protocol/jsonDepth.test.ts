import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './jsonDepth';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('jsonNestsDeeperThan', () => {
  it('accepts a body at the limit and refuses one a level past it', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('counts objects and arrays alike', () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const body = JSON.stringify({ Data: '[[[[{{{{', PartitionKey: 'a\\"[[[[\\\\' });
    expect(jsonNestsDeeperThan(body, 1)).toBe(false);
    expect(jsonNestsDeeperThan('{"k":"\\\\"}', 1)).toBe(false);
    expect(jsonNestsDeeperThan('{"k":"\\\\","x":[[1]]}', 2)).toBe(true);
  });

  it('leaves malformed text to JSON.parse', () => {
    expect(jsonNestsDeeperThan('{"unterminated: [[[[[[', 2)).toBe(false);
    expect(jsonNestsDeeperThan(']]]]', 1)).toBe(false);
  });

  it('stops early on a huge nested body', () => {
    expect(jsonNestsDeeperThan(nested(3_500_000))).toBe(true);
  });
});
