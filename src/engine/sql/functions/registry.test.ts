import { describe, expect, it } from 'vitest';
import { decimal, T, varbinary, varchar, char, type SqlType, type SqlValue } from '../types';
import { ErrorNames, SqlRuntimeError } from './errors';
import { commonType, scalarFunctions } from './registry';

const fn = (name: string) => {
  const f = scalarFunctions.get(name);
  if (!f) throw new Error(`no function ${name}`);
  return f;
};

/** Compiles `name` for the given argument types and calls it once. */
const call = (name: string, types: SqlType[], args: SqlValue[]) => fn(name).compile(types)(args);

const typeOf = (name: string, types: SqlType[]) => fn(name).returnType(types);

const errorOf = (f: () => unknown): SqlRuntimeError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlRuntimeError) return e;
    throw e;
  }
  throw new Error('expected a SqlRuntimeError');
};

const V8 = varchar(8);
const V32 = varchar(32);
const TS = T.TIMESTAMP;
const ms = (iso: string) => Date.parse(iso + 'Z');

describe('the registry', () => {
  it('is keyed by upper-case name and includes the aliases', () => {
    for (const n of ['ABS', 'CEIL', 'CEILING', 'FLOOR', 'EXP', 'LN', 'LOG10', 'MOD', 'POWER', 'CHAR_LENGTH', 'CHARACTER_LENGTH', 'LOWER', 'UPPER', 'INITCAP', 'SUBSTRING', 'POSITION', 'TRIM', 'OVERLAY', 'REGEX_REPLACE', 'COALESCE', 'NULLIF', 'CHAR_TO_TIMESTAMP', 'TIMESTAMP_TO_CHAR', 'TO_TIMESTAMP', 'UNIX_TIMESTAMP', 'TSDIFF'])
      expect(scalarFunctions.get(n)?.name).toBe(n);
    expect(scalarFunctions.has('abs')).toBe(false);
  });
});

describe('numeric functions', () => {
  it('ABS keeps the argument type and passes NULL through', () => {
    expect(typeOf('ABS', [T.INTEGER])).toEqual(T.INTEGER);
    expect(typeOf('ABS', [decimal(8, 2)])).toEqual(decimal(8, 2));
    expect(call('ABS', [T.DOUBLE], [-2.5])).toBe(2.5);
    expect(call('ABS', [T.INTEGER], [null])).toBeNull();
  });

  it('ABS rejects a string argument with a clear message', () => {
    expect(typeOf('ABS', [V8])).toEqual({ error: 'ABS expects a numeric argument but got VARCHAR(8)' });
  });

  it('CEIL and FLOOR round toward +/- infinity; DECIMAL loses its scale', () => {
    expect(call('CEIL', [T.DOUBLE], [1.2])).toBe(2);
    expect(call('CEILING', [T.DOUBLE], [-1.2])).toBe(-1);
    expect(call('FLOOR', [T.DOUBLE], [-1.2])).toBe(-2);
    expect(call('FLOOR', [T.INTEGER], [7])).toBe(7);
    expect(call('FLOOR', [T.DOUBLE], [null])).toBeNull();
    expect(typeOf('FLOOR', [decimal(8, 2)])).toEqual(decimal(8, 0));
    expect(typeOf('CEIL', [T.BOOLEAN])).toEqual({ error: 'CEIL expects a numeric argument but got BOOLEAN' });
  });

  it('EXP, LN, LOG10 return DOUBLE', () => {
    expect(typeOf('EXP', [T.INTEGER])).toEqual(T.DOUBLE);
    expect(call('EXP', [T.INTEGER], [0])).toBe(1);
    expect(call('LN', [T.DOUBLE], [Math.E])).toBeCloseTo(1, 12);
    expect(call('LOG10', [T.INTEGER], [1000])).toBeCloseTo(3, 12);
    expect(call('LN', [T.DOUBLE], [null])).toBeNull();
  });

  it('LN and LOG10 of zero or a negative number are runtime errors', () => {
    const e = errorOf(() => call('LN', [T.DOUBLE], [0]));
    expect(e.errorName).toBe(ErrorNames.INVALID_ARGUMENT);
    expect(e.message).toBe('Cannot take logarithm of zero or a negative number: LN(0)');
    expect(errorOf(() => call('LOG10', [T.DOUBLE], [-1])).errorName).toBe(ErrorNames.INVALID_ARGUMENT);
  });

  it('MOD takes the sign of the dividend and fails on a zero divisor', () => {
    expect(call('MOD', [T.INTEGER, T.INTEGER], [7, 3])).toBe(1);
    expect(call('MOD', [T.INTEGER, T.INTEGER], [-7, 3])).toBe(-1);
    expect(call('MOD', [T.INTEGER, T.INTEGER], [null, 3])).toBeNull();
    expect(typeOf('MOD', [T.BIGINT, T.SMALLINT])).toEqual(T.SMALLINT);
    expect(typeOf('MOD', [T.DOUBLE, T.INTEGER])).toEqual({ error: 'MOD expects an exact numeric argument as argument 1 but got DOUBLE' });
    const e = errorOf(() => call('MOD', [T.INTEGER, T.INTEGER], [5, 0]));
    expect([e.errorName, e.message]).toEqual([ErrorNames.DIVISION_BY_ZERO, 'Division by zero']);
  });

  it('POWER returns DOUBLE and rejects undefined powers', () => {
    expect(call('POWER', [T.INTEGER, T.INTEGER], [2, 10])).toBe(1024);
    expect(call('POWER', [T.DOUBLE, T.DOUBLE], [4, 0.5])).toBe(2);
    expect(call('POWER', [T.DOUBLE, T.DOUBLE], [null, 2])).toBeNull();
    expect(errorOf(() => call('POWER', [T.INTEGER, T.INTEGER], [0, -1])).errorName).toBe(ErrorNames.INVALID_ARGUMENT);
    expect(errorOf(() => call('POWER', [T.DOUBLE, T.DOUBLE], [-8, 1 / 3])).message).toMatch(/^Invalid argument for power function/);
  });
});

