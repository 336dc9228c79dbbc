/**
 * `npm run emulator -- [--port 4567] [--state-delay-ms 500] [--data-dir DIR] [--cors-origin ORIGIN]`:
 * the console's emulator as an HTTP server on 127.0.0.1, for the AWS CLI, other SDKs and the
 * console's page in AWS mode.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEFAULT_RECORD_CAP, MIN_RECORD_CAP } from '../src/worker/storageUnits';
import { DataDirError } from './fileStorage';
import { heapLimitFor, startEmulatorServer } from './http';
import { CONSOLE_PORTS, corsOriginError } from './access';

const MiB = 1024 * 1024;

const usage = `Usage: npm run emulator -- [--port N] [--state-delay-ms N] [--max-record-mb N] [--data-dir DIR]
                             [--no-throttle] [--cors-origin ORIGIN]...

Runs the Kinesis Workshop Console's emulator (Kinesis Data Streams and the other emulated
services) as an HTTP server on 127.0.0.1. Clients that are not web pages (the AWS CLI, the
SDKs) are served as they are. Web pages are served only from the console's own origins:
http://127.0.0.1:P and http://localhost:P for P in ${CONSOLE_PORTS.join(', ')} and this server's port.
Requests addressed to any host but 127.0.0.1 or localhost are refused.

Options:
  --port N             port to listen on (default 4567; 0 picks a free port and prints it)
  --state-delay-ms N   how long CREATING, UPDATING and DELETING last, in ms (default 500)
  --max-record-mb N    the most record data (data + partition keys) kept in memory, in MiB
                       (default 256); past it the oldest records are dropped, with a log line
  --data-dir DIR       keep the state in DIR (created if missing) and restore it on start; a
                       request that changes anything is answered once its change is on disk,
                       so even a killed server loses nothing it acknowledged. One server per
                       DIR. Without it the state lives in memory and a restart starts empty
  --no-throttle        do not enforce the per-shard read and write limits (as kinesalite;
                       for load tests of the server itself, not for learning Kinesis)
  --cors-origin ORIGIN also serve pages on ORIGIN (such as http://127.0.0.1:8080); repeatable.
                       '*' serves pages on every origin: any site you visit could then
                       read and change the emulator's streams
  -h, --help           show this help

Example:
  aws kinesis list-streams --endpoint-url http://127.0.0.1:4567 --region us-east-1
`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n\n${usage}`);
  process.exit(2);
};

const nonNegativeInt = (name: string, raw: string): number => {
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a whole number, got '${raw}'`);
  return Number(raw);
};

const HEAP_FLAG = '--max-old-space-size';

/**
 * Runs this server again in a child Node with a heap limit of `heapMiB`, unless this process was
 * started with one (then returns false and the caller serves). The child inherits the terminal and
 * signals are passed on; this process exits with the child's status.
 */
const withHeapLimit = (heapMiB: number): boolean => {
  if (process.execArgv.some((a) => a.startsWith(HEAP_FLAG)) || process.env.NODE_OPTIONS?.includes(HEAP_FLAG)) return false;
  const child = spawn(process.execPath, [...process.execArgv, `${HEAP_FLAG}=${heapMiB}`, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
};

const main = async () => {
  let values: {
    port?: string;
    'state-delay-ms'?: string;
    'max-record-mb'?: string;
    'data-dir'?: string;
    'no-throttle'?: boolean;
    'cors-origin'?: string[];
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'state-delay-ms': { type: 'string' },
        'max-record-mb': { type: 'string' },
        'data-dir': { type: 'string' },
        'no-throttle': { type: 'boolean' },
        'cors-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const port = values.port === undefined ? 4567 : nonNegativeInt('port', values.port);
  if (port > 65535) fail(`--port must be at most 65535, got ${port}`);
  const stateDelayMs =
    values['state-delay-ms'] === undefined ? 500 : nonNegativeInt('state-delay-ms', values['state-delay-ms']);

  let maxRecordBytes: number | undefined;
  if (values['max-record-mb'] !== undefined) {
    const mb = nonNegativeInt('max-record-mb', values['max-record-mb']);
    if (mb * MiB < MIN_RECORD_CAP) fail(`--max-record-mb must be at least ${MIN_RECORD_CAP / MiB}, got ${mb}`);
    maxRecordBytes = mb * MiB;
  }
  const dataDir = values['data-dir'];
  if (dataDir === '') fail('--data-dir needs a directory');

  const corsOrigins = values['cors-origin'] ?? [];
  for (const origin of corsOrigins) {
    const problem = corsOriginError(origin);
    if (problem) fail(problem);
  }

  // Records cost about 1.5 bytes of heap per byte of data, and V8 lets garbage pile up to its heap
  // limit before it collects it all: a limit sized to the cap keeps the process's memory bounded.
  const heapMiB = heapLimitFor(maxRecordBytes ?? DEFAULT_RECORD_CAP);
  if (withHeapLimit(heapMiB)) return;

  let server;
  try {
    server = await startEmulatorServer({
      port,
      host: '127.0.0.1',
      stateDelayMs,
      maxRecordBytes,
      dataDir,
      corsOrigins,
      emulator: values['no-throttle'] ? { options: { enforceThroughput: false } } : undefined,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `port ${port} is already in use on 127.0.0.1\n`
        : e instanceof DataDirError
          ? `${e.message}\n`
          : `${String(e)}\n`,
    );
    process.exit(1);
  }
  const r = server.recovered;
  if (r) {
    if (r.droppedTail) process.stdout.write(`${r.dir}: dropped a change that was being written when the server stopped, never acknowledged (${r.droppedTail})\n`);
    process.stdout.write(
      `restored ${r.records.toLocaleString('en-US')} records in ${r.streams.toLocaleString('en-US')} streams from ${r.dir} in ${Math.round(r.ms).toLocaleString('en-US')} ms\n`,
    );
  }
  process.stdout.write(`listening on ${server.url}\n`);
  if (corsOrigins.includes('*')) process.stdout.write('serving web pages on every origin (--cors-origin *)\n');
  else if (corsOrigins.length > 0) process.stdout.write(`also serving web pages on ${corsOrigins.join(', ')}\n`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

void main();
