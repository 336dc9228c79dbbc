import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { Application } from './application';
import type { InputSchema } from './discovery/discover';
import { SqlCompileErrors } from './errors';
import { formatTimestamp } from './functions/datetime';

const schema: InputSchema = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [
    { Name: 'k', SqlType: 'VARCHAR(4)', Mapping: '$.k' },
    { Name: 'v', SqlType: 'INTEGER', Mapping: '$.v' },
  ],
};
const T0 = Date.UTC(2026, 0, 1);

const make = (sql: string) => {
  const clock = new VirtualClock(T0);
  const app = new Application(sql, { clock, inputSchema: schema });
  const seen: string[] = [];
  app.subscribe((s, row) => {
    if (s !== app.source) seen.push(`${s.name} ${formatTimestamp(row[0] as number)} ${JSON.stringify(row.slice(1))}`);
  });
  return { clock, app, seen };
};

describe('Application', () => {
  it('RANDOM_CUT_FOREST_WITH_EXPLANATION adds DIRECTION and STRENGTH only when withDirectionality is true', () => {
    const explanationKeys = (directionality: string) => {
      const { app, seen } = make(`CREATE STREAM o (v INTEGER, s DOUBLE, e VARCHAR(512));
        CREATE PUMP p AS INSERT INTO o SELECT STREAM "v", ANOMALY_SCORE, ANOMALY_EXPLANATION
        FROM TABLE(RANDOM_CUT_FOREST_WITH_EXPLANATION(CURSOR(SELECT STREAM * FROM SOURCE_SQL_STREAM_001), 10, 10, 100000, 1${directionality}));`);
      for (let i = 0; i < 12; i++) app.pushRecord(`{"k":"a","v":${i % 3}}`, T0 + i);
      const last = JSON.parse(seen[seen.length - 1].split(' ').slice(3).join(' ')) as [number, number, string];
      return Object.keys(JSON.parse(last[2]).v as object);
    };
    expect(explanationKeys('')).toEqual(['ATTRIBUTION_SCORE']);
    expect(explanationKeys(', false')).toEqual(['ATTRIBUTION_SCORE']);
    expect(explanationKeys(', true')).toEqual(['DIRECTION', 'STRENGTH', 'ATTRIBUTION_SCORE']);
  });
  it('accepts a streaming ORDER BY on the FROM stream\'s qualified ROWTIME (the developer guide\'s anomaly detection code)', () => {
    const { clock, app, seen } = make(`CREATE OR REPLACE STREAM "TEMP_STREAM" ("k" VARCHAR(4), "v" INTEGER);
      CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" ("k" VARCHAR(4), "v" INTEGER);
      CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "TEMP_STREAM" SELECT STREAM "k", "v" FROM "SOURCE_SQL_STREAM_001";
      CREATE OR REPLACE PUMP "OUTPUT_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
         SELECT STREAM * FROM "TEMP_STREAM"
         ORDER BY FLOOR("TEMP_STREAM".ROWTIME TO SECOND), "TEMP_STREAM"."v" DESC;`);
    app.pushRecord('{"k":"a","v":1}', T0 + 100);
    app.pushRecord('{"k":"b","v":3}', T0 + 200);
    clock.set(T0 + 1000);
    app.advance();
    expect(seen.filter((l) => l.startsWith('DESTINATION_SQL_STREAM')).map((l) => l.split(' ')[3])).toEqual(['["b",3]', '["a",1]']);
  });
  it('emits a tumbling group when the clock passes the window end, with no later row', () => {
    const { clock, app, seen } = make(`CREATE STREAM o (k VARCHAR(4), n BIGINT);
      CREATE PUMP p AS INSERT INTO o SELECT STREAM "k", COUNT(*) FROM SOURCE_SQL_STREAM_001 GROUP BY "k", STEP(ROWTIME BY INTERVAL '10' SECOND);`);
    app.pushRecord('{"k":"a","v":1}', T0 + 1000);
    app.pushRecord('{"k":"a","v":2}', T0 + 2000);
    clock.set(T0 + 9999);
    app.advance();
    expect(seen).toEqual([]);
    clock.set(T0 + 10000);
    app.advance();
    expect(seen).toEqual(['O 2026-01-01 00:00:10.000 ["a",2]']);
  });

  it('keeps ROWTIME ascending and copies it through pumps', () => {
    const { app, seen } = make(`CREATE STREAM o (v INTEGER); CREATE PUMP p AS INSERT INTO o SELECT STREAM "v" FROM SOURCE_SQL_STREAM_001;`);
    app.pushRecord('{"k":"a","v":1}', T0 + 5000);
    app.pushRecord('{"k":"a","v":2}', T0 + 4000);
    expect(seen).toEqual(['O 2026-01-01 00:00:05.000 [1]', 'O 2026-01-01 00:00:05.000 [2]']);
  });

  it('reports every analysis error of a script at once, in script order', () => {
    try {
      make(`CREATE STREAM o (v INTEGER);\nCREATE PUMP p AS INSERT INTO o SELECT STREAM v FROM SOURCE_SQL_STREAM_001;\nSELECT STREAM nope() FROM o;`);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SqlCompileErrors);
      expect((e as SqlCompileErrors).errors.map((x) => x.message)).toEqual([
        `Error at line 2, column 46: Column 'V' not found in any table; did you mean "v"?`,
        'Error at line 3, column 15: No match found for function signature NOPE()',
      ]);
    }
  });

  it('explains each pump as plain data, from scan to insert', () => {
    const { app } = make(`CREATE STREAM o (v INTEGER);
      CREATE PUMP p AS INSERT INTO o SELECT STREAM SUM("v") FROM SOURCE_SQL_STREAM_001 WHERE "v" > 0 GROUP BY FLOOR(ROWTIME TO MINUTE);`);
    const plan = app.explain();
    expect(plan).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(plan[0]))).toEqual({
      pump: 'P',
      plan: [
        {
          operator: 'Scan',
          details: { stream: 'SOURCE_SQL_STREAM_001' },
          then: [
            {
              operator: 'Filter',
              details: { condition: 'WHERE "v" > 0' },
              then: [
                {
                  operator: 'TumblingAggregate',
                  details: { windowMillis: 60000, groupBy: 1, aggregates: ['SUM'] },
                  then: [{ operator: 'Insert', details: { stream: 'O' }, then: [] }],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('feeds pre-parsed rows to the source stream (the benchmark path)', () => {
    const { app, seen } = make(`SELECT STREAM "k", "v" * 2 AS d FROM SOURCE_SQL_STREAM_001;`);
    app.pushRow(['x', 21], T0);
    expect(seen).toEqual(['QUERY_1 2026-01-01 00:00:00.000 ["x",42]']);
  });

  it('wires RANDOM_CUT_FOREST: ANOMALY_SCORE is 0 while the forest warms up, then an outlier scores above the usual', () => {
    const { app, seen } = make(`CREATE STREAM o (v INTEGER, ANOMALY_SCORE DOUBLE);
      CREATE PUMP p AS INSERT INTO o SELECT STREAM * FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM "v" FROM SOURCE_SQL_STREAM_001), 50, 20, 1000, 1));`);
    for (let i = 0; i < 60; i++) app.pushRow(['k', 10 + (i % 3)], T0 + i * 1000);
    app.pushRow(['k', 500], T0 + 60_000);
    const scores = seen.map((l) => JSON.parse(l.slice(l.indexOf('['))) as [number, number]).map((r) => r[1]);
    expect(scores.slice(0, 20).every((x) => x === 0)).toBe(true);
    const usual = Math.max(...scores.slice(40, 60));
    expect(scores[60]).toBeGreaterThan(usual * 1.5);
  });
});
