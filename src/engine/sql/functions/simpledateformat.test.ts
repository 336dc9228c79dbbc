import { describe, expect, it } from 'vitest';
import { daysFromCivil } from './datetime';
import { compileFormatter, compileParser, PatternError, tokenize } from './simpledateformat';

const ms = (iso: string) => Date.parse(iso + 'Z');
const fmt = (pattern: string, iso: string) => compileFormatter(pattern)(ms(iso));
const parse = (pattern: string, text: string) => compileParser(pattern)(text);

describe('SimpleDateFormat formatting (UTC)', () => {
  const t = '2017-03-05T14:07:09.045';
  it('numeric fields pad to the run length', () => {
    expect(fmt('yyyy-MM-dd HH:mm:ss.SSS', t)).toBe('2017-03-05 14:07:09.045');
    expect(fmt('yy/M/d H:m:s', t)).toBe('17/3/5 14:7:9');
    expect(fmt('S', t)).toBe('45');
    expect(fmt('D', t)).toBe('64');
  });
  it('12-hour clock, AM/PM, day and month names', () => {
    expect(fmt('hh:mm a', t)).toBe('02:07 PM');
    expect(fmt('hh a', '2017-03-05T00:30:00')).toBe('12 AM');
    expect(fmt('K k', '2017-03-05T00:30:00')).toBe('0 24');
    expect(fmt('EEE EEEE MMM MMMM', t)).toBe('Sun Sunday Mar March');
    expect(fmt('u', t)).toBe('7');
  });
  it('week fields follow the US rules (Sunday first, week 1 holds January 1)', () => {
    // 2017-03-05 was a Sunday: week 10 of 2017, week 2 of March, first Sunday of the month.
    expect(fmt('w W F', t)).toBe('10 2 1');
    // 2017-12-31 (a Sunday) is in the week holding 2018-01-01: week 1 of week-year 2018.
    expect(fmt('YYYY-ww yyyy', '2017-12-31T00:00:00')).toBe('2018-01 2017');
    expect(fmt('w', '2016-01-01T00:00:00')).toBe('1');
    expect(fmt('w', '2016-01-03T00:00:00')).toBe('2');
  });
  it('zones print UTC', () => {
    expect(fmt("yyyy-MM-dd'T'HH:mm:ssZ", t)).toBe('2017-03-05T14:07:09+0000');
    expect(fmt("yyyy-MM-dd'T'HH:mm:ssX", t)).toBe('2017-03-05T14:07:09Z');
    expect(fmt('z', t)).toBe('UTC');
  });
  it('quoted literals, with two quotes for one', () => {
    expect(fmt("'at' HH 'o''clock' ''", t)).toBe("at 14 o'clock '");
  });
  it('illegal letters and unterminated quotes are pattern errors', () => {
    expect(() => tokenize('yyyy-qq')).toThrow(PatternError);
    expect(() => tokenize('yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => tokenize("'abc")).toThrow('Unterminated quote');
  });
});

describe('SimpleDateFormat parsing (UTC)', () => {
  it('reads the common patterns', () => {
    expect(parse('yyyy-MM-dd HH:mm:ss', '2017-11-21 09:05:07')).toBe(ms('2017-11-21T09:05:07'));
    expect(parse('yyyy-MM-dd HH:mm:ss.SSS', '2017-11-21 09:05:07.123')).toBe(ms('2017-11-21T09:05:07.123'));
    expect(parse('dd/MM/yyyy', '5/1/2020')).toBe(ms('2020-01-05T00:00:00'));
    expect(parse('yyyyMMddHHmmss', '20200102030405')).toBe(ms('2020-01-02T03:04:05'));
  });
  it('month and day names, any case, short or long', () => {
    expect(parse('dd MMM yyyy', '05 mar 2020')).toBe(ms('2020-03-05T00:00:00'));
    expect(parse('dd MMM yyyy', '05 March 2020')).toBe(ms('2020-03-05T00:00:00'));
    expect(parse('EEE, dd MMM yyyy HH:mm:ss', 'Thu, 05 Mar 2020 10:00:00')).toBe(ms('2020-03-05T10:00:00'));
  });
  it('12-hour clock with AM/PM', () => {
    expect(parse('hh:mm a yyyy-MM-dd', '12:30 AM 2020-01-01')).toBe(ms('2020-01-01T00:30:00'));
    expect(parse('hh:mm a yyyy-MM-dd', '01:30 PM 2020-01-01')).toBe(ms('2020-01-01T13:30:00'));
  });
  it('offsets in Z and X forms shift to UTC', () => {
    expect(parse('yyyy-MM-dd HH:mm Z', '2020-01-01 10:00 +0200')).toBe(ms('2020-01-01T08:00:00'));
    expect(parse("yyyy-MM-dd'T'HH:mm:ssX", '2020-01-01T10:00:00Z')).toBe(ms('2020-01-01T10:00:00'));
    expect(parse("yyyy-MM-dd'T'HH:mm:ssXXX", '2020-01-01T10:00:00-05:30')).toBe(ms('2020-01-01T15:30:00'));
  });
  it('two-digit years use the century window with yy, a single y reads the year as written', () => {
    expect(parse('yy-MM-dd', '20-01-01')).toBe(ms('2020-01-01T00:00:00'));
    expect(parse('yy-MM-dd', '99-01-01')).toBe(ms('1999-01-01T00:00:00'));
    expect(parse('MMM dd,y', 'March 7, 10')).toBe(daysFromCivil(10, 3, 7) * 86400000);
  });
  it("follows the KDA reference's template examples", () => {
    expect(parse('yyyy-MM-dd hh:mm:ss', '2009-09-16 03:15:24')).toBe(ms('2009-09-16T03:15:24'));
    expect(parse('yyyy-mm', '2011-02-08 07:23:19')).toBe(ms('2011-01-01T00:02:00'));
    expect(parse('MMM dd, yyyy', 'March 7, 2010')).toBe(ms('2010-03-07T00:00:00'));
    expect(parse('MMM dd,', 'March 7, 2010')).toBe(ms('1970-03-07T00:00:00'));
    expect(parse('MMM dd,y', 'March 7, 2010')).toBe(ms('2010-03-07T00:00:00'));
    expect(parse('M-d', '2-8')).toBe(ms('1970-02-08T00:00:00'));
    expect(parse('M-d', '2-8-2011')).toBe(ms('1970-02-08T00:00:00'));
  });
  it('fields out of range give no result; trailing text is ignored', () => {
    expect(parse('M-d', '2011-2-8')).toBeUndefined();
    expect(parse('yyyy-MM-dd', '2020-13-01')).toBeUndefined();
    expect(parse('yyyy-MM-dd', '2020-02-30')).toBeUndefined();
    expect(parse('yyyy-MM-dd', '2019-02-29')).toBeUndefined();
    expect(parse('HH:mm', '24:00')).toBeUndefined();
    expect(parse('hh:mm', '13:00')).toBeUndefined();
    expect(parse('yyyy-MM-dd', '2020-01-02 junk')).toBe(ms('2020-01-02T00:00:00'));
  });
  it('returns undefined when the text does not match', () => {
    expect(parse('yyyy-MM-dd', '2020/01/02')).toBeUndefined();
    expect(parse("'T'HH", 'X10')).toBeUndefined();
    expect(parse('dd MMM', '01 Foo')).toBeUndefined();
    expect(parse('HH:mm a', '10:00 XM')).toBeUndefined();
  });
});
