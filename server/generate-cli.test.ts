import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenerateCli } from './generate-cli';
import { WORKSHOP_SENSOR_TEMPLATE } from '../src/engine/generator/workshop';

const SENSOR = WORKSHOP_SENSOR_TEMPLATE;

const run = (args: string[], files: Record<string, string> = { 't.json': SENSOR }) => {
  let out = '';
  let err = '';
  const code = runGenerateCli(args, {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[p];
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
};

describe('npm run generate', () => {
  it('prints N records, one per line, with the clock fixed by --time', () => {
    const r = run(['t.json', '--count', '4', '--seed', '1', '--time', '2026-03-01T10:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    // current.timestamp is KDG's date.now: ISO 8601 with the local offset, at the --time instant
    for (const l of lines) expect(Date.parse(JSON.parse(l).eventTimeStamp)).toBe(Date.UTC(2026, 2, 1, 10));
  });

  it('repeats its output for the same seed', () => {
    const a = run(['t.json', '--count=20', '--seed=7', '--time=0']);
    expect(run(['t.json', '--count', '20', '--seed', '7', '--time', '0']).out).toBe(a.out);
    expect(run(['t.json', '--count', '20', '--seed', '8', '--time', '0']).out).not.toBe(a.out);
  });

  it('a bad template: FILE:line:column: message for each problem, exit 2', () => {
    const r = run(['bad.txt', '--count', '1'], { 'bad.txt': 'ok\n  {{random.nubmer}} {{random.number({"min":2,"max":1})}}' });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'bad.txt:2:5: Unknown helper "random.nubmer" (did you mean random.number?)\n' +
        'bad.txt:2:23: random.number: min (2) is greater than max (1)\n',
    );
  });

  it('--help explains every option with an example and exits 0', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    for (const option of ['--count', '--seed', '--time', 'Example:']) expect(out).toContain(option);
    expect(out).toMatch(/npm run -s generate -- \S+ --count \d+/);
  });

  it('bad arguments exit 1 with the usage', () => {
    expect(run([]).code).toBe(1);
    expect(run(['t.json', '--count', 'x']).err).toMatch(/^--count must be a whole number, not "x"\nusage: /);
    expect(run(['t.json', '--time', 'yesterday']).err).toMatch(/^--time must be an ISO-8601 time/);
    expect(run(['t.json', '--bogus']).err).toMatch(/^unknown option --bogus/);
    expect(run(['missing.json'])).toMatchObject({ code: 1, err: 'missing.json: no such file\n' });
  });

  it('runs as a command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'generate-cli-'));
    const good = join(dir, 'sensor.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, SENSOR);
    writeFileSync(bad, '{{nope.nope}}');
    const cli = (file: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/generate-cli.ts', file, '--count', '3', '--seed', '2', '--time', '2026-01-01T00:00:00Z'], {
        encoding: 'utf8',
      });
    const ok = cli(good);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trimEnd().split('\n').map((l) => Date.parse(JSON.parse(l).eventTimeStamp))).toEqual(Array(3).fill(1767225600000));
    const ko = cli(bad);
    expect(ko.status).toBe(2);
    expect(ko.stderr).toBe(`${bad}:1:3: Unknown helper "nope.nope"\n`);
  }, 20_000);
});
