import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { UnknownFunctionRule } from './UnknownFunctionRule';

describe('UnknownFunctionRule', () => {
  it('knows scalar, aggregate and row-time functions', () => {
    expect(check(UnknownFunctionRule, `SELECT STREAM ABS("ambientTemp"), UPPER("sensorId"), CURRENT_ROW_TIMESTAMP, COUNT(*) FROM SOURCE_SQL_STREAM_001 GROUP BY FLOOR(ROWTIME TO SECOND)`)).toEqual([]);
  });
  it('reports functions the dialect lacks, and unknown table functions', () => {
    expect(check(UnknownFunctionRule, `SELECT STREAM SQRT("ambientTemp") FROM SOURCE_SQL_STREAM_001`)).toEqual(['1:15: No match found for function signature SQRT(<ANY>)']);
    expect(check(UnknownFunctionRule, `SELECT STREAM * FROM TABLE(TOP_N(CURSOR(SELECT STREAM * FROM SOURCE_SQL_STREAM_001), 'x', 3))`)).toEqual(['1:22: No match found for function signature TOP_N']);
  });
});
