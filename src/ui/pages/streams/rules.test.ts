import { describe, expect, it } from 'vitest';
import { shardCountProblem } from './rules';

describe('form rules (the constraints AWS applies)', () => {
  it('wants a whole shard count of at least 1', () => {
    expect(shardCountProblem('2')).toBeUndefined();
    expect(shardCountProblem('0')).toBe('Member must have value greater than or equal to 1');
    expect(shardCountProblem('1.5')).toBe('Enter a whole number of shards.');
    expect(shardCountProblem('500')).toBeUndefined();
    expect(shardCountProblem('501')).toBe('More than the default account quota of 500 shards: AWS will refuse it.');
  });
});
