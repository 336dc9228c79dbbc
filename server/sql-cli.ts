/**
 * `npm run sql -- APP.sql --input RECORDS [--schema SCHEMA.json] [--start ISO] [--rate N]`
 * Runs a Kinesis Data Analytics SQL application headless on virtual time and prints one JSON line
 * per row of every in-application stream it writes (and of error_stream), in emission order.
 * `npm run sql -- APP.sql --export-flink [--schema SCHEMA.json | --input RECORDS] [--stream NAME --region REGION]`
 * prints the application as a Flink SQL script instead.
 * Script errors print as `APP.sql:line:column: message`, a bad input line as `RECORDS:line: message`,
 * on stderr, exit status 2; bad arguments exit 64 with the usage.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { InputSchema } from '../src/engine/sql/discovery/discover';
import { SqlCompileError } from '../src/engine/sql/errors';
import { exportFlinkSql } from '../src/engine/sql/flink/export';
import { DEFAULT_RATE, DEFAULT_START, discoverRecordsSchema, InputLineError, parseInputLines, runHeadless } from '../src/engine/sql/headless';

export interface SqlCliIo {
  /** Reads a file; `-` is standard input. */
  readFile: (path: string) => string;
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `usage: npm run sql -- APP.sql --input RECORDS|- [--schema SCHEMA.json] [--start ISO-8601] [--rate N]
       npm run sql -- APP.sql --export-flink (--schema SCHEMA.json | --input RECORDS|-) [--stream NAME] [--region REGION]`;

const DEFAULT_STREAM = 'input-stream';
const DEFAULT_REGION = 'us-east-1';

const HELP = `${USAGE}

Runs a Kinesis Data Analytics SQL application on virtual time over recorded input and prints
every row its streams (and error_stream) emit, one JSON line each. Open windows close one hour
of virtual time after the last record.

  --input RECORDS   the input records, one per line; - reads standard input
  --schema FILE     the input schema (DiscoverInputSchema's InputSchema); discovered from the
                    first 100 records when left out
  --start ISO       arrival time of the first plain record (default ${DEFAULT_START})
  --rate N          plain records per second of arrival time (default ${DEFAULT_RATE})

Each input line is read on its own:
  - a JSON object with exactly the keys "arrival" and "data" is a timed record:
      {"arrival":"2026-01-01T00:00:05Z","data":{"sensorId":"a","temp":21}}
  - any other line is a plain record, as npm run generate prints them:
      {"sensorId":"a","temp":21}
    the k-th plain record (from 0) arrives at --start + k / --rate seconds.

Example:
  npm run -s generate -- sensor.json --count 600 --seed 1 | npm run -s sql -- app.sql --input -
(-s keeps npm's own banner lines out of the pipe.)

With --export-flink nothing runs: the application is printed as a Flink SQL script for Amazon
Managed Service for Apache Flink (a Studio notebook or a Flink SQL job), its source table's
columns from --schema, or discovered from the first 100 records of --input. What has no Flink
counterpart stays in the script as comments under "-- Not translated:" lines. Check the script
before relying on it: it is a starting point, not a proven equivalent.

  --export-flink    print the Flink SQL script on standard output
  --stream NAME     the Kinesis stream the source table reads (default ${DEFAULT_STREAM})
  --region REGION   its AWS Region (default ${DEFAULT_REGION})

Example:
  npm run -s sql -- app.sql --export-flink --input records.jsonl --stream sensor-stream --region eu-west-1 > app.flink.sql

A mistake in the script prints APP.sql:line:column: message, a bad input line RECORDS:line: message
(both exit 2); bad arguments exit 64.
`;

const EXIT_USAGE = 64;
const EXIT_INPUT = 2;

