import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { InsertTypeRule } from './InsertTypeRule';

describe('InsertTypeRule', () => {
  it('accepts assignable values (numbers into DECIMAL, text into VARCHAR, text into numbers by CAST rules)', () => {
    expect(check(InsertTypeRule, `CREATE STREAM s (a DECIMAL(16,2), b VARCHAR(4), c INTEGER); CREATE PUMP p AS INSERT INTO s SELECT STREAM "ambientTemp", "sensorId", "eventTimeStamp" FROM SOURCE_SQL_STREAM_001`)).toEqual([]);
  });
  it('reports each value that cannot be assigned, at its select item', () => {
    expect(check(InsertTypeRule, `CREATE STREAM s (a INTEGER, b BOOLEAN);\nCREATE PUMP p AS INSERT INTO s SELECT STREAM ROWTIME, "ambientTemp" FROM SOURCE_SQL_STREAM_001`)).toEqual([
      "2:46: Cannot assign to target field 'A' of type INTEGER from source field 'ROWTIME' of type TIMESTAMP",
      "2:55: Cannot assign to target field 'B' of type BOOLEAN from source field 'ambientTemp' of type INTEGER",
    ]);
  });
});