describe('string functions', () => {
  it('CHAR_LENGTH counts characters, CHAR padding included', () => {
    expect(call('CHAR_LENGTH', [V8], ['hello'])).toBe(5);
    expect(call('CHARACTER_LENGTH', [char(4)], ['ab  '])).toBe(4);
    expect(call('CHAR_LENGTH', [V8], [null])).toBeNull();
    expect(typeOf('CHAR_LENGTH', [T.INTEGER])).toEqual({ error: 'CHAR_LENGTH expects a character argument but got INTEGER' });
  });

  it('LOWER, UPPER, INITCAP keep the string type', () => {
    expect(typeOf('UPPER', [V8])).toEqual(V8);
    expect(call('UPPER', [V8], ['abC'])).toBe('ABC');
    expect(call('LOWER', [V8], ['AbC'])).toBe('abc');
    expect(call('INITCAP', [V32], ['hELLO wORLD-wide'])).toBe('Hello World-wide');
    // KDA reference example.
    expect(call('INITCAP', [varchar(40)], ['Each FIRST lEtTeR is cAPITALIZED'])).toBe('Each First Letter Is Capitalized');
    expect(call('INITCAP', [V32], [null])).toBeNull();
    expect(typeOf('LOWER', [T.DOUBLE])).toEqual({ error: 'LOWER expects a character argument but got DOUBLE' });
  });

  it('SUBSTRING follows SQL positions (1-based, start may be < 1)', () => {
    expect(typeOf('SUBSTRING', [V32, T.INTEGER, T.INTEGER])).toEqual(V32);
    expect(call('SUBSTRING', [V32, T.INTEGER, T.INTEGER], ['abcdef', 2, 3])).toBe('bcd');
    expect(call('SUBSTRING', [V32, T.INTEGER], ['abcdef', 3])).toBe('cdef');
    expect(call('SUBSTRING', [V32, T.INTEGER, T.INTEGER], ['abcdef', 0, 3])).toBe('ab');
    expect(call('SUBSTRING', [V32, T.INTEGER, T.INTEGER], ['abcdef', 10, 3])).toBe('');
    expect(call('SUBSTRING', [V32, T.INTEGER, T.INTEGER], ['abcdef', null, 3])).toBeNull();
    expect(call('SUBSTRING', [varbinary(4), T.INTEGER, T.INTEGER], [new Uint8Array([1, 2, 3]), 2, 1])).toEqual(new Uint8Array([2]));
  });

  it('SUBSTRING matches the KDA reference FROM/FOR examples', () => {
    const f = fn('SUBSTRING').compile([V32, T.INTEGER, T.INTEGER]);
    expect(f(['123456789', 3, 4])).toBe('3456');
    expect(f(['123456789', 17, 4])).toBe('');
    expect(f(['123456789', -1, 4])).toBe('12');
    expect(f(['123456789', 6, 0])).toBe('');
    expect(f(['123456789', 8, 4])).toBe('89');
  });

  it('SUBSTRING FROM a regular expression returns its first match, NULL when none', () => {
    expect(typeOf('SUBSTRING', [V32, V8])).toEqual(V32);
    expect(call('SUBSTRING', [V32, V8], ['TECHNOLOGY', 'L[A-Z]*'])).toBe('LOGY');
    expect(call('SUBSTRING', [V32, V8], ['abc123def45', '[0-9]+'])).toBe('123');
    expect(call('SUBSTRING', [V32, V8], ['abc', '[0-9]+'])).toBeNull();
    expect(call('SUBSTRING', [V32, V8], [null, 'a'])).toBeNull();
  });

  it('SUBSTRING with a negative length is a substring error', () => {
    const e = errorOf(() => call('SUBSTRING', [V32, T.INTEGER, T.INTEGER], ['abc', 1, -1]));
    expect([e.errorName, e.message]).toEqual([ErrorNames.SUBSTRING_ERROR, 'Substring error: negative length -1']);
    expect(typeOf('SUBSTRING', [V32, T.DOUBLE])).toEqual({ error: 'SUBSTRING expects an integer argument as argument 2 but got DOUBLE' });
  });

  it('POSITION is 1-based, 0 when absent, with an optional start', () => {
    expect(call('POSITION', [V8, V32], ['cd', 'abcdcd'])).toBe(3);
    expect(call('POSITION', [V8, V32], ['x', 'abc'])).toBe(0);
    expect(call('POSITION', [V8, V32], ['', 'abc'])).toBe(1);
    expect(call('POSITION', [V8, V32, T.INTEGER], ['cd', 'abcdcd', 4])).toBe(5);
    expect(call('POSITION', [V8, V32], [null, 'abc'])).toBeNull();
  });

  it('TRIM removes one character from the chosen ends', () => {
    expect(call('TRIM', [V8, V8, V32], ['BOTH', ' ', '  a b  '])).toBe('a b');
    expect(call('TRIM', [V8, V8, V32], ['LEADING', 'x', 'xxaxx'])).toBe('axx');
    expect(call('TRIM', [V8, V8, V32], ['TRAILING', 'x', 'xxaxx'])).toBe('xxa');
    expect(call('TRIM', [V8, V8, V32], ['BOTH', ' ', null])).toBeNull();
    const e = errorOf(() => call('TRIM', [V8, V8, V32], ['BOTH', 'ab', 'abc']));
    expect(e.errorName).toBe('Trim error');
    expect(errorOf(() => call('TRIM', [V8, V8, V32], ['BOTH', '', 'abc'])).errorName).toBe('Trim error');
  });

  it('TRIM matches the KDA reference examples', () => {
    const trim = fn('TRIM').compile([V8, V8, V32]);
    expect(trim(['BOTH', ' ', ' Trim front and back '])).toBe('Trim front and back');
    expect(trim(['LEADING', 'x', 'xxxTrim frontxxx'])).toBe('Trim frontxxx');
    expect(trim(['TRAILING', 'x', 'xxxTrimxBackxxx'])).toBe('xxxTrimxBack');
    expect(trim(['BOTH', 'y', 'xxxNo y to trimxxx'])).toBe('xxxNo y to trimxxx');
  });

  it('OVERLAY replaces length characters from the start position', () => {
    expect(call('OVERLAY', [V32, V8, T.INTEGER], ['abcdef', 'XY', 3])).toBe('abXYef');
    expect(call('OVERLAY', [V32, V8, T.INTEGER, T.INTEGER], ['abcdef', 'XY', 2, 0])).toBe('aXYbcdef');
    expect(call('OVERLAY', [V32, V8, T.INTEGER, T.INTEGER], ['abcdef', 'XY', 5, 10])).toBe('abcdXY');
    expect(call('OVERLAY', [V32, V8, T.INTEGER], ['abcdef', null, 3])).toBeNull();
    expect(typeOf('OVERLAY', [V32, V8, T.INTEGER])).toEqual(varchar(40));
    expect(errorOf(() => call('OVERLAY', [V32, V8, T.INTEGER, T.INTEGER], ['abc', 'x', 1, -1])).errorName).toBe(ErrorNames.SUBSTRING_ERROR);
  });

  it('OVERLAY matches the KDA reference examples', () => {
    const o3 = fn('OVERLAY').compile([V32, V8, T.INTEGER]);
    const o4 = fn('OVERLAY').compile([V32, V8, T.INTEGER, T.INTEGER]);
    expect([1, 0, -2, 4, 17].map((p) => o3(['12345', 'foo', p]))).toEqual(['foo45', 'foo345', 'foo12345', '123foo', '12345foo']);
    expect([0, 2, 9].map((l) => o4(['12345', 'foo', 2, l]))).toEqual(['1foo2345', '1foo45', '1foo']);
  });

  it('REGEX_REPLACE takes original, regex, replacement, start position and occurrence', () => {
    const types = [V32, V32, V32, T.INTEGER, T.INTEGER];
    expect(typeOf('REGEX_REPLACE', types)).toEqual(varchar(65535));
    // KDA reference example: replace every TECHNOLOGY.
    expect(call('REGEX_REPLACE', types, ['TECHNOLOGY', 'TECHNOLOGY', 'INFORMATION TECHNOLOGY', 1, 0])).toBe('INFORMATION TECHNOLOGY');
    expect(call('REGEX_REPLACE', types, ['a1b22c333', '[0-9]+', '#', 1, 0])).toBe('a#b#c#');
    expect(call('REGEX_REPLACE', types, ['a1b22c333', '[0-9]+', '#', 1, 2])).toBe('a1b#c333');
    expect(call('REGEX_REPLACE', types, ['a1b22c333', '[0-9]+', '#', 4, 0])).toBe('a1b#c#');
    expect(call('REGEX_REPLACE', types, ['abc', 'b', '#', 9, 0])).toBe('abc');
    expect(call('REGEX_REPLACE', types, ['john smith', '(\\w+) (\\w+)', '$2, $1', 1, 0])).toBe('smith, john');
    expect(call('REGEX_REPLACE', types, ['cost', 'cost', '\\$5', 1, 0])).toBe('$5');
    expect(call('REGEX_REPLACE', types, ['ABC', '(?i)b', '-', 1, 0])).toBe('A-C');
    expect(call('REGEX_REPLACE', types, [null, 'a', 'b', 1, 0])).toBeNull();
  });

  it('REGEX_REPLACE errors for a start below 1, a negative occurrence, a bad regex', () => {
    const types = [V32, V32, V32, T.INTEGER, T.INTEGER];
    expect(errorOf(() => call('REGEX_REPLACE', types, ['abc', 'b', '#', 0, 0])).message).toBe('REGEX_REPLACE start position 0 is less than 1');
    expect(errorOf(() => call('REGEX_REPLACE', types, ['abc', 'b', '#', 1, -1])).message).toBe('REGEX_REPLACE occurrence -1 is negative');
    expect(errorOf(() => call('REGEX_REPLACE', types, ['abc', '(', '#', 1, 0])).message).toBe("Invalid regular expression '('");
  });
});

