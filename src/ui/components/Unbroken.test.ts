import { describe, expect, it } from 'vitest';
import { identifierParts } from './Unbroken';

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
