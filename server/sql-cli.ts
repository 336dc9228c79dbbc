/**
 * `npm run sql -- APP.sql --input RECORDS.jsonl [--schema SCHEMA.json]`
 * Runs a Kinesis Data Analytics SQL application headless on virtual time and prints one JSON line
 * per row of every in-application stream it writes (and of error_stream), in emission order.
 * Script errors print as `file:line:column: message` on stderr, exit status 2.
 */
import { readFileSync } from 'node:fs';
import { parseInputLines, runHeadless } from '../src/engine/sql/headless';
import type { InputSchema } from '../src/engine/sql/discovery/discover';

const usage = 'usage: npm run sql -- APP.sql --input RECORDS.jsonl [--schema SCHEMA.json]';

function main(argv: string[]): number {
  let app: string | undefined;
  let input: string | undefined;
  let schemaFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--input') input = argv[++i];
    else if (a === '--schema') schemaFile = argv[++i];
    else if (a === '--help' || a === '-h') {
      process.stdout.write(usage + '\n');
      return 0;
    } else if (!app && !a.startsWith('--')) app = a;
    else {
      process.stderr.write(`unexpected argument '${a}'\n${usage}\n`);
      return 64;
    }
  }
  if (!app || !input) {
    process.stderr.write(usage + '\n');
    return 64;
  }
  const script = readFileSync(app, 'utf8');
  const records = parseInputLines(readFileSync(input, 'utf8'));
  const schema = schemaFile ? (JSON.parse(readFileSync(schemaFile, 'utf8')) as InputSchema) : undefined;
  const result = runHeadless(script, records, schema);
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(`${app}:${e.line}:${e.column}: ${e.message}\n`);
    return 2;
  }
  process.stdout.write(result.lines.map((l) => l + '\n').join(''));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
