import { describe, expect, it } from 'vitest';
import { diagnoseSql, sqlDialect } from './editor';

const columns = [
  { Name: 'sensorId', SqlType: 'VARCHAR(16)', Mapping: '$.sensorId' },
  { Name: 'measuredTemp', SqlType: 'INTEGER', Mapping: '$.measuredTemp' },
];

describe('the SQL editor services', () => {
  it('gives the dialect with each word in one class', () => {
    const d = sqlDialect();
    expect(d.keywords).toContain('SELECT');
    expect(d.keywords).toContain('PUMP');
    expect(d.types).toContain('VARCHAR');
    expect(d.keywords).not.toContain('VARCHAR');
    expect(d.functions.find((f) => f.name === 'FLOOR')?.signature).toMatch(/^FLOOR\(/);
    expect(d.keywords).not.toContain('FLOOR');
  });

  it('finds nothing wrong with good SQL over the source columns', () => {
    expect(diagnoseSql('SELECT STREAM "sensorId" FROM "SOURCE_SQL_STREAM_001" WHERE "measuredTemp" > 30;', columns)).toEqual([]);
  });

  it('underlines an unknown column where it is, in editor coordinates', () => {
    const [p] = diagnoseSql('SELECT STREAM "sensorId",\n  "nope" FROM "SOURCE_SQL_STREAM_001";', columns);
    expect(p).toMatchObject({ severity: 'error', startLineNumber: 2, startColumn: 3, endLineNumber: 2, endColumn: 9 });
    expect(p.message).toContain('nope');
  });

  it('widens a problem at the very end of the script to one character', () => {
    const problems = diagnoseSql('SELECT STREAM "sensorId" FROM', columns);
    expect(problems).toHaveLength(1);
    const p = problems[0];
    expect(p.message).toMatch(/^Syntax error: /);
    expect(p.endColumn - p.startColumn).toBe(1);
  });
});
