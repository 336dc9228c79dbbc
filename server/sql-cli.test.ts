import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (sql: string, input: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'sql-cli-'));
  writeFileSync(join(dir, 'app.sql'), sql);
  writeFileSync(join(dir, 'in.jsonl'), input);
  return spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'server/sql-cli.ts'), 'app.sql', '--input', 'in.jsonl'], { cwd: dir, encoding: 'utf8' });
};

describe('npm run sql', () => {
  it('prints one JSON line per row and closes open windows an hour after the last record', () => {
    const r = run(
      `SELECT STREAM "k", COUNT(*) AS n FROM SOURCE_SQL_STREAM_001 GROUP BY "k", FLOOR(ROWTIME TO MINUTE);`,
      '{"arrival":"2026-01-01T00:00:05Z","data":{"k":"a"}}\n{"arrival":"2026-01-01T00:00:06Z","data":"{\\"k\\":\\"a\\"}"}\n',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"stream":"QUERY_1","ROWTIME":"2026-01-01 00:01:00.000","row":{"k":"a","N":2}}\n');
  });

  it('prints script errors as file:line:column: message and exits 2', () => {
    const r = run(`SELECT STREAM *\nFROM SOURCE_SQL_STREAM_001\nWHERE (1 = 1;`, '{"arrival":"2026-01-01T00:00:05Z","data":{"k":"a"}}\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("app.sql:3:13: Syntax error: expected ')' but found ';'\n");
    expect(r.stdout).toBe('');
  });
});
