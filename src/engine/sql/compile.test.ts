import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { compileExpr } from './compile';
import { SqlRuntimeError } from './functions/errors';
import { parseExpression } from './parser';
import { Scope } from './scope';
import { T, varchar, type SqlValue } from './types';

const scope = new Scope([
  { name: 'ROWTIME', type: T.TIMESTAMP, index: 0, qualifiers: ['S'], hidden: true },
  { name: 'N', type: T.INTEGER, index: 1, qualifiers: ['S'], hidden: false },
  { name: 'X', type: T.DOUBLE, index: 2, qualifiers: ['S'], hidden: false },
  { name: 'TXT', type: varchar(8), index: 3, qualifiers: ['S'], hidden: false },
]);
const row: SqlValue[] = [Date.UTC(2026, 0, 1, 12, 34, 56, 789), 7, 2.5, 'abc'];
const evalSql = (src: string, r: SqlValue[] = row) => compileExpr(parseExpression(src), { scope, clock: new VirtualClock(0) }).fn(r);
const typeOf = (src: string) => compileExpr(parseExpression(src), { scope, clock: new VirtualClock(0) }).type;

describe('compileExpr', () => {
  it('does integer division on integers and real division otherwise', () => {
    expect(evalSql('N / 2')).toBe(3);
    expect(evalSql('X / 2')).toBe(1.25);
    expect(typeOf('N + 1')).toEqual(T.INTEGER);
  });
  it('uses three-valued logic with NULL', () => {
    expect(evalSql('N > 1 AND NULL')).toBe(null);
    expect(evalSql('N > 100 AND NULL')).toBe(false);
    expect(evalSql('N > 1 OR NULL')).toBe(true);
    expect(evalSql('NULL IS NULL')).toBe(true);
  });
  it('floors and steps timestamps, and reads the epoch idiom as an interval', () => {
    expect(evalSql('FLOOR(ROWTIME TO MINUTE)')).toBe(Date.UTC(2026, 0, 1, 12, 34));
    expect(evalSql(`STEP(ROWTIME BY INTERVAL '10' SECOND)`)).toBe(Date.UTC(2026, 0, 1, 12, 34, 50));
    expect(evalSql(`FLOOR((ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)`)).toBe(Math.floor(Date.UTC(2026, 0, 1, 12, 34, 56, 789) / 10000) * 1000);
  });
  it('EXTRACT gives BIGINT fields and SECOND as DECIMAL(5,3) with milliseconds (the SQL reference examples)', () => {
    expect(evalSql('EXTRACT(SECOND FROM ROWTIME)')).toBe(56.789);
    expect(typeOf('EXTRACT(SECOND FROM ROWTIME)')).toEqual({ kind: 'DECIMAL', precision: 5, scale: 3 });
    expect(evalSql(`EXTRACT(DAY FROM INTERVAL '2 3:4:5.678' DAY TO SECOND)`)).toBe(2);
    expect(evalSql(`EXTRACT(HOUR FROM INTERVAL '2 3:4:5.678' DAY TO SECOND)`)).toBe(3);
    expect(evalSql(`EXTRACT(MINUTE FROM INTERVAL '2 3:4:5.678' DAY TO SECOND)`)).toBe(4);
    expect(evalSql(`EXTRACT(SECOND FROM INTERVAL '2 3:4:5.678' DAY TO SECOND)`)).toBe(5.678);
    expect(evalSql(`EXTRACT(MINUTE FROM TIMESTAMP '2016-09-23 04:29:26.234')`)).toBe(29);
    expect(evalSql(`EXTRACT(HOUR FROM TIMESTAMP '2016-09-23 04:29:26.234')`)).toBe(4);
    expect(typeOf(`EXTRACT(MINUTE FROM ROWTIME)`)).toEqual(T.BIGINT);
  });
  it('throws a run-time error for division by zero (the row goes to error_stream)', () => {
    expect(() => evalSql('N / 0')).toThrow(SqlRuntimeError);
    expect(() => evalSql('N / 0')).toThrow('Division by zero');
  });
  it('rejects operands of the wrong type at compile time, located at the expression', () => {
    expect(() => evalSql('TXT + 1')).toThrow("Error at line 1, column 1: Cannot apply '+' to arguments of type '<VARCHAR(8)> + <INTEGER>'");
  });
  it('compiles CASE with a common type and CAST through the cast table', () => {
    expect(evalSql(`CASE WHEN N > 5 THEN 'big' ELSE 'small' END`)).toBe('big');
    expect(evalSql(`CAST(N AS VARCHAR(4)) || TXT`)).toBe('7abc');
  });
});
