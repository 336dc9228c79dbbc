import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { ColumnCountRule } from './ColumnCountRule';

describe('ColumnCountRule', () => {
  it('accepts as many values as target columns, or as the column list names', () => {
    expect(check(ColumnCountRule, `CREATE STREAM s (a INTEGER, b INTEGER); CREATE PUMP p AS INSERT INTO s SELECT STREAM 1, 2 FROM SOURCE_SQL_STREAM_001`)).toEqual([]);
    expect(check(ColumnCountRule, `CREATE STREAM s (a INTEGER, b INTEGER); CREATE PUMP p AS INSERT INTO s (b) SELECT STREAM 2 FROM SOURCE_SQL_STREAM_001`)).toEqual([]);
  });
  it('reports a mismatch at the SELECT', () => {
    expect(check(ColumnCountRule, `CREATE STREAM s (a INTEGER, b INTEGER);\nCREATE PUMP p AS INSERT INTO s\n  SELECT STREAM * FROM SOURCE_SQL_STREAM_001`)).toEqual([
      '3:3: Number of INSERT target columns (2) does not equal number of source items (4)',
    ]);
  });
});
