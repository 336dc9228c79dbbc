/**
 * A running Kinesis Data Analytics SQL application: its in-application streams, its pumps,
 * SOURCE_SQL_STREAM_001 fed from input records, and error_stream. Time comes only from the
 * injected Clock; call advance() when it moves so windows can close.
 */
import type { Clock } from '../common/clock';
import type { Rng } from '../common/rng';
import { analyzeScript, streamDefOf, type StatementAnalysis } from './analysis/analyze';
import type { Row } from './compile';
import { compileInputParser } from './discovery/input';
import { parseSqlType, type InputSchema } from './discovery/discover';
import { SqlCompileErrors } from './errors';
import { castTo, formatValue, shortestReal } from './functions/cast';
import { formatTimestamp } from './functions/datetime';
import { SqlRuntimeError } from './functions/errors';
import type { Operator, PlanNode } from './operators/operator';
import { parseScriptRecovering } from './parser';
import type { QueryPlan, StreamColumn, StreamDef } from './planner';
import { carryOrigin, setOrigin } from './provenance';
import { formatType, isIntegral, T, type SqlType, type SqlValue } from './types';

export const SOURCE_STREAM = 'SOURCE_SQL_STREAM_001';
export const ERROR_STREAM = 'error_stream';

/** error_stream's documented columns (KDA developer guide, "Error Handling"). */
export const ERROR_STREAM_COLUMNS: StreamColumn[] = [
  { name: 'ROWTIME', type: T.TIMESTAMP, hidden: true },
  { name: 'ERROR_TIME', type: T.TIMESTAMP },
  { name: 'ERROR_LEVEL', type: { kind: 'VARCHAR', length: 10 } },
  { name: 'ERROR_NAME', type: { kind: 'VARCHAR', length: 32 } },
  { name: 'MESSAGE', type: { kind: 'VARCHAR', length: 4096 } },
  { name: 'DATA_ROWTIME', type: T.TIMESTAMP },
  { name: 'DATA_ROW', type: { kind: 'VARCHAR', length: 49152 } },
  { name: 'PUMP_NAME', type: { kind: 'VARCHAR', length: 128 } },
];

/** The streams every application starts with: SOURCE_SQL_STREAM_001 (its columns from the input schema) and error_stream. */
export function builtInStreams(recordColumns: InputSchema['RecordColumns'] = []): StreamDef[] {
  const sourceCols: StreamColumn[] = [
    { name: 'ROWTIME', type: T.TIMESTAMP, hidden: true },
    { name: 'APPROXIMATE_ARRIVAL_TIME', type: T.TIMESTAMP, hidden: true },
    ...recordColumns.map((c) => ({ name: c.Name, type: parseSqlType(c.SqlType) })),
  ];
  return [
    { name: SOURCE_STREAM, columns: sourceCols },
    { name: ERROR_STREAM, columns: ERROR_STREAM_COLUMNS },
  ];
}

export type RowListener = (stream: InAppStream, row: Row) => void;

/** An in-application stream: rows [ROWTIME, ...columns] with ROWTIME never going back. */
export class InAppStream {
  private last = -Infinity;
  readers: Operator[] = [];
  constructor(
    readonly def: StreamDef,
    private readonly listeners: RowListener[],
  ) {}
  get name() {
    return this.def.name;
  }
  insert(row: Row): void {
    // ROWTIME is ascending in every stream (KDA SQL reference, "Monotonic Expressions and Operators").
    const t = row[0] as number;
    if (t < this.last) row[0] = this.last;
    else this.last = t;
    for (let i = 0; i < this.listeners.length; i++) this.listeners[i](this, row);
    const rs = this.readers;
    for (let i = 0; i < rs.length; i++) rs[i].push(row);
  }
}

export interface Pump {
  name: string;
  target: string;
  sources: string[];
  entries: { stream: string; entry: Operator }[];
  /** Needs advance() calls (holds rows until time passes). */
  timed: boolean;
  explain(): PlanNode[];
}

export interface ApplicationOptions {
  clock: Clock;
  /** The source's columns; without it the application has no SOURCE_SQL_STREAM_001 columns beyond the implicit ones. */
  inputSchema?: InputSchema;
  rng?: Rng;
}

const utf8 = new TextEncoder();
/** error_stream's DATA_ROW is "the hex-encoded data in the original row" (KDA developer guide, "Error Handling"). */
export const hexData = (text: string): string => {
  const bytes = utf8.encode(text);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return s;
};

const valueText = (v: SqlValue): unknown => (v instanceof Uint8Array ? Array.from(v) : v);