describe('null functions', () => {
  it('COALESCE returns the first non-NULL argument with the common type', () => {
    expect(call('COALESCE', [T.INTEGER, T.INTEGER], [null, 3])).toBe(3);
    expect(call('COALESCE', [V8, V8, V8], [null, null, 'c'])).toBe('c');
    expect(call('COALESCE', [V8, V8, V8], [null, null, null])).toBeNull();
    expect(typeOf('COALESCE', [T.INTEGER, T.DOUBLE])).toEqual(T.DOUBLE);
    expect(typeOf('COALESCE', [V8, char(20)])).toEqual(varchar(20));
    expect(typeOf('COALESCE', [T.NULL, TS])).toEqual(TS);
    expect(typeOf('COALESCE', [T.INTEGER, V8])).toEqual({ error: 'COALESCE arguments must have compatible types but got INTEGER, VARCHAR(8)' });
  });

  it('NULLIF returns NULL when both arguments are equal', () => {
    expect(call('NULLIF', [T.INTEGER, T.INTEGER], [3, 3])).toBeNull();
    expect(call('NULLIF', [T.INTEGER, T.INTEGER], [3, 4])).toBe(3);
    expect(call('NULLIF', [T.INTEGER, T.INTEGER], [null, 4])).toBeNull();
    expect(call('NULLIF', [T.INTEGER, T.INTEGER], [3, null])).toBe(3);
    expect(call('NULLIF', [char(4), V8], ['ab  ', 'ab'])).toBeNull();
    expect(typeOf('NULLIF', [T.BOOLEAN, T.INTEGER])).toEqual({ error: 'NULLIF arguments must have comparable types but got BOOLEAN, INTEGER' });
  });

  it('commonType widens numerics and DECIMALs', () => {
    expect(commonType([T.TINYINT, T.BIGINT])).toEqual(T.BIGINT);
    expect(commonType([decimal(5, 2), decimal(8, 1)])).toEqual(decimal(9, 2));
    expect(commonType([T.DATE, TS])).toEqual(TS);
  });
});

