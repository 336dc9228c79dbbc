import { describe, expect, it } from 'vitest';
import { SeededRng } from '../common/rng';
import { checkPrefixes, dataPrefix, errorPrefix, formatTimestamp, objectKey } from './prefix';

// 10:30 AM UTC on Aug 27, 2018: the instant of the guide's examples.
const T = Date.UTC(2018, 7, 27, 10, 30, 5);
const rng = () => new SeededRng(3);

describe('Firehose prefixes (Custom prefixes for Amazon S3 objects)', () => {
  it('formats Java DateTimeFormatter patterns in UTC, quoted text literal', () => {
    expect(formatTimestamp('yyyy/MM/dd/HH/', T)).toBe('2018/08/27/10/');
    expect(formatTimestamp("yyyy'-'MM'-'dd", T)).toBe('2018-08-27');
    expect(formatTimestamp("'year='yy DDD mm:ss ''", T)).toBe("year=18 239 30:05 '");
    expect(formatTimestamp('yyyy-QQ', T)).toBeUndefined();
  });

  it('appends yyyy/MM/dd/HH/ to a prefix without a timestamp expression', () => {
    expect(dataPrefix(undefined, T, rng())).toBe('2018/08/27/10/');
    expect(dataPrefix('myFirehosePrefix/', T, rng())).toBe('myFirehosePrefix/2018/08/27/10/');
  });

  it("evaluates the guide's examples", () => {
    expect(
      errorPrefix(
        undefined,
        'myFirehoseFailures/!{firehose:error-output-type}/',
        'processing-failed',
        T,
        rng(),
      ),
    ).toBe('myFirehoseFailures/processing-failed/');
    expect(
      dataPrefix(
        'myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/',
        Date.UTC(2018, 6, 6, 23),
        rng(),
      ),
    ).toBe('myPrefix/year=2018/month=07/day=06/hour=23/');
    expect(dataPrefix('rand=!{firehose:random-string}/!{timestamp:yyyy}/', T, rng())).toMatch(
      /^rand=[0-9a-f]{11}\/2018\/$/,
    );
  });

  it('puts failures under <Prefix>processing-failed/yyyy/MM/dd/HH/ when there is no ErrorOutputPrefix', () => {
    expect(errorPrefix(undefined, undefined, 'processing-failed', T, rng())).toBe(
      'processing-failed/2018/08/27/10/',
    );
    expect(errorPrefix('data/', undefined, 'processing-failed', T, rng())).toBe(
      'data/processing-failed/2018/08/27/10/',
    );
  });

  it('names objects <prefix><name>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>', () => {
    expect(objectKey('2018/08/27/10/', 'hose', '3', T, rng(), '.gz')).toMatch(
      /^2018\/08\/27\/10\/hose-3-2018-08-27-10-30-05-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.gz$/,
    );
  });

  it('enforces the semantic rules', () => {
    const err = (p?: string, e?: string) => {
      try {
        checkPrefixes(p, e, T);
        return 'ok';
      } catch (x) {
        return `${(x as { code: string }).code}: ${(x as Error).message}`;
      }
    };
    expect(err('data/', undefined)).toBe('ok');
    expect(err('!{timestamp:yyyy/MM/dd}', undefined)).toBe(
      "InvalidArgumentException: ErrorOutputPrefix can't be null when Prefix contains expressions",
    );
    expect(err('!{timestamp:yyyy}/', 'errors/!{timestamp:yyyy}/')).toMatch(
      /must contain at least one instance of !\{firehose:error-output-type\}/,
    );
    expect(err('!{firehose:error-output-type}/', 'e/!{firehose:error-output-type}')).toBe(
      "InvalidArgumentException: Prefix can't contain !{firehose:error-output-type}",
    );
    expect(err('a!{b', undefined)).toMatch(
      /can contain the sequence !\{ only in !\{namespace:value\} expressions/,
    );
    expect(err('!{nope:x}/', 'e/!{firehose:error-output-type}')).toMatch(/unknown namespace/);
    expect(err('x'.repeat(500), undefined)).toMatch(/greater than 512 characters/);
    expect(err(undefined, 'failures/!{firehose:error-output-type}/')).toBe('ok');
  });
});
