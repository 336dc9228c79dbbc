import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { MonotonicGroupByRule } from './MonotonicGroupByRule';

describe('MonotonicGroupByRule', () => {
  it('accepts FLOOR, STEP and the epoch idiom over ROWTIME', () => {
    for (const g of [
      'FLOOR(ROWTIME TO MINUTE)',
      `STEP(SOURCE_SQL_STREAM_001.ROWTIME BY INTERVAL '10' SECOND)`,
      `FLOOR((SOURCE_SQL_STREAM_001.ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)`,
    ])
      expect(check(MonotonicGroupByRule, `SELECT STREAM "sensorId", COUNT(*) FROM SOURCE_SQL_STREAM_001 GROUP BY "sensorId", ${g}`)).toEqual([]);
  });
  it('rejects a GROUP BY or DISTINCT without one', () => {
    expect(check(MonotonicGroupByRule, `SELECT STREAM "sensorId", COUNT(*) FROM SOURCE_SQL_STREAM_001\nGROUP BY "sensorId"`)).toEqual([
      '2:10: Streaming aggregation requires at least one monotonic expression in GROUP BY clause',
    ]);
    expect(check(MonotonicGroupByRule, `SELECT STREAM DISTINCT "sensorId" FROM SOURCE_SQL_STREAM_001`)).toEqual([
      '1:24: Streaming aggregation requires at least one monotonic expression in GROUP BY clause',
    ]);
  });
  it('does not ask it of stagger windows', () => {
    expect(check(MonotonicGroupByRule, `SELECT STREAM "sensorId", COUNT(*) FROM SOURCE_SQL_STREAM_001 WINDOWED BY STAGGER (PARTITION BY "sensorId" RANGE INTERVAL '1' MINUTE)`)).toEqual([]);
  });
});