/** Runs the command; returns the exit code. */
export function runSqlCli(argv: string[], io: SqlCliIo): number {
  let app: string | undefined;
  let input: string | undefined;
  let schemaFile: string | undefined;
  let start: string | undefined;
  let rate: number | undefined;
  let exportFlink = false;
  let stream: string | undefined;
  let region: string | undefined;
  const usage = (why: string) => {
    io.err(`${why}\n${USAGE}\n`);
    return EXIT_USAGE;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--input') input = value();
    else if (flag === '--schema') schemaFile = value();
    else if (flag === '--start') {
      start = value();
      if (start === undefined || Number.isNaN(Date.parse(start))) return usage(`--start must be an ISO-8601 time, not ${JSON.stringify(start)}`);
    } else if (flag === '--rate') {
      const v = value();
      rate = Number(v);
      if (!(rate > 0) || !Number.isFinite(rate)) return usage(`--rate must be a positive number of records per second, not ${JSON.stringify(v)}`);
    } else if (flag === '--export-flink') exportFlink = true;
    else if (flag === '--stream' || flag === '--region') {
      const v = value();
      if (!v || v.startsWith('--')) return usage(`${flag} needs a value`);
      if (flag === '--stream') stream = v;
      else region = v;
    } else if (flag === '--help' || flag === '-h') {
      io.out(HELP);
      return 0;
    } else if (a.startsWith('-') && a !== '-') return usage(`unknown option ${flag}`);
    else if (app === undefined) app = a;
    else return usage(`unexpected argument ${a}`);
  }
  if (app === undefined) return usage('missing APP.sql');
  if (!exportFlink) {
    if (stream !== undefined) return usage('--stream applies only with --export-flink');
    if (region !== undefined) return usage('--region applies only with --export-flink');
  } else {
    if (start !== undefined) return usage('--start does not apply with --export-flink (nothing runs)');
    if (rate !== undefined) return usage('--rate does not apply with --export-flink (nothing runs)');
    if (input === undefined && schemaFile === undefined) return usage('--export-flink needs --schema SCHEMA.json or --input RECORDS for the input columns');
    if (input !== undefined && schemaFile !== undefined) return usage('--export-flink takes --schema or --input, not both');
  }
  if (input === undefined && !exportFlink) return usage('missing --input RECORDS (- for standard input)');
  const read = (path: string): string | undefined => {
    try {
      return io.readFile(path);
    } catch (e) {
      io.err(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return undefined;
    }
  };
  const script = read(app);
  const text = input === undefined ? '' : read(input);
  const schemaText = schemaFile === undefined ? undefined : read(schemaFile);
  if (script === undefined || text === undefined || (schemaFile !== undefined && schemaText === undefined)) return 1;
  const inputName = input === '-' ? '<stdin>' : input;
  let records;
  try {
    records = parseInputLines(text, { start, rate });
  } catch (e) {
    if (!(e instanceof InputLineError)) throw e;
    io.err(`${inputName}:${e.line}: ${e.detail}\n`);
    return EXIT_INPUT;
  }
  let schema: InputSchema | undefined;
  if (schemaText !== undefined) {
    try {
      schema = JSON.parse(schemaText) as InputSchema;
    } catch (e) {
      io.err(`${schemaFile}: not JSON (${(e as Error).message})\n`);
      return EXIT_INPUT;
    }
  }
  if (exportFlink) {
    try {
      const inputSchema = schema ?? discoverRecordsSchema(records);
      io.out(exportFlinkSql(script, { schema: inputSchema, source: { kind: 'kinesis', name: stream ?? DEFAULT_STREAM }, region: region ?? DEFAULT_REGION }).script);
      return 0;
    } catch (e) {
      if (e instanceof SqlCompileError) {
        io.err(`${app}:${e.loc.line}:${e.loc.column}: ${e.shortMessage}\n`);
        return EXIT_INPUT;
      }
      io.err(`${input ?? schemaFile}: ${(e as Error).message}\n`);
      return EXIT_INPUT;
    }
  }
  const result = runHeadless(script, records, schema);
  if (!result.ok) {
    io.err(result.errors.map((e) => `${app}:${e.line}:${e.column}: ${e.message}\n`).join(''));
    return EXIT_INPUT;
  }
  io.out(result.lines.map((l) => l + '\n').join(''));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runSqlCli(process.argv.slice(2), {
    readFile: (p) => readFileSync(p === '-' ? 0 : p, 'utf8'),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
