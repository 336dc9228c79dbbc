import { describe, expect, it } from 'vitest';
import { parseExpression, parseScript, parseScriptRecovering } from './parser';

const errorOf = (src: string) => {
  try {
    parseScript(src);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('parser', () => {
  it('parses the workshop DEDUP pump with quoted and folded identifiers', () => {
    const s = parseScript(`CREATE OR REPLACE PUMP DEDUP_PUMP AS
INSERT INTO CLEAN_IOT_STREAM
SELECT STREAM DISTINCT APPROXIMATE_ARRIVAL_TIME, "sensorId",
      FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO SECOND)
FROM SOURCE_SQL_STREAM_001;`);
    expect(s.statements).toHaveLength(1);
    const st = s.statements[0];
    if (st.kind !== 'CreatePump') throw new Error('expected a pump');
    expect(st.orReplace).toBe(true);
    expect(st.target.value).toBe('CLEAN_IOT_STREAM');
    expect(st.query.distinct).toBe(true);
    expect(st.query.items[1].expr).toMatchObject({ kind: 'Column', name: { value: 'sensorId', quoted: true } });
    expect(st.query.items[2].expr).toMatchObject({
      kind: 'FloorTo',
      unit: 'SECOND',
      operand: { kind: 'Column', qualifier: { value: 'SOURCE_SQL_STREAM_001' }, name: { value: 'ROWTIME' } },
      loc: { line: 4, column: 7 },
    });
  });

  it('parses the epoch FLOOR idiom as FLOOR(interval / 10 TO SECOND)', () => {
    const e = parseExpression(`FLOOR((CLEAN_IOT_STREAM.ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)`);
    expect(e).toMatchObject({
      kind: 'FloorTo',
      unit: 'SECOND',
      operand: { kind: 'Binary', op: '/', left: { kind: 'IntervalOf', unit: 'SECOND', operand: { kind: 'Binary', op: '-' } } },
    });
  });

  it('parses STEP, interval literals, windows and stagger', () => {
    expect(parseExpression(`STEP(ctrail.ROWTIME BY INTERVAL '1' MINUTE)`)).toMatchObject({ kind: 'Step', by: { value: 60000 } });
    expect(parseExpression(`INTERVAL '1:30' MINUTE TO SECOND`)).toMatchObject({ value: 90000 });
    const s = parseScript(`SELECT STREAM AVG(price) OVER w FROM t WINDOW w AS (PARTITION BY ticker RANGE INTERVAL '1' HOUR PRECEDING)`);
    const q = s.statements[0].kind === 'Query' ? s.statements[0].query : undefined;
    expect(q?.windows[0].spec).toMatchObject({ rangeMs: 3_600_000, partitionBy: [{ kind: 'Column' }] });
    const st = parseScript(`SELECT STREAM COUNT(*) FROM t WINDOWED BY STAGGER (PARTITION BY a RANGE INTERVAL '1' MINUTE)`);
    expect(st.statements[0].kind === 'Query' && st.statements[0].query.stagger?.rangeMs).toBe(60000);
  });

  it('skips comments and reads several statements', () => {
    const s = parseScript(`-- a stream
CREATE STREAM s (a INTEGER, b VARCHAR(4)) DESCRIPTION 'x'; /* block
comment */ SELECT STREAM * FROM s;`);
    expect(s.statements.map((x) => x.kind)).toEqual(['CreateStream', 'Query']);
  });

  it('reports the line and column of what it expected and found', () => {
    expect(errorOf(`CREATE STREAM s (\n  a INTEGER,\n  b VARCHAR(4)\nSELECT`)).toBe("Syntax error at line 4, column 1: expected ')' but found 'SELECT'");
    expect(errorOf(`SELECT STREAM a\nFROM s\nWHERE (a = 1 FROM`)).toBe("Syntax error at line 3, column 14: expected ')' but found 'FROM'");
    expect(errorOf(`CREATE TABLE t`)).toBe("Syntax error at line 1, column 8: expected STREAM or PUMP but found 'TABLE'");
    expect(errorOf(`SELECT STREAM 'abc FROM s`)).toBe('Syntax error at line 1, column 15: unterminated string literal');
    expect(errorOf(`CREATE STREAM s (a FOO)`)).toBe("Syntax error at line 1, column 20: unknown data type 'FOO'");
    // Windows line ends count as one line; the end of the script is named; a tab is one column.
    expect(errorOf(`CREATE STREAM s (\r\n  a INTEGER,\r\n  b VARCHAR(4)\r\nSELECT`)).toBe("Syntax error at line 4, column 1: expected ')' but found 'SELECT'");
    expect(errorOf(`/* a\nb */ CREATE STREAM s (a INTEGER\n`)).toBe("Syntax error at line 3, column 1: expected ')' but found '<end of script>'");
    expect(errorOf(`\tSELECT STREAM a FROM s WHERE (a = 1 FROM`)).toBe("Syntax error at line 1, column 38: expected ')' but found 'FROM'");
    expect(errorOf(`CREATE STREAM s (a INTEGER) /* never closed`)).toBe('Syntax error at line 1, column 29: unterminated comment');
    expect(errorOf(`SELECT STREAM "abc FROM s`)).toBe('Syntax error at line 1, column 15: unterminated quoted identifier');
    expect(errorOf(`SELECT STREAM a, FROM s`)).toBe("Syntax error at line 1, column 18: expected an expression but found 'FROM'");
    expect(errorOf(`SELECT STREAM \u2018a\u2019 FROM s`)).toBe(
      `Syntax error at line 1, column 15: unexpected character '\u2018' (a typographic quote: use ' for strings and " for names)`,
    );
  });
});

describe('parser: ranges and recovery', () => {
  it('gives every node a start and an end', () => {
    const src = `SELECT STREAM "temp" * 2 AS t FROM s WHERE ABS("temp") > 30`;
    const s = parseScript(src);
    const st = s.statements[0];
    if (st.kind !== 'Query') throw new Error('expected a query');
    const text = (n: { loc: { offset: number; end: { offset: number } } }) => src.slice(n.loc.offset, n.loc.end.offset);
    expect(text(st)).toBe(src);
    expect(text(st.query.items[0])).toBe('"temp" * 2 AS t');
    expect(text(st.query.items[0].expr)).toBe('"temp" * 2');
    expect(text(st.query.where!)).toBe('ABS("temp") > 30');
    expect(st.query.where).toMatchObject({ kind: 'Binary', left: { kind: 'Call', loc: { column: 44, end: { line: 1, column: 55 } } } });
  });

  it('reports the first error of every broken statement and keeps the others', () => {
    const r = parseScriptRecovering(`SELECT STREAM a FROM s WHERE (a = 1;\nCREATE STREAM t (a INTEGER);\nCREATE STREAM u (a FOO);\nSELECT STREAM 'x FROM s`);
    expect(r.errors.map((e) => e.message)).toEqual([
      "Syntax error at line 1, column 36: expected ')' but found ';'",
      "Syntax error at line 3, column 20: unknown data type 'FOO'",
      'Syntax error at line 4, column 15: unterminated string literal',
    ]);
    expect(r.statements.map((s) => s.kind)).toEqual(['CreateStream']);
    expect(r.broken).toEqual(['U']);
    expect(r.errors[2].end).toMatchObject({ line: 4, column: 24 });
  });

  it('resumes at a CREATE when a statement lacks its semicolon', () => {
    const r = parseScriptRecovering(`CREATE STREAM s (a INTEGER\nCREATE STREAM t (a INTEGER);`);
    expect(r.errors.map((e) => e.message)).toEqual(["Syntax error at line 2, column 1: expected ')' but found 'CREATE'"]);
    expect(r.statements).toMatchObject([{ kind: 'CreateStream', name: { value: 'T' } }]);
    expect(r.broken).toEqual(['S']);
  });
});
