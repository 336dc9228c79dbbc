import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { AggregateMisuseRule } from './AggregateMisuseRule';

describe('AggregateMisuseRule', () => {
  it('accepts aggregates in the select list and HAVING', () => {
    expect(check(AggregateMisuseRule, `SELECT STREAM "sensorId", AVG("ambientTemp") FROM SOURCE_SQL_STREAM_001 GROUP BY "sensorId", FLOOR(ROWTIME TO SECOND) HAVING COUNT(*) > 1`)).toEqual([]);
  });
  it('rejects aggregates in WHERE and GROUP BY, and nested ones', () => {
    expect(check(AggregateMisuseRule, `SELECT STREAM COUNT(*) FROM SOURCE_SQL_STREAM_001 WHERE MAX("ambientTemp") > 1 GROUP BY FLOOR(ROWTIME TO SECOND)`)).toEqual([
      '1:57: Aggregate expression is illegal in WHERE clause',
    ]);
    expect(check(AggregateMisuseRule, `SELECT STREAM SUM(MAX("ambientTemp")) FROM SOURCE_SQL_STREAM_001 GROUP BY FLOOR(ROWTIME TO SECOND), COUNT(*)`)).toEqual([
      '1:101: Aggregate expression is illegal in GROUP BY clause',
      '1:19: Aggregate expressions cannot be nested',
    ]);
  });
  it('rejects HAVING without an aggregate query', () => {
    expect(check(AggregateMisuseRule, `SELECT STREAM "sensorId" FROM SOURCE_SQL_STREAM_001 HAVING "ambientTemp" > 1`)).toEqual(['1:60: HAVING clause requires GROUP BY or an aggregate']);
    // An aggregate in HAVING makes the query an aggregate one (its missing time window is another rule's).
    expect(check(AggregateMisuseRule, `SELECT STREAM "sensorId" FROM SOURCE_SQL_STREAM_001 HAVING COUNT(*) > 1`)).toEqual([]);
  });
});
