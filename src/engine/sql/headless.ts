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


/** Parses a JSON-lines input file: one `{"arrival": .., "data": ..}` per non-empty line. */
export function parseInputLines(text: string): InputRecord[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l, i) => {
      const r = JSON.parse(l) as InputRecord;
      if (typeof r.arrival !== 'string' || Number.isNaN(Date.parse(r.arrival))) throw new Error(`input line ${i + 1}: "arrival" must be an ISO-8601 time`);
      return r;
    });
}

export function runHeadless(script: string, records: InputRecord[], schema?: InputSchema): HeadlessResult {
  const texts = records.map((r) => (typeof r.data === 'string' ? r.data : JSON.stringify(r.data)));
  const inputSchema = schema ?? discoverSchema(texts.slice(0, 100));
  const arrivals = records.map((r) => Date.parse(r.arrival));
  const clock = new VirtualClock(arrivals.length ? arrivals[0] : 0);
  let app: Application;
  try {
    app = new Application(script, { clock, inputSchema, rng: new SeededRng(42) });
  } catch (e) {
    if (e instanceof SqlCompileErrors) return { ok: false, errors: e.errors.map((x) => ({ line: x.loc.line, column: x.loc.column, message: x.kind === 'Syntax error' ? `Syntax error: ${x.detail}` : x.detail })) };
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