/** A value as the command line and DATA_ROW show it: datetimes as text, numbers as numbers. */
export const displayValue = (type: SqlType, v: SqlValue): unknown => {
  if (v === null) return null;
  switch (type.kind) {
    case 'TIMESTAMP':
      return formatTimestamp(v as number);
    case 'DATE':
    case 'TIME':
    case 'INTERVAL_DAY_TIME':
    case 'INTERVAL_YEAR_MONTH':
    case 'VARBINARY':
      return formatValue(type, v);
    case 'REAL':
      return Number.isFinite(v) ? shortestReal(v as number) : String(v);
    default:
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      return v;
  }
};

export class Application {
  readonly streams = new Map<string, InAppStream>();
  readonly pumps: Pump[] = [];
  /** Bare SELECT STREAM statements: their rows appear as streams named QUERY_1, QUERY_2, ... */
  readonly queries: InAppStream[] = [];
  readonly source: InAppStream;
  readonly errorStream: InAppStream;
  private readonly listeners: RowListener[] = [];
  private readonly parseInput?: (data: string) => SqlValue[] | { error: string };
  private readonly clock: Clock;
  /** Operators fed by each stream, in the order time must reach them (upstream first). */
  private advanceOrder: Operator[] = [];

  /** Parses, analyses and plans the script. Throws SqlCompileErrors (all errors found) if it has mistakes. */
  constructor(script: string, opts: ApplicationOptions) {
    this.clock = opts.clock;
    const [source, errorStream] = builtInStreams(opts.inputSchema?.RecordColumns);
    this.source = this.addStream(source);
    this.errorStream = this.addStream(errorStream);
    if (opts.inputSchema) this.parseInput = compileInputParser(opts.inputSchema);

    const parsed = parseScriptRecovering(script);
    const catalog = new Map<string, StreamDef>([...this.streams].map(([k, v]) => [k, v.def]));
    const analysis = analyzeScript(parsed, catalog, { clock: opts.clock, rng: opts.rng, reporter: (name) => this.reporter(name) });
    const errors = [...parsed.errors, ...analysis.errors].sort((a, b) => a.loc.offset - b.loc.offset);
    if (errors.length) throw new SqlCompileErrors(errors);
    for (const st of analysis.statements) this.apply(st);
    this.advanceOrder = this.orderPumps();
  }

  private addStream(def: StreamDef): InAppStream {
    const s = new InAppStream(def, this.listeners);
    this.streams.set(def.name, s);
    return s;
  }

  /** Wires one analysed statement (free of errors) into the application, with the plan analysis built. */
  private apply({ statement: st, plan, name }: StatementAnalysis): void {
    switch (st.kind) {
      case 'CreateStream':
        this.addStream(streamDefOf(st));
        return;
      case 'CreatePump': {
        const pumpName = name!;
        const target = this.streams.get(st.target.value)!;
        const targetCols = target.def.columns.slice(1);
        const positions = st.targetColumns ? st.targetColumns.map((n) => targetCols.findIndex((c) => c.name === n.value)) : targetCols.map((_, i) => i);
        const casts = plan!.columns.map((c, i) => {
          const t = targetCols[positions[i]].type;
          // A value already of the target's exact type (a stream column copied on) needs no conversion,
          // nor does a small integer going into a DECIMAL with room for all its digits.
          const fits = isIntegral(c.type) && c.type.kind !== 'BIGINT' && t.kind === 'DECIMAL' && t.precision - t.scale >= 10;
          return formatType(t) === formatType(c.type) || fits ? null : castTo(t, c.type);
        });
        plan!.output.target = this.insertInto(target, positions, casts, targetCols.length, pumpName, [{ name: 'ROWTIME', type: T.TIMESTAMP }, ...plan!.columns]);
        this.addPump(pumpName, target.name, plan!);
        return;
      }
      case 'Query': {
        const queryName = name!;
        const out = new InAppStream({ name: queryName, columns: [{ name: 'ROWTIME', type: T.TIMESTAMP, hidden: true }, ...plan!.columns] }, this.listeners);
        this.queries.push(out);
        plan!.output.target = { push: (row) => out.insert(row), advance: () => {}, explain: () => ({ operator: 'Output', details: { name: queryName }, then: [] }) };
        this.addPump(queryName, queryName, plan!);
        return;
      }
    }
  }

  private addPump(name: string, target: string, plan: QueryPlan): void {
    for (const s of plan.sources) this.streams.get(s.stream)!.readers.push(s.entry);
    this.pumps.push({ name, target, sources: plan.sources.map((s) => s.stream), entries: plan.sources, timed: plan.timed, explain: plan.explain });
  }

