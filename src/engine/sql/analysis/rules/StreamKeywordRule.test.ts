import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { StreamKeywordRule } from './StreamKeywordRule';

describe('StreamKeywordRule', () => {
  it('accepts SELECT STREAM, in subqueries and cursors too', () => {
    expect(check(StreamKeywordRule, `SELECT STREAM * FROM (SELECT STREAM "sensorId" FROM SOURCE_SQL_STREAM_001) AS s`)).toEqual([]);
  });
  it('rejects a SELECT without STREAM over a stream', () => {
    expect(check(StreamKeywordRule, `CREATE STREAM s (a VARCHAR(16));\nCREATE PUMP p AS INSERT INTO s\nSELECT "sensorId" FROM SOURCE_SQL_STREAM_001`)).toEqual([
      "3:1: Cannot convert stream 'SOURCE_SQL_STREAM_001' to relation; write SELECT STREAM",
    ]);
  });
});
