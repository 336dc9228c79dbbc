import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { UnknownStreamRule } from './UnknownStreamRule';

describe('UnknownStreamRule', () => {
  it('accepts streams created earlier and the source', () => {
    expect(check(UnknownStreamRule, `CREATE STREAM s (a INTEGER); CREATE PUMP p AS INSERT INTO s SELECT STREAM "ambientTemp" FROM SOURCE_SQL_STREAM_001;`)).toEqual([]);
  });
  it('reports an unknown target and source with the closest name', () => {
    expect(check(UnknownStreamRule, `CREATE STREAM clean_iot_stream (a INTEGER);\nCREATE PUMP p AS INSERT INTO clean_iot_strem SELECT STREAM 1 FROM source_sql_stream;`)).toEqual([
      "2:30: Object 'CLEAN_IOT_STREM' not found; did you mean CLEAN_IOT_STREAM?",
      "2:67: Object 'SOURCE_SQL_STREAM' not found; did you mean SOURCE_SQL_STREAM_001?",
    ]);
  });
  it('treats a quoted lower-case name as a different stream', () => {
    expect(check(UnknownStreamRule, `SELECT STREAM * FROM "source_sql_stream_001"`)).toEqual(["1:22: Object 'source_sql_stream_001' not found; did you mean SOURCE_SQL_STREAM_001?"]);
  });
});
