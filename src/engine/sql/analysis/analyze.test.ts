import { describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../common/clock';
import { Application } from '../application';
import type { InputSchema } from '../discovery/discover';
import { SqlCompileErrors } from '../errors';
import * as planner from '../planner';

vi.mock('../planner', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../planner')>();
  return { ...actual, planSelect: vi.fn(actual.planSelect) };
});

const schema: InputSchema = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [{ Name: 'v', SqlType: 'INTEGER', Mapping: '$.v' }],
};

describe('analyzeScript', () => {
  it('plans each pump and query once per compile, and the application runs that plan', () => {
    const plan = vi.mocked(planner.planSelect);
    plan.mockClear();
    const app = new Application(
      `CREATE STREAM a (v INTEGER);
       CREATE PUMP p1 AS INSERT INTO a SELECT STREAM "v" FROM SOURCE_SQL_STREAM_001 WHERE "v" > 0;
       CREATE PUMP p2 AS INSERT INTO a SELECT STREAM "v" * 2 FROM (SELECT STREAM "v" FROM SOURCE_SQL_STREAM_001);
       SELECT STREAM COUNT(*) FROM a GROUP BY FLOOR(ROWTIME TO MINUTE);`,
      { clock: new VirtualClock(0), inputSchema: schema },
    );
    expect(plan).toHaveBeenCalledTimes(3);
    expect(app.explain().map((p) => p.pump)).toEqual(['P1', 'P2', 'QUERY_1']);
  });

  it('reports the errors of every statement at once, in script order', () => {
    let errors: string[] = [];
    try {
      new Application(`SELECT STREAM "w" FROM SOURCE_SQL_STREAM_001;\nSELECT STREAM "v" FROM SOURCE_SQL_STREAM_001 HAVING "v" > 1;\nSELECT STREAM "v" FROM nowhere;`, {
        clock: new VirtualClock(0),
        inputSchema: schema,
      });
    } catch (e) {
      errors = (e as SqlCompileErrors).errors.map((x) => x.message);
    }
    expect(errors).toEqual([
      `Error at line 1, column 15: Column 'w' not found in any table; did you mean "v"?`,
      'Error at line 2, column 53: HAVING clause requires GROUP BY or an aggregate',
      "Error at line 3, column 24: Object 'NOWHERE' not found",
    ]);
  });
});
