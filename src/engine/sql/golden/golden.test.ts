/**
 * Golden cases: each folder holds app.sql, input.jsonl (records with arrival times), optional
 * schema.json (InputSchema), and either expected.jsonl (the rows, in emission order) or
 * expected-errors.txt (one `line:column: message` per error). They run on virtual time through
 * runHeadless, the same code path as `npm run sql`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInputLines, runHeadless } from '../headless';

const here = dirname(fileURLToPath(import.meta.url));
const cases = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const read = (c: string, f: string) => readFileSync(join(here, c, f), 'utf8');
const lines = (s: string) => s.split('\n').filter((l) => l.trim().length > 0);

describe('golden cases', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
  for (const c of cases) {
    it(c, () => {
      const schema = existsSync(join(here, c, 'schema.json')) ? JSON.parse(read(c, 'schema.json')) : undefined;
      const result = runHeadless(read(c, 'app.sql'), parseInputLines(read(c, 'input.jsonl')), schema);
      if (existsSync(join(here, c, 'expected-errors.txt'))) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.map((e) => `${e.line}:${e.column}: ${e.message}`)).toEqual(lines(read(c, 'expected-errors.txt')));
        return;
      }
      if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column}: ${e.message}`).join('\n'));
      expect(result.lines.map((l) => JSON.parse(l))).toEqual(lines(read(c, 'expected.jsonl')).map((l) => JSON.parse(l)));
    });
  }
});
