import { describe, expect, it } from 'vitest';
import { consumerNameProblem, streamNameProblem } from './streamRules';

describe('stream name rule (the one CreateStream applies)', () => {
  it('accepts 1-128 characters of [a-zA-Z0-9_.-]', () => {
    expect(streamNameProblem('a')).toBeUndefined();
    expect(streamNameProblem('My_Stream-1.0')).toBeUndefined();
    expect(streamNameProblem('x'.repeat(128))).toBeUndefined();
  });

  it('names the broken constraint in AWS words', () => {
    expect(streamNameProblem('')).toBe('Enter a stream name.');
    expect(streamNameProblem('x'.repeat(129))).toBe('Member must have length less than or equal to 128');
    expect(streamNameProblem('bad name!')).toBe(
      'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
    );
  });
});

describe('consumer name rule (the one RegisterStreamConsumer applies)', () => {
  it('is the stream name rule, in the same words', () => {
    expect(consumerNameProblem('my-app_1.0')).toBeUndefined();
    expect(consumerNameProblem('')).toBe('Enter a consumer name.');
    expect(consumerNameProblem('x'.repeat(129))).toBe('Member must have length less than or equal to 128');
    expect(consumerNameProblem('my app')).toBe('Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
  });
});
