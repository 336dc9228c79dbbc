/**
 * `npm run generate -- TEMPLATE_FILE --count N [--seed S] [--time ISO]`
 *
 * Prints N records rendered from a Kinesis Data Generator template, one per line. `--seed` makes
 * the output repeatable; `--time` fixes the clock that current.timestamp and date.* read. A bad
 * template prints `TEMPLATE_FILE:line:column: message` for each problem on stderr and exits 2;
 * bad command-line arguments exit 1.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { RealClock, VirtualClock, type Clock } from '../src/engine/common/clock';
import { PlatformRng, SeededRng, type Rng } from '../src/engine/common/rng';
import { compileTemplate, TemplateError, TemplateRenderer } from '../src/engine/generator/template';

export interface CliIo {
  readFile: (path: string) => string;
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = 'usage: npm run generate -- TEMPLATE_FILE --count N [--seed S] [--time ISO-8601]';

const HELP = `${USAGE}

Renders records from a Kinesis Data Generator template (the text the generator page sends) and
prints them to standard output, one per line, without sending them anywhere.

  TEMPLATE_FILE  the record template, e.g. {"sensorId": {{random.number(50)}}, "at": "{{date.now}}"}
  --count N      how many records to print (default 5); -n N does the same
  --seed S       an integer: the same seed prints the same records every time
  --time ISO     the time that current.timestamp and the date helpers read, as ISO-8601 or epoch
                 milliseconds (default: the real time, read afresh for every record)

Example:
  npm run -s generate -- sensor.json --count 600 --seed 1 > records.jsonl
(-s keeps npm's own banner lines out of the output.)

A mistake in the template prints TEMPLATE_FILE:line:column: message for each and exits 2; bad
arguments exit 1.
`;

/** Runs the command; returns the exit code. */
export const runGenerateCli = (argv: string[], io: CliIo): number => {
  let file: string | undefined;
  let count = 5;
  let seed: number | undefined;
  let time: number | undefined;
  const usage = (why: string) => {
    io.err(`${why}\n${USAGE}\n`);
    return 1;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--count' || flag === '-n') {
      const v = value();
      count = Number(v);
      if (!Number.isInteger(count) || count < 0) return usage(`--count must be a whole number, not ${JSON.stringify(v)}`);
    } else if (flag === '--seed') {
      const v = value();
      seed = Number(v);
      if (!Number.isInteger(seed)) return usage(`--seed must be an integer, not ${JSON.stringify(v)}`);
    } else if (flag === '--time') {
      const v = value();
      time = v === undefined ? NaN : /^-?\d+$/.test(v) ? Number(v) : Date.parse(v);
      if (!Number.isFinite(time)) return usage(`--time must be an ISO-8601 time or epoch milliseconds, not ${JSON.stringify(v)}`);
    } else if (flag === '--help' || flag === '-h') {
      io.out(HELP);
      return 0;
    } else if (a.startsWith('-') && a !== '-') return usage(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else return usage(`unexpected argument ${a}`);
  }
  if (file === undefined) return usage('missing TEMPLATE_FILE');
  let source: string;
  try {
    source = io.readFile(file);
  } catch (e) {
    io.err(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 1;
  }
  const clock: Clock = time === undefined ? new RealClock() : new VirtualClock(time);
  const rng: Rng = seed === undefined ? new PlatformRng() : new SeededRng(seed);
  try {
    const renderer = new TemplateRenderer(compileTemplate(source), { clock, rng });
    let chunk = '';
    for (let i = 0; i < count; i++) {
      chunk += `${renderer.render()}\n`;
      if (chunk.length > 1 << 16) {
        io.out(chunk);
        chunk = '';
      }
    }
    if (chunk) io.out(chunk);
    return 0;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    io.err(e.all.map((x) => `${x.format(file)}\n`).join(''));
    return 2;
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runGenerateCli(process.argv.slice(2), {
    readFile: (p) => readFileSync(p, 'utf8'),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