  /** The end of a pump: coerce each column to the target's type (failures go to error_stream), then insert. */
  private insertInto(target: InAppStream, positions: number[], casts: (((v: SqlValue) => SqlValue) | null)[], width: number, pumpName: string, selected: StreamColumn[]): Operator {
    const identity = positions.every((p, i) => p === i) && positions.length === width;
    const report = this.reporter(pumpName);
    const n = casts.length;
    const convert = casts.map((c, i) => ({ c, i })).filter((x) => x.c !== null) as { c: (v: SqlValue) => SqlValue; i: number }[];
    const cf = convert.map((x) => x.c);
    const ci = convert.map((x) => x.i + 1);
    const nc = cf.length;
    return {
      push: (row: Row) => {
        try {
          if (identity) {
            for (let j = 0; j < nc; j++) row[ci[j]] = cf[j](row[ci[j]]);
            target.insert(row);
          } else {
            const out = new Array<SqlValue>(width + 1).fill(null);
            out[0] = row[0];
            for (let i = 0; i < n; i++) {
              const c = casts[i];
              out[positions[i] + 1] = c === null ? row[i + 1] : c(row[i + 1]);
            }
            carryOrigin(row, out);
            target.insert(out);
          }
        } catch (e) {
          if (!(e instanceof SqlRuntimeError)) throw e;
          report(e, row, undefined, selected);
        }
      },
      advance: () => {},
      explain: () => ({ operator: 'Insert', details: { stream: target.name }, then: [] }),
    };
  }

  /** Writes one error_stream row. DATA_ROW holds the offending row (its columns as JSON text), hex-encoded. */
  private reporter(pumpName: string | null) {
    return (error: unknown, row: Row | undefined, streamName?: string, columns?: StreamColumn[]) => {
      const e = error instanceof SqlRuntimeError ? error : new SqlRuntimeError('Internal error', String(error));
      const now = this.clock.now();
      const cols = columns ?? (streamName ? this.streams.get(streamName)?.def.columns : undefined);
      let dataRow: string | null = null;
      if (row && cols) {
        const o: Record<string, unknown> = {};
        for (let i = 1; i < cols.length; i++) o[cols[i].name] = displayValue(cols[i].type, row[i]);
        dataRow = JSON.stringify(o);
      } else if (row) dataRow = JSON.stringify(row.slice(1).map(valueText));
      this.errorStream.insert([now, now, 'ERROR', e.errorName.slice(0, 32), e.message, row ? (row[0] as number) : null, dataRow === null ? null : hexData(dataRow), pumpName]);
    };
  }

  /** Pumps in data-flow order: a pump reading stream S runs after every pump writing S. */
  private orderPumps(): Operator[] {
    const order: Pump[] = [];
    const done = new Set<Pump>();
    const visit = (p: Pump, stack: Set<Pump>) => {
      if (done.has(p) || stack.has(p)) return;
      stack.add(p);
      for (const s of p.sources) for (const w of this.pumps) if (w.target === s) visit(w, stack);
      done.add(p);
      order.push(p);
    };
    for (const p of this.pumps) visit(p, new Set());
    // Stateless pumps (scan, filter, project) never hold a row, so time passing means nothing to them.
    return order.filter((p) => p.timed).flatMap((p) => p.entries.map((e) => e.entry));
  }

  subscribe(listener: RowListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Time moved on: close windows that ended at or before `now` (ROWTIME of their rows is the window end). */
  advance(now: number = this.clock.now()): void {
    const ops = this.advanceOrder;
    for (let i = 0; i < ops.length; i++) ops[i].advance(now);
  }

  /**
   * One input record arrives: parsed per the input schema into SOURCE_SQL_STREAM_001 with ROWTIME and
   * APPROXIMATE_ARRIVAL_TIME set to its arrival; a record that does not fit goes to error_stream.
   * `origin` (where the record was read from) follows the row and the rows made from it alone.
   */
  pushRecord(data: string, arrival: number, origin?: unknown): void {
    if (!this.parseInput) throw new Error('the application has no input schema');
    const r = this.parseInput(data);
    if (!Array.isArray(r)) {
      const now = this.clock.now();
      this.errorStream.insert([now, now, 'ERROR', 'Parse error', r.error, arrival, hexData(data), null]);
      return;
    }
    this.pushRow(r, arrival, origin);
  }

  /** A pre-parsed source row (values in schema column order); `origin` rides along unseen (see provenance.ts). */
  pushRow(values: SqlValue[], arrival: number, origin?: unknown): void {
    const row = new Array<SqlValue>(values.length + 2);
    row[0] = arrival;
    row[1] = arrival;
    for (let i = 0; i < values.length; i++) row[i + 2] = values[i];
    if (origin !== undefined) setOrigin(row, origin);
    this.source.insert(row);
  }

  /** The plans of every pump, as plain data. */
  explain(): { pump: string; plan: PlanNode[] }[] {
    return this.pumps.map((p) => ({ pump: p.name, plan: p.explain() }));
  }

  /** A stream's column names and types, without ROWTIME. */
  columnsOf(stream: InAppStream): { name: string; type: SqlType }[] {
    return stream.def.columns.slice(1);
  }
}
