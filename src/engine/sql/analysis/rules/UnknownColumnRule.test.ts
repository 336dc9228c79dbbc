import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { UnknownColumnRule } from './UnknownColumnRule';

describe('UnknownColumnRule', () => {
  it('accepts quoted mixed-case columns, ROWTIME and qualified names', () => {
    expect(check(UnknownColumnRule, `SELECT STREAM "sensorId", s.ROWTIME, APPROXIMATE_ARRIVAL_TIME FROM SOURCE_SQL_STREAM_001 AS s WHERE s."ambientTemp" > 0`)).toEqual([]);
  });
  it('suggests the quoted name when an unquoted one folded to upper case', () => {
    expect(check(UnknownColumnRule, `SELECT STREAM sensorId FROM SOURCE_SQL_STREAM_001`)).toEqual([`1:15: Column 'SENSORID' not found in any table; did you mean "sensorId"?`]);
  });
  it('checks WHERE and GROUP BY too, and unknown qualifiers', () => {
    expect(check(UnknownColumnRule, `SELECT STREAM COUNT(*) FROM SOURCE_SQL_STREAM_001 s\nWHERE "measuredTmp" > 1 GROUP BY x."sensorId", FLOOR(s.ROWTIME TO SECOND)`)).toEqual([
      `2:7: Column 'measuredTmp' not found in any table; did you mean "measuredTemp"?`,
      `2:34: Table 'X' not found; did you mean S?`,
    ]);
  });
});
