import { describe, expect, it } from 'vitest';
import { identifierParts, phraseWords } from './Unbroken';

describe('identifierParts: where an ARN may wrap', () => {
  it('splits after each colon and slash, keeping the account id and names whole', () => {
    expect(identifierParts('arn:aws:kinesis:us-east-1:000000000000:stream/layout-demo')).toEqual([
      'arn:',
      'aws:',
      'kinesis:',
      'us-east-1:',
      '000000000000:',
      'stream/',
      'layout-demo',
    ]);
  });

  it('puts the parts back together unchanged, empty parts included', () => {
    const arn = 'arn:aws:s3:::my-bucket/2026/12/';
    expect(identifierParts(arn).join('')).toBe(arn);
    expect(identifierParts('plain-name')).toEqual(['plain-name']);
  });
});

describe('phraseWords: where a unit name may wrap', () => {
  it('keeps hyphenated words, numbers and a number with its unit whole', () => {
    expect(phraseWords('$0.015 per shard-hour')).toEqual(['$0.015', 'per', 'shard-hour']);
    expect(phraseWords('$0.014 per 1,000,000 PUT payload units (25 KB each)')).toEqual([
      '$0.014',
      'per',
      '1,000,000',
      'PUT',
      'payload',
      'units',
      '(25 KB',
      'each)',
    ]);
    expect(phraseWords('GB ingested (first 500 TB a month; records rounded up to 5 KB)')).toContain('500 TB');
    expect(phraseWords('Per month (730 h)')).toEqual(['Per', 'month', '(730 h)']);
  });
});
