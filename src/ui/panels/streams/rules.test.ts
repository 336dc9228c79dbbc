import { describe, expect, it } from 'vitest';
import { shardCountProblem, streamNameProblem } from './rules';

describe('form rules (the constraints AWS applies)', () => {
  it('accepts 1-128 characters of [a-zA-Z0-9_.-]', () => {
    expect(streamNameProblem('a')).toBeUndefined();
    expect(streamNameProblem('My_Stream-1.0')).toBeUndefined();
    expect(streamNameProblem('x'.repeat(128))).toBeUndefined();
  });

  it('names the broken constraint in AWS words', () => {
    expect(streamNameProblem('')).toBe('Enter a stream name.');
    expect(streamNameProblem('x'.repeat(129))).toBe('Member must have length less than or equal to 128');
    expect(streamNameProblem('bad name!')).toBe('Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
  });

  it('wants a whole shard count of at least 1', () => {
    expect(shardCountProblem('2')).toBeUndefined();
    expect(shardCountProblem('0')).toBe('Member must have value greater than or equal to 1');
    expect(shardCountProblem('1.5')).toBe('Enter a whole number of shards.');
    expect(shardCountProblem('500')).toBeUndefined();
    expect(shardCountProblem('501')).toBe('More than the default account quota of 500 shards: AWS will refuse it.');
  });
});
