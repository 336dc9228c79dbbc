import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnose } from './diagnose';
import { discoverSchema } from './discovery/discover';
import { parseInputLines } from './headless';

const columns = [
  { Name: 'sensorId', SqlType: 'VARCHAR(16)' },
  { Name: 'temp', SqlType: 'INTEGER' },
];

/** The diagnostic as `line:column-line:column message`, and the text its range covers. */
const show = (script: string) =>
  diagnose(script, columns).map((d) => ({ at: `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}`, text: script.slice(d.start.offset, d.end.offset), message: d.message }));

describe('diagnose', () => {
  it('reports a syntax error, an unknown column and an unknown function of three statements, each with its range', () => {
    const script = [
      `CREATE STREAM out_stream (s VARCHAR(16), t INTEGER);`,
      `SELECT STREAM "temp" FROM SOURCE_SQL_STREAM_001 WHERE ("temp" > 1;`,
      `CREATE PUMP p1 AS INSERT INTO out_stream SELECT STREAM sensorId, "temp" FROM SOURCE_SQL_STREAM_001;`,
      `CREATE PUMP p2 AS INSERT INTO out_stream`,
      `  SELECT STREAM "sensorId", SQRT("temp") FROM SOURCE_SQL_STREAM_001;`,
    ].join('\n');
    expect(show(script)).toEqual([
      { at: '2:66-2:67', text: ';', message: "expected ')' but found ';'" },
      { at: '3:56-3:64', text: 'sensorId', message: `Column 'SENSORID' not found in any table; did you mean "sensorId"?` },
      { at: '5:29-5:41', text: 'SQRT("temp")', message: 'No match found for function signature SQRT(<ANY>)' },
    ]);
    const d = diagnose(script, columns)[0];
    expect(d).toMatchObject({ severity: 'error', kind: 'Syntax error', text: "Syntax error at line 2, column 66: expected ')' but found ';'" });
  });

  it('reports one message per problem, though rules and planning both meet it', () => {
    // The unknown column stops planning too, and the aggregate in WHERE too: each is reported once.
    expect(show(`SELECT STREAM "tmp", COUNT(*) FROM SOURCE_SQL_STREAM_001 WHERE MAX("temp") > 1 GROUP BY FLOOR(ROWTIME TO MINUTE)`).map((d) => d.message)).toEqual([
      `Column 'tmp' not found in any table; did you mean "temp"?`,
      'Aggregate expression is illegal in WHERE clause',
    ]);
  });

  it('reports what planning finds (an ungrouped column, a type error) beside the rules', () => {
    expect(show(`SELECT STREAM "sensorId", "temp", COUNT(*) FROM SOURCE_SQL_STREAM_001 GROUP BY "sensorId", FLOOR(ROWTIME TO MINUTE);\nSELECT STREAM "sensorId" + 1 FROM SOURCE_SQL_STREAM_001`)).toEqual([
      { at: '1:27-1:33', text: '"temp"', message: "Expression 'temp' is not being grouped" },
      { at: '2:15-2:29', text: '"sensorId" + 1', message: "Cannot apply '+' to arguments of type '<VARCHAR(16)> + <INTEGER>'" },
    ]);
  });

  it('has one text for HAVING without an aggregate, with or without a window function', () => {
    const having = 'HAVING clause requires GROUP BY or an aggregate';
    expect(show(`SELECT STREAM "temp" FROM SOURCE_SQL_STREAM_001 HAVING "temp" > 1`).map((d) => d.message)).toEqual([having]);
    expect(show(`SELECT STREAM AVG("temp") OVER (ROWS 2 PRECEDING) FROM SOURCE_SQL_STREAM_001 HAVING "temp" > 1`).map((d) => d.message)).toEqual([having]);
  });

  it('does not call a stream unknown when its CREATE has a syntax error', () => {
    expect(show(`CREATE STREAM s (a INTEGER,);\nCREATE PUMP p AS INSERT INTO s SELECT STREAM "temp" FROM SOURCE_SQL_STREAM_001;`).map((d) => d.message)).toEqual([
      "expected a column name but found ')'",
    ]);
  });

  it('finds nothing wrong with the workshop script', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden/workshop_activity2');
    const records = parseInputLines(readFileSync(join(dir, 'input.jsonl'), 'utf8')).map((r) => JSON.stringify(r.data));
    expect(diagnose(readFileSync(join(dir, 'app.sql'), 'utf8'), discoverSchema(records).RecordColumns)).toEqual([]);
    expect(diagnose('')).toEqual([]);
  });

  it('reports a duplicate stream, an unknown target column and a count mismatch together', () => {
    expect(show(`CREATE STREAM s (a INTEGER);\nCREATE STREAM s (a INTEGER);\nCREATE PUMP p AS INSERT INTO s (b) SELECT STREAM "temp", 1 FROM SOURCE_SQL_STREAM_001;`).map((d) => d.message)).toEqual([
      "Stream 'S' already exists",
      "Unknown target column 'B'",
      'Number of INSERT target columns (1) does not equal number of source items (2)',
    ]);
  });
});
