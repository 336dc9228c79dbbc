import { describe, expect, it } from 'vitest';
import { char, decimal, T, varbinary, varchar, type SqlType, type SqlValue } from '../types';
import { canCast, castTo, formatValue, roundToScale } from './cast';
import { ErrorNames, SqlRuntimeError } from './errors';

const cast = (target: SqlType, source: SqlType, v: SqlValue) => castTo(target, source)(v);
const ms = (iso: string) => Date.parse(iso + 'Z');

const errorOf = (f: () => unknown): SqlRuntimeError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlRuntimeError) return e;
    throw e;
  }
  throw new Error('expected a SqlRuntimeError');
};

describe('CAST to numbers', () => {
  it('parses numeric text, surrounding spaces allowed', () => {
    expect(cast(T.INTEGER, varchar(8), ' 42 ')).toBe(42);
    expect(cast(T.DOUBLE, varchar(8), '-1.5e3')).toBe(-1500);
    expect(cast(T.BIGINT, varchar(20), '9007199254740991')).toBe(9007199254740991);
    expect(cast(T.INTEGER, varchar(8), null)).toBeNull();
  });
  it('text that is not a number cannot convert', () => {
    const e = errorOf(() => cast(T.INTEGER, varchar(8), 'abc'));
    expect([e.errorName, e.message]).toEqual([ErrorNames.CAST, "Cannot convert 'abc' to INTEGER"]);
    expect(() => cast(T.DOUBLE, varchar(8), '')).toThrow("Cannot convert '' to DOUBLE");
    expect(() => cast(T.DOUBLE, varchar(8), '1,5')).toThrow(SqlRuntimeError);
  });
  it('exact integer types round half away from zero and check their range', () => {
    expect(cast(T.INTEGER, T.DOUBLE, 2.5)).toBe(3);
    expect(cast(T.INTEGER, T.DOUBLE, -2.5)).toBe(-3);
    expect(cast(T.SMALLINT, T.INTEGER, 32767)).toBe(32767);
    const e = errorOf(() => cast(T.SMALLINT, T.INTEGER, 32768));
    expect([e.errorName, e.message]).toEqual([ErrorNames.OUT_OF_RANGE, 'Value 32768 is out of range for SMALLINT']);
    expect(() => cast(T.TINYINT, varchar(8), '-129')).toThrow("Value '-129' is out of range for TINYINT");
    expect(() => cast(T.INTEGER, T.DOUBLE, 2147483648)).toThrow(SqlRuntimeError);
    expect(() => cast(T.BIGINT, T.DOUBLE, 1e19)).toThrow(SqlRuntimeError);
  });
  it('widening between integer types is the identity', () => {
    expect(cast(T.BIGINT, T.TINYINT, -5)).toBe(-5);
    expect(cast(T.DOUBLE, T.INTEGER, 7)).toBe(7);
  });
  it('DECIMAL rounds to its scale and checks its precision', () => {
    expect(cast(decimal(8, 2), T.DOUBLE, 1.005)).toBe(1.01);
    expect(cast(decimal(8, 2), T.DOUBLE, -2.345)).toBe(-2.35);
    expect(cast(decimal(8, 2), varchar(12), '123456.789')).toBe(123456.79);
    expect(() => cast(decimal(4, 2), T.DOUBLE, 100)).toThrow('Value 100 is out of range for DECIMAL(4,2)');
    expect(roundToScale(2.675, 2)).toBe(2.68);
  });
  it('REAL keeps 32-bit precision', () => {
    expect(cast(T.REAL, T.DOUBLE, 0.1)).toBe(Math.fround(0.1));
    expect(() => cast(T.REAL, T.DOUBLE, 1e39)).toThrow('out of range for REAL');
  });
});

describe('CAST to character strings', () => {
  it('VARCHAR(n) truncates a longer string; CHAR(n) pads a shorter one', () => {
    expect(cast(varchar(3), varchar(10), 'abcdef')).toBe('abc');
    expect(cast(char(5), varchar(10), 'ab')).toBe('ab   ');
    expect(cast(char(2), varchar(10), 'abcdef')).toBe('ab');
    expect(cast(varchar(3), varchar(10), null)).toBeNull();
  });
  it('numbers, booleans and datetimes print as SQL writes them', () => {
    expect(cast(varchar(20), T.INTEGER, 42)).toBe('42');
    expect(cast(varchar(20), T.DOUBLE, 1.5)).toBe('1.5');
    expect(cast(varchar(20), decimal(8, 2), 3.1)).toBe('3.10');
    expect(cast(varchar(20), T.REAL, Math.fround(0.1))).toBe('0.1');
    expect(cast(varchar(5), T.BOOLEAN, true)).toBe('TRUE');
    expect(cast(varchar(30), T.TIMESTAMP, ms('2008-08-23T01:02:03.004'))).toBe('2008-08-23 01:02:03.004');
    expect(cast(varchar(10), T.DATE, ms('2008-08-23T00:00:00'))).toBe('2008-08-23');
    expect(cast(char(12), T.DATE, ms('2008-08-23T00:00:00'))).toBe('2008-08-23  ');
    expect(cast(varchar(12), T.TIME, 3723000)).toBe('01:02:03');
  });
  it('a value that does not fit a shorter type fails rather than truncating (KDA CAST example)', () => {
    const e = errorOf(() => cast(varchar(9), T.DATE, ms('2008-08-23T00:00:00')));
    expect([e.errorName, e.message]).toEqual([ErrorNames.CAST, "Cannot convert '2008-08-23' to VARCHAR(9): value too long"]);
    expect(() => cast(varchar(2), T.INTEGER, 12345)).toThrow(SqlRuntimeError);
  });
});

