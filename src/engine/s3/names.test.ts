import { describe, expect, it } from 'vitest';
import { bucketNameProblem, isValidBucketName } from './names';

describe('bucket naming rules', () => {
  it('accepts the workshop kind of name', () => {
    for (const name of ['abc', 'jane-filtered-iot-data', 'my.bucket.1', 'a'.repeat(63), '1-2']) {
      expect(bucketNameProblem(name)).toBeUndefined();
      expect(isValidBucketName(name)).toBe(true);
    }
  });

  it('names the first rule a name breaks', () => {
    expect(bucketNameProblem('ab')).toBe('Bucket names must be between 3 and 63 characters long.');
    expect(bucketNameProblem('a'.repeat(64))).toBe('Bucket names must be between 3 and 63 characters long.');
    expect(bucketNameProblem('My-Bucket')).toBe('Bucket names can contain only lowercase letters, numbers, dots (.) and hyphens (-).');
    expect(bucketNameProblem('my_bucket')).toMatch(/^Bucket names can contain only/);
    expect(bucketNameProblem('-bucket')).toBe('Bucket names must begin and end with a letter or number.');
    expect(bucketNameProblem('bucket.')).toBe('Bucket names must begin and end with a letter or number.');
    expect(bucketNameProblem('my..bucket')).toBe('Bucket names must not contain two adjacent periods.');
    expect(bucketNameProblem('192.168.5.4')).toMatch(/IP address/);
    expect(bucketNameProblem('xn--bucket')).toBe('Bucket names must not start with the prefix xn--');
    expect(bucketNameProblem('sthree-data')).toBe('Bucket names must not start with the prefix sthree-');
    expect(bucketNameProblem('data-s3alias')).toBe('Bucket names must not end with the suffix -s3alias');
    expect(bucketNameProblem('data--ol-s3')).toBe('Bucket names must not end with the suffix --ol-s3');
    expect(isValidBucketName('data.mrap')).toBe(false);
  });
});
