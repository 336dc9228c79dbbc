import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { exprKey } from './ast';
import { Application } from './application';
import type { PlanNode } from './operators/operator';
import { parseExpression } from './parser';
import { printExpr } from './print';

const print = (src: string) => printExpr(parseExpression(src));

describe('printExpr', () => {
  it('prints names as SQL reads them: unquoted folded to upper case, quoted kept', () => {
    expect(print(`"temp" > 30`)).toBe(`"temp" > 30`);
    expect(print(`s.ROWTIME = ctrail."eventTimeStamp"`)).toBe(`S.ROWTIME = CTRAIL."eventTimeStamp"`);
    expect(print(`"say ""hi"""`)).toBe(`"say ""hi"""`);
  });

  it('puts parentheses only where precedence needs them', () => {
    expect(print(`a + b * c`)).toBe('A + B * C');
    expect(print(`(a + b) * c`)).toBe('(A + B) * C');
    expect(print(`a - (b - c)`)).toBe('A - (B - C)');
    expect(print(`a - b - c`)).toBe('A - B - C');
    expect(print(`NOT (a OR b) AND c`)).toBe('NOT (A OR B) AND C');
    expect(print(`a OR b AND c`)).toBe('A OR B AND C');
    expect(print(`(a OR b) AND c`)).toBe('(A OR B) AND C');
    expect(print(`- (a + 1)`)).toBe('-(A + 1)');
    expect(print(`- -a`)).toBe('- -A');
  });

  it('prints literals, the special forms and windows', () => {
    expect(print(`'it''s' || 'x'`)).toBe(`'it''s' || 'x'`);
    expect(print(`1.50 + -2 + NULL`)).toBe('1.50 + -2 + NULL');
    expect(print(`FLOOR(ROWTIME TO MINUTE)`)).toBe('FLOOR(ROWTIME TO MINUTE)');
    expect(print(`STEP(ROWTIME BY INTERVAL '10' SECOND)`)).toBe(`STEP(ROWTIME BY INTERVAL '10' SECOND)`);
    expect(print(`FLOOR((ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)`)).toBe(`FLOOR((ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)`);
    expect(print(`CAST("v" AS DECIMAL(16, 2))`)).toBe('CAST("v" AS DECIMAL(16,2))');
    expect(print(`CASE WHEN a IS NULL THEN 'n' ELSE 'y' END`)).toBe(`CASE WHEN A IS NULL THEN 'n' ELSE 'y' END`);
    expect(print(`a NOT BETWEEN 1 AND 2 OR b IN (1, 2) OR c NOT LIKE 'x%' ESCAPE '!'`)).toBe(`A NOT BETWEEN 1 AND 2 OR B IN (1, 2) OR C NOT LIKE 'x%' ESCAPE '!'`);
    expect(print(`COUNT(*) + COUNT(DISTINCT a) + CURRENT_ROW_TIMESTAMP`)).toBe('COUNT(*) + COUNT(DISTINCT A) + CURRENT_ROW_TIMESTAMP');
    expect(print(`AVG(x) OVER (PARTITION BY k RANGE INTERVAL '1' MINUTE PRECEDING)`)).toBe(`AVG(X) OVER (PARTITION BY K RANGE INTERVAL '1' MINUTE PRECEDING)`);
    expect(print(`TRIM(LEADING 'x' FROM a) || SUBSTRING(a FROM 2 FOR 3) || POSITION('b' IN a)`)).toBe(`TRIM(LEADING 'x' FROM A) || SUBSTRING(A, 2, 3) || POSITION('b' IN A)`);
    expect(print(`EXTRACT(HOUR FROM ROWTIME) = 3 AND x IS NOT TRUE`)).toBe('EXTRACT(HOUR FROM ROWTIME) = 3 AND X IS NOT TRUE');
  });

  it('prints text that parses back to the same expression', () => {
    for (const src of [
      `(a + b) * -c / 2 % 3`,
      `NOT a = 1 AND (b OR c) OR d IS NOT NULL`,
      `CASE k WHEN 1 THEN 'a' WHEN 2 THEN 'b' END`,
      `LAG("v", 1) OVER w`,
      `INTERVAL '90' SECOND + INTERVAL '2' HOUR`,
      `a || 'x' LIKE 'y%'`,
      `DATE '2026-01-02' < CURRENT_DATE`,
    ])
      expect(exprKey(parseExpression(printExpr(parseExpression(src))))).toBe(exprKey(parseExpression(src)));
  });
});

describe('explain', () => {
  const details = (nodes: PlanNode[]): Record<string, unknown>[] => nodes.flatMap((n) => [{ operator: n.operator, ...n.details }, ...details(n.then)]);

  it('shows the real predicate, projection and join condition', () => {
    const app = new Application(
      `CREATE STREAM o (s VARCHAR(8), t INTEGER);
       CREATE PUMP p AS INSERT INTO o SELECT STREAM "sensorId", "temp" * 2 AS twice FROM SOURCE_SQL_STREAM_001 WHERE "temp" > 30;
       SELECT STREAM a."sensorId" FROM SOURCE_SQL_STREAM_001 OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS a JOIN o ON a."sensorId" = o.s;`,
      {
        clock: new VirtualClock(0),
        inputSchema: {
          RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
          RecordEncoding: 'UTF-8',
          RecordColumns: [
            { Name: 'sensorId', SqlType: 'VARCHAR(8)', Mapping: '$.sensorId' },
            { Name: 'temp', SqlType: 'INTEGER', Mapping: '$.temp' },
          ],
        },
      },
    );
    const [pump, query] = app.explain();
    expect(details(pump.plan)).toEqual([
      { operator: 'Scan', stream: 'SOURCE_SQL_STREAM_001' },
      { operator: 'Filter', condition: 'WHERE "temp" > 30' },
      { operator: 'Project', columns: ['sensorId', 'TWICE'], select: ['"sensorId"', '"temp" * 2 AS TWICE'] },
      { operator: 'Insert', stream: 'O' },
    ]);
    // Each side of the join reaches it from its own scan.
    expect(details(query.plan).filter((d) => d.operator === 'StreamJoin').map((d) => d.on)).toEqual([`ON A."sensorId" = O.S`, `ON A."sensorId" = O.S`]);
  });
});