describe('datetime functions', () => {
  it('CHAR_TO_TIMESTAMP parses with a SimpleDateFormat pattern', () => {
    const f = fn('CHAR_TO_TIMESTAMP').compile([V32, V32]);
    expect(f(['yyyy-MM-dd HH:mm:ss', '2017-11-21 09:05:07'])).toBe(ms('2017-11-21T09:05:07'));
    expect(f(['dd/MMM/yyyy:HH:mm:ss Z', '10/Oct/2000:13:55:36 -0700'])).toBe(ms('2000-10-10T20:55:36'));
    expect(f(['yyyy-MM-dd', null])).toBeNull();
    expect(typeOf('CHAR_TO_TIMESTAMP', [V32, V32])).toEqual(TS);
    expect(typeOf('CHAR_TO_TIMESTAMP', [V32, TS])).toEqual({ error: 'CHAR_TO_TIMESTAMP expects a character argument as argument 2 but got TIMESTAMP' });
  });

  it('CHAR_TO_TIMESTAMP reports text that does not match, and a bad pattern', () => {
    const f = fn('CHAR_TO_TIMESTAMP').compile([V32, V32]);
    const e = errorOf(() => f(['yyyy-MM-dd', 'yesterday']));
    expect([e.errorName, e.message]).toEqual([ErrorNames.DATETIME_FORMAT, "Cannot convert 'yesterday' to TIMESTAMP with format 'yyyy-MM-dd'"]);
    expect(errorOf(() => f(['yyyy-bb', '2020'])).message).toBe("Illegal pattern character 'b'");
  });

  it('TIMESTAMP_TO_CHAR formats with a SimpleDateFormat pattern', () => {
    const f = fn('TIMESTAMP_TO_CHAR').compile([V32, TS]);
    expect(f(['yyyy-MM-dd hh:mm:ss a', ms('2017-11-21T15:04:05')])).toBe('2017-11-21 03:04:05 PM');
    expect(f(['EEE, d MMM yyyy', ms('2017-11-21T15:04:05')])).toBe('Tue, 21 Nov 2017');
    // KDA reference: a NULL timestamp gives the string 'null'.
    expect(f(['yyyy', null])).toBe('null');
    expect(f([null, 0])).toBeNull();
    expect(typeOf('TIMESTAMP_TO_CHAR', [V32, T.INTEGER])).toEqual({ error: 'TIMESTAMP_TO_CHAR expects a timestamp argument as argument 2 but got INTEGER' });
  });

  it('TO_TIMESTAMP and UNIX_TIMESTAMP convert epoch milliseconds', () => {
    expect(typeOf('TO_TIMESTAMP', [T.BIGINT])).toEqual(TS);
    expect(call('TO_TIMESTAMP', [T.BIGINT], [1511254800000])).toBe(1511254800000);
    expect(call('TO_TIMESTAMP', [T.BIGINT], [null])).toBeNull();
    expect(typeOf('UNIX_TIMESTAMP', [TS])).toEqual(T.BIGINT);
    expect(call('UNIX_TIMESTAMP', [TS], [ms('2017-11-21T09:00:00')])).toBe(1511254800000);
    expect(typeOf('UNIX_TIMESTAMP', [V8])).toEqual({ error: 'UNIX_TIMESTAMP expects a timestamp argument but got VARCHAR(8)' });
  });

  it('TSDIFF is the first timestamp minus the second in milliseconds', () => {
    expect(call('TSDIFF', [TS, TS], [ms('2017-11-21T09:00:10'), ms('2017-11-21T09:00:00')])).toBe(10000);
    expect(call('TSDIFF', [TS, TS], [null, 1])).toBeNull();
    expect(typeOf('TSDIFF', [TS, TS])).toEqual(T.BIGINT);
    expect(call('TSDIFF', [T.BIGINT, T.BIGINT], [1511254810000, 1511254800000])).toBe(10000);
    expect(typeOf('TSDIFF', [V8, TS])).toEqual({ error: 'TSDIFF expects a timestamp argument as argument 1 but got VARCHAR(8)' });
  });
});
