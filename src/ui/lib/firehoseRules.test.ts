import { describe, expect, it } from 'vitest';
import {
  BUFFER_INTERVAL,
  BUFFER_SIZE,
  bufferIntervalProblem,
  bufferSizeProblem,
  bucketOfArn,
  deliveryStreamNameProblem,
  demoTickerRecord,
  fixedFolder,
  roleArnProblem,
} from './firehoseRules';

describe('delivery stream form rules', () => {
  it('takes the ranges from the service: 1-128 MiB and 0-900 seconds', () => {
    expect(BUFFER_SIZE).toEqual({ min: 1, max: 128 });
    expect(BUFFER_INTERVAL).toEqual({ min: 0, max: 900 });
  });

  it('names a broken name rule in AWS words', () => {
    expect(deliveryStreamNameProblem('')).toBe('Enter a delivery stream name.');
    expect(deliveryStreamNameProblem('to-s3.v1_ok')).toBeUndefined();
    expect(deliveryStreamNameProblem('a'.repeat(64))).toBeUndefined();
    expect(deliveryStreamNameProblem('a'.repeat(65))).toBe('Member must have length less than or equal to 64');
    expect(deliveryStreamNameProblem('has space')).toBe('Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
  });

  it('checks buffer hints at both ends of their ranges', () => {
    expect(bufferSizeProblem('1')).toBeUndefined();
    expect(bufferSizeProblem('128')).toBeUndefined();
    expect(bufferSizeProblem('0')).toBe('Member must have value greater than or equal to 1');
    expect(bufferSizeProblem('129')).toBe('Member must have value less than or equal to 128');
    expect(bufferIntervalProblem('0')).toBeUndefined();
    expect(bufferIntervalProblem('900')).toBeUndefined();
    expect(bufferIntervalProblem('901')).toBe('Member must have value less than or equal to 900');
    expect(bufferIntervalProblem('-1')).toBe('Member must have value greater than or equal to 0');
    expect(bufferIntervalProblem('1.5')).toBe('Enter a whole number.');
    expect(bufferSizeProblem('')).toBe('Enter a whole number.');
  });

  it('checks a role ARN against Firehose’s RoleARN pattern', () => {
    expect(roleArnProblem('arn:aws:iam::123456789012:role/firehose-role')).toBeUndefined();
    expect(roleArnProblem('firehose-role')).toMatch(/^Member must satisfy regular expression pattern/);
    expect(roleArnProblem('')).toBe('Enter the ARN of an IAM role Firehose can assume.');
  });
});

describe('bucket and prefix helpers', () => {
  it('reads the bucket out of its ARN', () => {
    expect(bucketOfArn('arn:aws:s3:::workshop-bucket')).toBe('workshop-bucket');
    expect(bucketOfArn('arn:aws-cn:s3:::b.1')).toBe('b.1');
    expect(bucketOfArn(undefined)).toBeUndefined();
  });

  it('keeps the folder a prefix always writes under, up to its first expression', () => {
    expect(fixedFolder(undefined)).toBe('');
    expect(fixedFolder('data/')).toBe('data/');
    expect(fixedFolder('data/out')).toBe('data/');
    expect(fixedFolder('data/!{timestamp:yyyy/MM/dd}/')).toBe('data/');
    expect(fixedFolder('data/year=!{timestamp:yyyy}/')).toBe('data/');
    expect(fixedFolder('!{timestamp:yyyy}/')).toBe('');
  });
});

describe('demo records', () => {
  it('are one JSON stock-ticker object a line with a sector, a change and a price of two decimals', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 50; i++) {
      const line = demoTickerRecord(random);
      expect(line.endsWith('\n')).toBe(true);
      const r = JSON.parse(line);
      expect(Object.keys(r)).toEqual(['ticker_symbol', 'sector', 'change', 'price']);
      expect(r.ticker_symbol).toMatch(/^[A-Z]{3,4}$/);
      expect(typeof r.sector).toBe('string');
      expect(Math.round(r.price * 100)).toBeCloseTo(r.price * 100, 6);
      expect(r.price).toBeGreaterThanOrEqual(5);
      expect(Math.abs(r.change)).toBeLessThanOrEqual(5);
    }
  });
});
