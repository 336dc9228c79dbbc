import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSqlCli } from './sql-cli';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (sql: string, input: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'sql-cli-'));
  writeFileSync(join(dir, 'app.sql'), sql);
  writeFileSync(join(dir, 'in.jsonl'), input);
  return spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'server/sql-cli.ts'), 'app.sql', '--input', 'in.jsonl'], { cwd: dir, encoding: 'utf8' });
};

/** The command in this process, over files held in memory (`-` is standard input). */
const cli = (args: string[], files: Record<string, string>) => {
  let out = '';
  let err = '';
  const code = runSqlCli(args, {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[p];
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
};

const COUNT_PER_SECOND = `SELECT STREAM "k", COUNT(*) AS n FROM SOURCE_SQL_STREAM_001 GROUP BY "k", FLOOR(ROWTIME TO SECOND);`;
const rows = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l) as { ROWTIME: string; row: Record<string, unknown> });

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

  it('reads plain records from standard input with -, as npm run generate prints them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sql-cli-'));
    writeFileSync(join(dir, 'app.sql'), COUNT_PER_SECOND);
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'server/sql-cli.ts'), 'app.sql', '--input', '-', '--rate', '2'], {
      cwd: dir,
      encoding: 'utf8',
      input: '{"k":"a"}\n{"k":"a"}\n{"k":"b"}\n',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(rows(r.stdout).map((x) => `${x.ROWTIME} ${x.row.k} ${x.row.N}`)).toEqual(['2026-01-01 00:00:01.000 a 2', '2026-01-01 00:00:02.000 b 1']);
  });

  it('times plain records from --start at --rate, and timed records by their arrival, line by line', () => {
    const r = cli(['app.sql', '--input', 'in', '--start', '2026-03-01T10:00:00Z', '--rate=1'], {
      'app.sql': COUNT_PER_SECOND,
      in: '{"k":"a"}\n\n{"arrival":"2026-03-01T10:00:00.500Z","data":{"k":"t"}}\n{"k":"a"}\n{"k":"b"}\n',
    });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(rows(r.out).map((x) => `${x.ROWTIME} ${x.row.k} ${x.row.N}`)).toEqual([
      '2026-03-01 10:00:01.000 a 1',
      '2026-03-01 10:00:01.000 t 1',
      '2026-03-01 10:00:02.000 a 1',
      '2026-03-01 10:00:03.000 b 1',
    ]);
  });

  it('reads CSV lines as plain records when a schema says so', () => {
    const schema = {
      RecordFormat: { RecordFormatType: 'CSV', MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: ',' } } },
      RecordEncoding: 'UTF-8',
      RecordColumns: [{ Name: 'k', SqlType: 'VARCHAR(4)' }],
    };
    const r = cli(['app.sql', '--input', 'in.csv', '--schema', 's.json'], { 'app.sql': COUNT_PER_SECOND, 'in.csv': 'a\na\n', 's.json': JSON.stringify(schema) });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(rows(r.out).map((x) => x.row)).toEqual([{ k: 'a', N: 2 }]);
  });

  it('a bad input line prints FILE:LINE: message and exits 2', () => {
    const bad = (input: string) => cli(['app.sql', '--input', 'in.jsonl'], { 'app.sql': COUNT_PER_SECOND, 'in.jsonl': input });
    expect(bad('{"k":"a"}\n{"k": \n')).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^in\.jsonl:2: not a JSON record \(.+\)\n$/) });
    expect(bad('{"k":"a"}\n\n{"arrival":"yesterday","data":{"k":"a"}}\n')).toEqual({ code: 2, out: '', err: 'in.jsonl:3: "arrival" must be an ISO-8601 time, not "yesterday"\n' });
    expect(cli(['app.sql', '--input', '-'], { 'app.sql': COUNT_PER_SECOND, '-': '[1,\n' })).toMatchObject({ code: 2, err: expect.stringMatching(/^<stdin>:1: not a JSON record/) });
  });

  it('explains both input forms with --help, and names an unknown flag', () => {
    const help = cli(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('{"arrival":"2026-01-01T00:00:05Z","data":{"sensorId":"a","temp":21}}');
    expect(help.out).toContain('npm run -s generate -- sensor.json --count 600 --seed 1 | npm run -s sql -- app.sql --input -');
    expect(cli(['app.sql', '--input', 'x', '--speed', '2'], {})).toMatchObject({ code: 64, err: expect.stringMatching(/^unknown option --speed\nusage: /) });
    expect(cli(['app.sql', '--input', 'x', '--rate', '0'], {}).err).toMatch(/^--rate must be a positive number of records per second, not "0"/);
    expect(cli(['app.sql', '--input', 'x', '--start', 'soon'], {}).err).toMatch(/^--start must be an ISO-8601 time, not "soon"/);
    expect(cli(['app.sql'], {}).err).toMatch(/^missing --input/);
    expect(cli(['app.sql', '--input', 'nope'], { 'app.sql': '' })).toEqual({ code: 1, out: '', err: 'nope: no such file\n' });
  });

  describe('--export-flink', () => {
    const SCHEMA = {
      RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
      RecordEncoding: 'UTF-8',
      RecordColumns: [
        { Name: 'k', SqlType: 'VARCHAR(8)', Mapping: '$.k' },
        { Name: 'temp', SqlType: 'DOUBLE', Mapping: '$.temp' },
      ],
    };
    const PUMP = `CREATE OR REPLACE STREAM "PER_SECOND" ("k" VARCHAR(8), "n" BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "PER_SECOND" ${COUNT_PER_SECOND}`;

    it('prints the Flink SQL script: the source table on the named stream and region, the pump as INSERT INTO over a TUMBLE window', () => {
      const r = cli(['app.sql', '--export-flink', '--schema', 's.json', '--stream', 'sensor-stream', '--region', 'eu-west-1'], { 'app.sql': PUMP, 's.json': JSON.stringify(SCHEMA) });
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toContain("CREATE TABLE `SOURCE_SQL_STREAM_001` (\n  `k` STRING,\n  `temp` DOUBLE,");
      expect(r.out).toContain("'stream' = 'sensor-stream',\n  'aws.region' = 'eu-west-1',");
      expect(r.out).toContain("INSERT INTO `PER_SECOND`\nSELECT `k`,\n       COUNT(*) AS `n`\nFROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' SECOND))");
    });

    it('discovers the columns from --input records when there is no schema, with the default stream and region', () => {
      const r = cli(['app.sql', '--export-flink', '--input', '-'], { 'app.sql': PUMP, '-': '{"k":"a","temp":21.5,"ok":true}\n' });
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toContain('  `k` STRING,\n  `temp` DOUBLE,\n  `ok` BOOLEAN,');
      expect(r.out).toContain("'stream' = 'input-stream',\n  'aws.region' = 'us-east-1',");
    });

    it('prints a script mistake as file:line:column: message and exits 2', () => {
      expect(cli(['app.sql', '--export-flink', '--schema', 's.json'], { 'app.sql': 'SELECT STREAM *\nFROM', 's.json': JSON.stringify(SCHEMA) })).toEqual({
        code: 2,
        out: '',
        err: "app.sql:2:5: Syntax error: expected a stream name but found '<end of script>'\n",
      });
    });

    it('names the flag of a bad combination, and --help shows an example', () => {
      const bad = (args: string[]) => cli(['app.sql', ...args], {}).err.split('\n')[0];
      expect(bad(['--input', 'x', '--stream', 's'])).toBe('--stream applies only with --export-flink');
      expect(bad(['--input', 'x', '--region', 'eu-west-1'])).toBe('--region applies only with --export-flink');
      expect(bad(['--export-flink'])).toBe('--export-flink needs --schema SCHEMA.json or --input RECORDS for the input columns');
      expect(bad(['--export-flink', '--schema', 's', '--input', 'x'])).toBe('--export-flink takes --schema or --input, not both');
      expect(bad(['--export-flink', '--input', 'x', '--rate', '2'])).toBe('--rate does not apply with --export-flink (nothing runs)');
      expect(bad(['--export-flink', '--input', 'x', '--stream'])).toBe('--stream needs a value');
      expect(cli(['app.sql', '--export-flink'], {}).code).toBe(64);
      const help = cli(['--help'], {}).out;
      expect(help).toContain('--export-flink (--schema SCHEMA.json | --input RECORDS|-) [--stream NAME] [--region REGION]');
      expect(help).toContain('npm run -s sql -- app.sql --export-flink --input records.jsonl --stream sensor-stream --region eu-west-1 > app.flink.sql');
    });
  });
});