describe('CAST to BOOLEAN and datetimes', () => {
  it('BOOLEAN from TRUE/FALSE text in any case', () => {
    expect(cast(T.BOOLEAN, varchar(8), ' true ')).toBe(true);
    expect(cast(T.BOOLEAN, varchar(8), 'FALSE')).toBe(false);
    expect(() => cast(T.BOOLEAN, varchar(8), 'yes')).toThrow("Cannot convert 'yes' to BOOLEAN");
  });
  it("TIMESTAMP from 'yyyy-MM-dd HH:mm:ss[.SSS]' text", () => {
    expect(cast(T.TIMESTAMP, varchar(30), '2017-11-21 09:05:07')).toBe(ms('2017-11-21T09:05:07'));
    expect(cast(T.TIMESTAMP, varchar(30), '2017-11-21 09:05:07.5')).toBe(ms('2017-11-21T09:05:07.500'));
    expect(cast(T.TIMESTAMP, varchar(30), '2017-11-21T09:05:07.123')).toBe(ms('2017-11-21T09:05:07.123'));
    expect(cast(T.TIMESTAMP, varchar(30), '2017-11-21')).toBe(ms('2017-11-21T00:00:00'));
    expect(() => cast(T.TIMESTAMP, varchar(30), '2017-02-30 00:00:00')).toThrow("Cannot convert '2017-02-30 00:00:00' to TIMESTAMP");
    expect(() => cast(T.TIMESTAMP, varchar(30), 'now')).toThrow(SqlRuntimeError);
  });
  it('DATE and TIME from text and from TIMESTAMP', () => {
    expect(cast(T.DATE, varchar(10), '2020-02-29')).toBe(ms('2020-02-29T00:00:00'));
    expect(() => cast(T.DATE, varchar(10), '2021-02-29')).toThrow('to DATE');
    expect(cast(T.TIME, varchar(12), '23:59:59.999')).toBe(86399999);
    expect(() => cast(T.TIME, varchar(12), '24:00:00')).toThrow('to TIME');
    expect(cast(T.DATE, T.TIMESTAMP, ms('2020-02-29T13:00:00'))).toBe(ms('2020-02-29T00:00:00'));
    expect(cast(T.TIME, T.TIMESTAMP, ms('2020-02-29T13:00:00'))).toBe(13 * 3600000);
    expect(cast(T.TIMESTAMP, T.DATE, ms('2020-02-29T00:00:00'))).toBe(ms('2020-02-29T00:00:00'));
    expect(cast(T.TIMESTAMP, T.TIME, 3723000)).toBe(ms('1970-01-01T01:02:03'));
  });
  it('VARBINARY truncates to its length', () => {
    expect(cast(varbinary(2), varbinary(4), new Uint8Array([1, 2, 3]))).toEqual(new Uint8Array([1, 2]));
  });
});

describe('which casts are allowed (KDA reference, CAST Valid Conversions)', () => {
  it('follows the table', () => {
    expect(canCast(T.INTEGER, varchar(4))).toBe(true);
    expect(canCast(T.TIMESTAMP, varchar(4))).toBe(true);
    expect(canCast(varchar(4), T.BOOLEAN)).toBe(true);
    expect(canCast(T.INTEGER, T.BOOLEAN)).toBe(false);
    expect(canCast(T.TIMESTAMP, T.INTEGER)).toBe(false);
    expect(canCast(T.DATE, T.TIME)).toBe(false);
    expect(canCast(T.BIGINT, T.INTERVAL_DAY_TIME)).toBe(true);
    expect(canCast(T.INTERVAL_DAY_TIME, T.BIGINT)).toBe(false);
    expect(canCast(T.TIMESTAMP, T.TIME)).toBe(true);
    expect(canCast(T.INTEGER, T.NULL)).toBe(true);
  });
  it('castTo refuses a disallowed pair at plan time', () => {
    expect(() => castTo(T.INTEGER, T.BOOLEAN)).toThrow('Cannot cast BOOLEAN to INTEGER');
  });
});

describe('formatValue', () => {
  it('renders each type for display', () => {
    expect(formatValue(T.TIMESTAMP, ms('2024-01-02T03:04:05.006'))).toBe('2024-01-02 03:04:05.006');
    expect(formatValue(T.DATE, ms('2024-01-02T00:00:00'))).toBe('2024-01-02');
    expect(formatValue(T.BOOLEAN, false)).toBe('FALSE');
    expect(formatValue(decimal(6, 2), 1.5)).toBe('1.50');
    expect(formatValue(varchar(4), 'ab')).toBe('ab');
    expect(formatValue(T.INTEGER, null)).toBe('NULL');
    expect(formatValue(T.INTERVAL_DAY_TIME, 90061500)).toBe('+1 01:01:01.500');
    expect(formatValue(varbinary(2), new Uint8Array([0xab, 1]))).toBe('AB01');
    expect(formatValue(T.TIMESTAMP, ms('1969-12-31T23:59:59.999'))).toBe('1969-12-31 23:59:59.999');
  });
});
