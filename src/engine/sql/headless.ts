/**
 * Runs an application on virtual time over recorded input: the engine behind `npm run sql`
 * and the golden tests (one code path for both).
 */
import { VirtualClock } from '../common/clock';
import { SeededRng } from '../common/rng';
import { Application, displayValue, ERROR_STREAM } from './application';
import { discoverSchema, type InputSchema } from './discovery/discover';
import { SqlCompileErrors } from './errors';
import { formatTimestamp } from './functions/datetime';

export interface InputRecord {
  /** ISO-8601 arrival time: becomes ROWTIME and APPROXIMATE_ARRIVAL_TIME. */
  arrival: string;
  data: unknown;
}

export type HeadlessResult = { ok: true; lines: string[]; schema: InputSchema } | { ok: false; errors: { line: number; column: number; message: string }[] };

/** Time advanced after the last record so that open windows close (the "one hour"). */
export const FINAL_ADVANCE_MS = 3_600_000;


/** Where plain records start arriving unless told otherwise: fixed, so a run repeats exactly. */
export const DEFAULT_START = '2026-01-01T00:00:00Z';
/** Plain records per second of arrival time unless told otherwise. */
export const DEFAULT_RATE = 10;

export interface InputOptions {
  /** Arrival of the first plain record, ISO-8601 (default DEFAULT_START). */
  start?: string;
  /** Plain records per second: the k-th plain record (from 0) arrives k / rate seconds after start (default DEFAULT_RATE). */
  rate?: number;
}

/** A bad input line; `line` is 1-based. */
export class InputLineError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'InputLineError';
  }
}

const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * Parses an input file, one record per non-empty line, deciding line by line:
 * - a JSON object whose keys are exactly `arrival` and `data` is a timed record: `{"arrival": ISO, "data": record}`
 *   (`data` a JSON value, or a string holding the record's text);
 * - any other line is a plain record, as `npm run generate` prints them (a JSON object, or a CSV line):
 *   the k-th plain record arrives at `start` + k / `rate` seconds.
 * A line that starts like JSON (`{` or `[`) must be valid JSON. Throws InputLineError for a bad line.
 */
export function parseInputLines(text: string, opts: InputOptions = {}): InputRecord[] {
  const start = Date.parse(opts.start ?? DEFAULT_START);
  const rate = opts.rate ?? DEFAULT_RATE;
  if (Number.isNaN(start)) throw new Error(`start must be an ISO-8601 time, not ${JSON.stringify(opts.start)}`);
  if (!(rate > 0)) throw new Error(`rate must be a positive number, not ${rate}`);
  const out: InputRecord[] = [];
  let plain = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l.length === 0) continue;
    let parsed: unknown = undefined;
    if (l[0] === '{' || l[0] === '[') {
      try {
        parsed = JSON.parse(l);
      } catch (e) {
        throw new InputLineError(i + 1, `not a JSON record (${(e as Error).message})`);
      }
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const keys = Object.keys(parsed);
      if (keys.length === 2 && keys.includes('arrival') && keys.includes('data')) {
        const r = parsed as InputRecord;
        if (!isIso(r.arrival)) throw new InputLineError(i + 1, `"arrival" must be an ISO-8601 time, not ${JSON.stringify(r.arrival)}`);
        out.push(r);
        continue;
      }
    }
    out.push({ arrival: new Date(start + Math.round((plain++ * 1000) / rate)).toISOString(), data: l });
  }
  return out;
}

const recordTexts = (records: InputRecord[]) => records.map((r) => (typeof r.data === 'string' ? r.data : JSON.stringify(r.data)));

/** The schema DiscoverInputSchema would give for the first 100 records. */
export const discoverRecordsSchema = (records: InputRecord[]): InputSchema => discoverSchema(recordTexts(records.slice(0, 100)));

export function runHeadless(script: string, records: InputRecord[], schema?: InputSchema): HeadlessResult {
  const texts = recordTexts(records);
  const inputSchema = schema ?? discoverRecordsSchema(records);
  const arrivals = records.map((r) => Date.parse(r.arrival));
  const clock = new VirtualClock(arrivals.length ? arrivals[0] : 0);
  let app: Application;
  try {
    app = new Application(script, { clock, inputSchema, rng: new SeededRng(42) });
  } catch (e) {
    if (e instanceof SqlCompileErrors) return { ok: false, errors: e.errors.map((x) => ({ line: x.loc.line, column: x.loc.column, message: x.shortMessage })) };
    throw e;
  }
  const lines: string[] = [];
  app.subscribe((stream, row) => {
    if (stream === app.source) return;
    const cols = stream.def.columns;
    const out: Record<string, unknown> = {};
    for (let i = 1; i < cols.length; i++) out[cols[i].name] = displayValue(cols[i].type, row[i]);
    lines.push(JSON.stringify({ stream: stream.name === ERROR_STREAM ? ERROR_STREAM : stream.name, ROWTIME: formatTimestamp(row[0] as number), row: out }));
  });
  for (let i = 0; i < records.length; i++) {
    if (arrivals[i] > clock.now()) clock.set(arrivals[i]);
    app.advance(clock.now());
    app.pushRecord(texts[i], arrivals[i]);
  }
  clock.advance(FINAL_ADVANCE_MS);
  app.advance(clock.now());
  return { ok: true, lines, schema: inputSchema };
}
