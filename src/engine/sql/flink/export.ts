/**
 * A Kinesis Data Analytics SQL application as a Flink SQL script, for Amazon Managed Service for
 * Apache Flink (a Studio notebook or a Flink SQL job): a starting point to review, not a proven
 * equivalent.
 *
 * - The input becomes a `CREATE TABLE` on the Kinesis connector, its columns from the input schema;
 *   ROWTIME becomes an event-time column read from each record's arrival time, with a watermark,
 *   and `proc_time` a processing-time attribute for deduplication.
 * - An in-application stream that pumps read becomes a view over the pumps that feed it; one that
 *   only receives rows becomes a sink table: Kinesis or Firehose when a destination takes its rows,
 *   else `print`. Each pump becomes `INSERT INTO ... SELECT`, run together in one statement set.
 * - GROUP BY a ROWTIME bucket (`STEP`, `FLOOR ... TO`, the epoch idiom) becomes a TUMBLE window
 *   table-valued function; `RANGE/ROWS ... PRECEDING` windows become OVER windows; `SELECT DISTINCT`
 *   becomes Flink's deduplication (ROW_NUMBER() ... = 1); TOP_K_ITEMS_TUMBLING a window Top-N.
 * - What has no counterpart (RANDOM_CUT_FOREST, stagger windows, ...) is kept as a commented-out
 *   statement under a `-- Not translated:` line saying why, never dropped.
 */
import { exprKey, type Expr, type FromItem, type Name, type Select, type Statement, type TimeUnit, type WindowSpec } from '../ast';
import type { InputSchema } from '../discovery/discover';
import { parseSqlType } from '../discovery/discover';
import { parseJsonPath } from '../discovery/input';
import { parseScript } from '../parser';
import { printExpr, printInterval, type PrintOverride } from '../print';
import type { SqlType } from '../types';
import { UNIT_MS } from '../types';
import { timeWindowOf } from '../window';

export type FlinkEndpoint = { kind: 'kinesis' | 'firehose'; name: string };

export interface FlinkExportOptions {
  /** The input: the Kinesis stream (or Firehose delivery stream) the application reads. */
  source: FlinkEndpoint;
  region: string;
  schema: InputSchema;
  /** Destinations: which in-application stream goes where, in which record format. */
  outputs?: { stream: string; to: FlinkEndpoint; format?: 'JSON' | 'CSV' }[];
  applicationName?: string;
}

export interface FlinkExport {
  script: string;
  /** Each construct kept as a comment, with why (the same text as its `-- Not translated:` line). */
  notTranslated: string[];
}

/** The in-application stream an input feeds (InputParallelism 1, name prefix SOURCE_SQL_STREAM). */
const SOURCE = 'SOURCE_SQL_STREAM_001';
const ROWTIME = 'ROWTIME';
const ARRIVAL = 'APPROXIMATE_ARRIVAL_TIME';
const PROC_TIME = 'proc_time';
/** How far behind the newest arrival time the watermark stays. */
const WATERMARK_DELAY = "INTERVAL '1' SECOND";

/** A Flink identifier: always back-quoted, so reserved words and mixed case need no thought. */
export const flinkName = (s: string): string => `\`${s.replace(/`/g, '``')}\``;
const nameOf = (n: Name) => flinkName(n.value);
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;

class Untranslatable extends Error {}
const cannot = (why: string): never => {
  throw new Untranslatable(why);
};

/** A KDA SQL type in Flink SQL; source columns read any JSON text, so their strings are STRING. */
export function flinkType(t: SqlType, source = false): string {
  switch (t.kind) {
    case 'CHAR':
    case 'VARCHAR':
      return source ? 'STRING' : `${t.kind}(${t.length})`;
    case 'VARBINARY':
      return 'BYTES';
    case 'REAL':
      return 'FLOAT';
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'TIMESTAMP':
      return 'TIMESTAMP(3)';
    case 'INTERVAL_DAY_TIME':
      return 'INTERVAL DAY TO SECOND(3)';
    case 'INTERVAL_YEAR_MONTH':
      return 'INTERVAL YEAR TO MONTH';
    case 'NULL':
    case 'ANY':
      return 'STRING';
    default:
      return t.kind;
  }
}

// ---------------------------------------------------------------- time buckets

/** DATE_FORMAT patterns that cut a timestamp down to the start of its unit. */
const TRUNCATE: Partial<Record<TimeUnit, string>> = {
  SECOND: 'yyyy-MM-dd HH:mm:ss',
  MINUTE: 'yyyy-MM-dd HH:mm:00',
  HOUR: 'yyyy-MM-dd HH:00:00',
  DAY: 'yyyy-MM-dd 00:00:00',
  MONTH: 'yyyy-MM-01 00:00:00',
  YEAR: 'yyyy-01-01 00:00:00',
};
/** The unit below each, its DATE_FORMAT field and how many fit in the unit above. */
const SUB_UNITS: [TimeUnit, number, string, number][] = [
  ['SECOND', 1000, 'ss', 60],
  ['MINUTE', 60_000, 'mm', 60],
  ['HOUR', 3_600_000, 'HH', 24],
];

const truncate = (x: string, unit: TimeUnit) => (TRUNCATE[unit] ? `CAST(DATE_FORMAT(${x}, ${str(TRUNCATE[unit]!)}) AS TIMESTAMP(3))` : cannot(`FLOOR(... TO ${unit})`));

/**
 * The start of the `widthMs` bucket holding timestamp `x`, in functions Flink's parsers agree on
 * (the dt-sql-parser grammar lacks `FLOOR(x TO unit)`): whole units, or n units that divide the next.
 */
function floorTime(x: string, widthMs: number): string {
  for (const [unit, ms, field, perNext] of SUB_UNITS) {
    if (widthMs === ms) return truncate(x, unit);
    const n = widthMs / ms;
    if (Number.isInteger(n) && n > 1 && n < perNext && perNext % n === 0) {
      return `TIMESTAMPADD(${unit}, -MOD(CAST(DATE_FORMAT(${x}, '${field}') AS INT), ${n}), ${truncate(x, unit)})`;
    }
  }
  if (widthMs === UNIT_MS.DAY) return truncate(x, 'DAY');
  return cannot(`a ${printInterval(widthMs, false)} time bucket outside GROUP BY ROWTIME`);
}

// ---------------------------------------------------------------- functions

/** Functions written the same way in both dialects. */
const SAME = new Set(
  'ABS AVG CEIL CEILING CHAR_LENGTH CHARACTER_LENGTH COALESCE COUNT EXP FIRST_VALUE FLOOR INITCAP LAG LAST_VALUE LN LOG10 LOWER MAX MIN MOD NULLIF OVERLAY POSITION POWER STDDEV STDDEV_POP STDDEV_SAMP SUBSTRING SUM TRIM UPPER VAR_POP VAR_SAMP VARIANCE CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP LOCALTIME LOCALTIMESTAMP'.split(' '),
);

/** Why a KDA function has no Flink SQL counterpart here. */
const KDA_ONLY: Record<string, string> = {
  RANDOM_CUT_FOREST: 'RANDOM_CUT_FOREST has no Flink SQL counterpart (anomaly scores need a model of your own, e.g. a user-defined function or a Java/Python job)',
  RANDOM_CUT_FOREST_WITH_EXPLANATION: 'RANDOM_CUT_FOREST_WITH_EXPLANATION has no Flink SQL counterpart',
  COUNT_DISTINCT_ITEMS_TUMBLING: 'COUNT_DISTINCT_ITEMS_TUMBLING: write COUNT(DISTINCT column) over a TUMBLE window instead',
  EXP_AVG: 'EXP_AVG (exponentially weighted average) has no Flink SQL counterpart',
  TSDIFF: 'TSDIFF: Flink\'s TIMESTAMPDIFF counts whole units, not milliseconds',
  UNIX_TIMESTAMP: 'UNIX_TIMESTAMP: Flink\'s UNIX_TIMESTAMP gives seconds of a string, not milliseconds of a timestamp',
};

const EXTRACT_FN: Partial<Record<TimeUnit, string>> = { YEAR: 'YEAR', MONTH: 'MONTH', DAY: 'DAYOFMONTH', HOUR: 'HOUR', MINUTE: 'MINUTE' };

// ---------------------------------------------------------------- streams and scopes

interface Col {
  name: string;
  type: SqlType;
}

interface Stream {
  name: string;
  columns: Col[];
  /** Pumps that write it and pumps (or queries) that read it. */
  writers: Extract<Statement, { kind: 'CreatePump' }>[];
  readers: number;
  outputs: { to: FlinkEndpoint; format: 'JSON' | 'CSV' }[];
  /** A view (read by pumps) carries ROWTIME and proc_time along. */
  view: boolean;
  description?: string;
}

interface Ctx {
  streams: Map<string, Stream>;
  notes: string[];
}

/** The columns a FROM item offers to `*`, with the qualifier that reaches them. */
function starColumns(from: FromItem, ctx: Ctx): { q: string; cols: Col[] }[] {
  switch (from.kind) {
    case 'StreamRef': {
      const s = ctx.streams.get(from.name.value) ?? cannot(`unknown stream ${from.name.value}`);
      return [{ q: (from.alias ?? from.name).value, cols: s.columns }];
    }
    case 'Join':
      return [...starColumns(from.left, ctx), ...starColumns(from.right, ctx)];
    case 'Subquery':
      return [{ q: from.alias?.value ?? '', cols: outputColumns(from.query, ctx) }];
    case 'TableFunction':
      return cannot(KDA_ONLY[from.name] ?? `SELECT * over ${from.name}`);
  }
}

/** Output column names of a query (types where a plain column shows them). */
function outputColumns(q: Select, ctx: Ctx): Col[] {
  const out: Col[] = [];
  q.items.forEach((it, i) => {
    if (it.expr.kind === 'Star') {
      for (const g of starColumns(q.from, ctx)) if (!it.expr.qualifier || it.expr.qualifier.value === g.q) out.push(...g.cols);
    } else out.push({ name: it.alias?.value ?? (it.expr.kind === 'Column' ? it.expr.name.value : `EXPR$${i}`), type: { kind: 'ANY' } });
  });
  return out;
}

// ---------------------------------------------------------------- expressions

interface ExprEnv {
  /** Expressions replaced by a column of the window TVF (`window_start`). */
  replace: Map<string, string>;
  /** Named windows of the query. */
  windows: Map<string, WindowSpec>;
  /** Column names go unqualified (over a window table, which has no alias). */
  unqualified?: boolean;
}

function overClause(spec: WindowSpec, print: (e: Expr) => string): string {
  const parts: string[] = [];
  if (spec.partitionBy.length) parts.push(`PARTITION BY ${spec.partitionBy.map(print).join(', ')}`);
  parts.push(`ORDER BY ${flinkName(ROWTIME)}`);
  if (spec.rangeMs !== undefined) parts.push(spec.rangeMs === 0 ? 'RANGE BETWEEN CURRENT ROW AND CURRENT ROW' : `RANGE BETWEEN ${printInterval(spec.rangeMs, false)} PRECEDING AND CURRENT ROW`);
  else if (spec.rows !== undefined) parts.push(`ROWS BETWEEN ${spec.rows} PRECEDING AND CURRENT ROW`);
  return `OVER (${parts.join(' ')})`;
}

const flinkOverride =
  (env: ExprEnv): PrintOverride =>
  (e, print) => {
    const replaced = env.replace.get(exprKey(e));
    // The epoch idiom's value is a number of buckets, not a time: only FLOOR/STEP read as window_start.
    if (replaced !== undefined) return replaced || cannot("selecting the epoch FLOOR idiom's bucket number");
    switch (e.kind) {
      case 'Column':
        return e.qualifier && !env.unqualified ? `${nameOf(e.qualifier)}.${nameOf(e.name)}` : nameOf(e.name);
      case 'Literal':
        return e.value === null ? `CAST(NULL AS ${flinkType(e.type)})` : undefined;
      case 'Cast':
        return `CAST(${print(e.operand)} AS ${flinkType(e.type)})`;
      case 'Binary':
        return e.op === '%' ? `MOD(${print(e.left)}, ${print(e.right)})` : undefined;
      case 'FloorTo': {
        if (e.ceil) return cannot('CEIL(... TO unit)');
        const ms = UNIT_MS[e.unit];
        return ms ? floorTime(print(e.operand), ms) : truncate(print(e.operand), e.unit);
      }
      case 'Step':
        return e.by.kind === 'Literal' && e.by.type.kind === 'INTERVAL_DAY_TIME' && typeof e.by.value === 'number'
          ? floorTime(print(e.operand), e.by.value)
          : cannot('STEP over a number');
      case 'Extract':
        return EXTRACT_FN[e.field] ? `${EXTRACT_FN[e.field]}(${print(e.operand)})` : e.field === 'SECOND' ? `CAST(DATE_FORMAT(${print(e.operand)}, 'ss') AS BIGINT)` : undefined;
      case 'IntervalOf':
        return e.operand.kind === 'Binary' && e.operand.op === '-'
          ? `TIMESTAMPDIFF(${e.unit}, ${print(e.operand.right)}, ${print(e.operand.left)})`
          : cannot(`(...) ${e.unit}`);
      case 'Call': {
        if (KDA_ONLY[e.name]) return cannot(KDA_ONLY[e.name]);
        const args = e.args.map(print);
        let call: string;
        if (e.name === 'MONOTONIC') return args[0];
        else if (e.name === 'CHAR_TO_TIMESTAMP' && args.length === 2) call = `TO_TIMESTAMP(${args[1]}, ${args[0]})`;
        else if (e.name === 'TIMESTAMP_TO_CHAR' && args.length === 2) call = `DATE_FORMAT(${args[1]}, ${args[0]})`;
        else if (e.name === 'TO_TIMESTAMP' && args.length === 1) call = `TO_TIMESTAMP_LTZ(${args[0]}, 3)`;
        else if (e.name === 'CURRENT_ROW_TIMESTAMP') call = 'CURRENT_ROW_TIMESTAMP()';
        else if (e.name === 'REGEX_REPLACE' && args.length === 3) call = `REGEXP_REPLACE(${args.join(', ')})`;
        else if (e.name === 'TRIM' && e.args[0]?.kind === 'Literal' && e.args[1]?.kind === 'Literal' && e.args[1].value === ' ') {
          // TRIM(BOTH ' ' FROM x) and its kin: Flink's TRIM/LTRIM/RTRIM of spaces.
          call = `${e.args[0].value === 'LEADING' ? 'LTRIM' : e.args[0].value === 'TRAILING' ? 'RTRIM' : 'TRIM'}(${args[2]})`;
        } else if (SAME.has(e.name)) return e.over ? `${printExpr({ ...e, over: undefined }, flinkOverride(env))} ${over(e.over, env, print)}` : undefined;
        else return cannot(`${e.name} is not known to have a Flink SQL counterpart`);
        return e.over ? `${call} ${over(e.over, env, print)}` : call;
      }
      default:
        return undefined;
    }
  };

function over(w: NonNullable<Extract<Expr, { kind: 'Call' }>['over']>, env: ExprEnv, print: (e: Expr) => string): string {
  const spec = w.kind === 'Inline' ? w.spec : (env.windows.get(w.name.value) ?? cannot(`window ${w.name.value} is not defined`));
  return overClause(spec, print);
}

const fx = (e: Expr, env: ExprEnv) => printExpr(e, flinkOverride(env));

// ---------------------------------------------------------------- queries

const indent = (s: string, by = '  ') => s.replace(/^(?=.)/gm, by);
/** A statement's closing `;`, on a line of its own when the text ends in a comment. */
const end = (sql: string) => (/\n--[^\n]*$/.test(sql) ? `${sql}\n;` : `${sql};`);

/** The FROM clause; a time window turns the (single) stream into a TUMBLE window table. */
function fromClause(from: FromItem, ctx: Ctx, env: ExprEnv, tumble?: string): string {
  switch (from.kind) {
    case 'StreamRef': {
      if (from.window) cannot('a window on a stream in FROM (a windowed join)');
      if (!ctx.streams.has(from.name.value)) cannot(`unknown stream ${from.name.value}`);
      const table = nameOf(from.name);
      // A window table takes no alias (in the parsers checked): its columns are named unqualified instead.
      if (tumble) return `TABLE(TUMBLE(TABLE ${table}, DESCRIPTOR(${flinkName(ROWTIME)}), ${tumble}))`;
      return `${table}${from.alias ? ` AS ${nameOf(from.alias)}` : ''}`;
    }
    case 'Subquery':
      if (tumble) cannot('a time window over a subquery');
      return `(\n${indent(selectSql(from.query, ctx, { view: true }))}\n)${from.alias ? ` AS ${nameOf(from.alias)}` : ''}`;
    case 'Join': {
      if (tumble) cannot('a time window over a join');
      return `${fromClause(from.left, ctx, env)}\n${from.joinType === 'INNER' ? 'JOIN' : `${from.joinType} JOIN`} ${fromClause(from.right, ctx, env)} ON ${fx(from.on, env)}`;
    }
    case 'TableFunction':
      return cannot(KDA_ONLY[from.name] ?? `${from.name} is not known to have a Flink SQL counterpart`);
  }
}

interface SelectOptions {
  /** Target column types by position (INSERT INTO a declared stream): the values are cast to them. */
  target?: Col[];
  /** The rows feed a view: ROWTIME and proc_time come along. */
  view?: boolean;
}

/** Whether `e` is ROWTIME of some stream in scope. */
const isRowtime = (e: Extract<Expr, { kind: 'Column' }>) => e.name.value === ROWTIME;

/** Type of an item when it is plain to see: a column the FROM item types, a time bucket, COUNT. */
function columnType(e: Expr, from: FromItem, ctx: Ctx): SqlType | undefined {
  if (e.kind === 'FloorTo' || e.kind === 'Step') return { kind: 'TIMESTAMP' };
  if (e.kind === 'Call' && e.name === 'COUNT') return { kind: 'BIGINT' };
  if (e.kind !== 'Column') return undefined;
  for (const g of starColumns(from, ctx)) {
    if (e.qualifier && e.qualifier.value !== g.q) continue;
    const c = g.cols.find((x) => x.name === e.name.value);
    if (c) return c.type;
  }
  return undefined;
}

const sameType = (a: SqlType | undefined, b: SqlType) => a !== undefined && flinkType(a) === flinkType(b);

/** The time columns a view passes on, from the FROM item's first stream. */
function timeColumns(from: FromItem): { q?: string } {
  if (from.kind === 'StreamRef') return { q: (from.alias ?? from.name).value };
  if (from.kind === 'Join') return timeColumns(from.left);
  if (from.kind === 'Subquery') return { q: from.alias?.value };
  return {};
}

function selectSql(q: Select, ctx: Ctx, opts: SelectOptions = {}): string {
  if (q.stagger) cannot('WINDOWED BY STAGGER has no Flink SQL counterpart (a session or tumbling window per key is the nearest)');
  if (q.unionAll?.length) {
    const [first, ...rest] = [{ ...q, unionAll: undefined, orderBy: undefined }, ...q.unionAll];
    return [selectSql(first, ctx, opts), ...rest.map((b) => selectSql(b, ctx, opts))].join('\nUNION ALL\n');
  }
  if (q.from.kind === 'TableFunction' && q.from.name === 'TOP_K_ITEMS_TUMBLING') return topK(q, ctx, opts);
  const env: ExprEnv = { replace: new Map(), windows: new Map(q.windows.map((w) => [w.name.value, w.spec])) };

  // A GROUP BY (or DISTINCT) on a ROWTIME bucket is a tumbling window: that key becomes window_start.
  const keys = q.groupBy ?? (q.distinct ? q.items.map((i) => i.expr) : []);
  let tumble: string | undefined;
  for (const k of keys) {
    const w = timeWindowOf(k, isRowtime);
    if (!w || w.width <= 1) continue;
    if (w.origin !== 0) cannot('a time window not aligned to the epoch');
    const interval = printInterval(w.width, false);
    if (tumble && tumble !== interval) continue;
    tumble = interval;
    env.unqualified = true;
    env.replace.set(exprKey(k), k.kind === 'FloorTo' || k.kind === 'Step' ? '`window_start`' : '');
  }

  // Items: `*` expanded (Flink's `*` would add the source's time and metadata columns), each named.
  const items: { sql: string; alias: string; expr?: Expr }[] = [];
  q.items.forEach((it, i) => {
    if (it.expr.kind === 'Star') {
      for (const g of starColumns(q.from, ctx)) {
        if (it.expr.qualifier && it.expr.qualifier.value !== g.q) continue;
        for (const c of g.cols) items.push({ sql: g.q && q.from.kind === 'Join' ? `${flinkName(g.q)}.${flinkName(c.name)}` : flinkName(c.name), alias: c.name });
      }
      return;
    }
    const alias = it.alias?.value ?? (it.expr.kind === 'Column' ? it.expr.name.value : `EXPR$${i}`);
    items.push({ sql: fx(it.expr, env), alias, expr: it.expr });
  });
  if (opts.target && opts.target.length !== items.length) cannot(`the query gives ${items.length} columns for ${opts.target.length}`);
  const out = items.map((it, i) => {
    const t = opts.target?.[i];
    const name = t?.name ?? it.alias;
    // An OVER aggregate stays bare (the dt-sql-parser grammar takes none inside CAST): the sink's implicit cast applies.
    const windowed = it.expr?.kind === 'Call' && it.expr.over !== undefined;
    const cast = t && !windowed && !sameType(it.expr ? columnType(it.expr, q.from, ctx) : starType(q, ctx, it.alias), t.type);
    const value = cast ? `CAST(${it.sql} AS ${flinkType(t.type)})` : it.sql;
    return value === flinkName(name) ? value : `${value} AS ${flinkName(name)}`;
  });
  const grouped = Boolean(q.groupBy?.length) || q.items.some((i) => i.expr.kind !== 'Star' && hasAggregate(i.expr));
  if (opts.view) {
    const t = timeColumns(q.from);
    const qual = (c: string) => (t.q && q.from.kind === 'Join' ? `${flinkName(t.q)}.${flinkName(c)}` : flinkName(c));
    // After a window table, ROWTIME is a plain timestamp; window_time is the time attribute.
    if (tumble && grouped) out.push(`\`window_time\` AS ${flinkName(ROWTIME)}`, `PROCTIME() AS ${flinkName(PROC_TIME)}`);
    else if (tumble) out.push(`\`window_time\` AS ${flinkName(ROWTIME)}`, flinkName(PROC_TIME));
    else if (!grouped) out.push(qual(ROWTIME), qual(PROC_TIME));
  }

  const from = fromClause(q.from, ctx, env, tumble);
  const where = q.where ? `\nWHERE ${fx(q.where, env)}` : '';
  if (q.distinct) return dedup(out, items.map((it, i) => flinkName(opts.target?.[i]?.name ?? it.alias)), from, where, opts.view === true);

  let sql = `SELECT ${out.join(',\n       ')}\nFROM ${from}${where}`;
  if (q.groupBy?.length) {
    const groups = q.groupBy.filter((g) => !env.replace.has(exprKey(g))).map((g) => fx(g, env));
    const windowKeys = tumble ? ['`window_start`', '`window_end`', ...(opts.view ? ['`window_time`'] : [])] : [];
    if (!tumble && q.groupBy.every((g) => timeWindowOf(g, isRowtime) === undefined)) cannot('GROUP BY without a ROWTIME window (a never-ending aggregate)');
    sql += `\nGROUP BY ${[...windowKeys, ...groups].join(', ')}`;
  }
  if (q.having) sql += `\nHAVING ${fx(q.having, env)}`;
  if (q.orderBy?.length) {
    const first = q.orderBy[0];
    const byRowtime = q.orderBy.length === 1 && !first.desc && first.expr.kind === 'Column' && isRowtime(first.expr);
    const text = q.orderBy.map((o) => `${printExpr(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ');
    if (byRowtime) sql += `\nORDER BY ${flinkName(ROWTIME)}`;
    else {
      const why = `ORDER BY ${text}: a Flink stream sorts only by its time attribute, ascending`;
      ctx.notes.push(why);
      sql += `\n-- Not translated: ${why}`;
    }
  }
  return sql;
}

/** The type of a column `*` gave, by its name. */
function starType(q: Select, ctx: Ctx, name: string): SqlType | undefined {
  for (const g of starColumns(q.from, ctx)) {
    const c = g.cols.find((x) => x.name === name);
    if (c) return c.type;
  }
  return undefined;
}

function hasAggregate(e: Expr): boolean {
  let found = false;
  const AGG = /^(AVG|COUNT|SUM|MIN|MAX|STDDEV|STDDEV_POP|STDDEV_SAMP|VAR_POP|VAR_SAMP|VARIANCE|FIRST_VALUE|LAST_VALUE)$/;
  const visit = (x: Expr) => {
    if (x.kind === 'Call' && !x.over && AGG.test(x.name)) found = true;
    else if (x.kind === 'Call') x.args.forEach(visit);
    else if ('operand' in x && x.operand) visit(x.operand);
    else if (x.kind === 'Binary') {
      visit(x.left);
      visit(x.right);
    }
  };
  visit(e);
  return found;
}

/** SELECT DISTINCT as Flink's deduplication: the first row of each distinct key, by processing time. */
function dedup(items: string[], keys: string[], from: string, where: string, view: boolean): string {
  const inner = `SELECT ${items.join(',\n       ')}${view ? '' : `,\n       ${flinkName(PROC_TIME)}`}\nFROM ${from}${where}`;
  const numbered = `SELECT *,\n       ROW_NUMBER() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${flinkName(PROC_TIME)}) AS \`row_num\`\nFROM (\n${indent(inner)}\n)`;
  const outCols = [...keys, ...(view ? [flinkName(ROWTIME), flinkName(PROC_TIME)] : [])];
  return `SELECT ${outCols.join(', ')}\nFROM (\n${indent(numbered)}\n)\nWHERE \`row_num\` = 1`;
}

/** TOP_K_ITEMS_TUMBLING(CURSOR(...), 'column', k, seconds) as a window Top-N over COUNT(*). */
function topK(q: Select, ctx: Ctx, opts: SelectOptions): string {
  const f = q.from as Extract<FromItem, { kind: 'TableFunction' }>;
  const [col, k, seconds] = f.args.map((a) => (a.kind === 'Literal' ? a.value : undefined));
  if (typeof col !== 'string' || typeof k !== 'number' || typeof seconds !== 'number' || f.args.length !== 3) return cannot('TOP_K_ITEMS_TUMBLING with other than (cursor, column, k, seconds)');
  if (f.cursor.from.kind !== 'StreamRef' || f.cursor.where || f.cursor.groupBy) return cannot('TOP_K_ITEMS_TUMBLING over anything but a whole stream');
  const names = opts.target?.map((t) => t.name) ?? [col, 'MOST_FREQUENT_VALUES'];
  if (names.length !== 2 || q.items.length !== 1 || q.items[0].expr.kind !== 'Star') return cannot('TOP_K_ITEMS_TUMBLING selected other than as *');
  const counted = `SELECT \`window_start\`, \`window_end\`, ${flinkName(col)}, COUNT(*) AS \`item_count\`\nFROM ${fromClause(f.cursor.from, ctx, { replace: new Map(), windows: new Map() }, printInterval(seconds * 1000, false))}\nGROUP BY \`window_start\`, \`window_end\`, ${flinkName(col)}`;
  const ranked = `SELECT *,\n       ROW_NUMBER() OVER (PARTITION BY \`window_start\`, \`window_end\` ORDER BY \`item_count\` DESC) AS \`row_num\`\nFROM (\n${indent(counted)}\n)`;
  return `SELECT ${flinkName(col)}${col === names[0] ? '' : ` AS ${flinkName(names[0])}`}, \`item_count\` AS ${flinkName(names[1])}\nFROM (\n${indent(ranked)}\n)\nWHERE \`row_num\` <= ${k}`;
}

// ---------------------------------------------------------------- tables

function connector(to: FlinkEndpoint, region: string, format: string, source: boolean): string {
  const opts: [string, string][] =
    to.kind === 'firehose'
      ? [
          ['connector', 'firehose'],
          ['delivery-stream', to.name],
        ]
      : [
          ['connector', 'kinesis'],
          ['stream', to.name],
        ];
  opts.push(['aws.region', region]);
  if (source) opts.push(['scan.stream.initpos', 'LATEST']);
  opts.push(['format', format]);
  return `WITH (\n${opts.map(([k, v]) => `  ${str(k)} = ${str(v)}`).join(',\n')}\n)`;
}

/** ROWTIME (event time from the arrival time, with a watermark) and proc_time of a table read from Kinesis. */
const TIME_COLUMNS = [
  `${flinkName(ARRIVAL)} TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL`,
  `${flinkName(ROWTIME)} AS CAST(${flinkName(ARRIVAL)} AS TIMESTAMP(3))`,
  `${flinkName(PROC_TIME)} AS PROCTIME()`,
  `WATERMARK FOR ${flinkName(ROWTIME)} AS ${flinkName(ROWTIME)} - ${WATERMARK_DELAY}`,
];

interface JsonNode {
  type?: string;
  children: Map<string, JsonNode>;
}

/** The source table: physical columns as the JSON has them, renamed and nested ones as computed columns. */
function sourceTable(opts: FlinkExportOptions, ctx: Ctx): string {
  const csv = opts.schema.RecordFormat.RecordFormatType === 'CSV';
  const root: JsonNode = { children: new Map() };
  const computed: string[] = [];
  const lines: string[] = [];
  for (const c of opts.schema.RecordColumns) {
    const type = flinkType(parseSqlType(c.SqlType), true);
    const path = !csv && c.Mapping ? parseJsonPath(c.Mapping) : undefined;
    const fields = path?.every((s) => typeof s === 'string') ? (path as string[]) : undefined;
    if (csv || !c.Mapping || (fields?.length === 1 && fields[0] === c.Name)) {
      lines.push(`${flinkName(c.Name)} ${type}`);
      continue;
    }
    if (!fields) {
      const why = `column ${c.Name} maps ${c.Mapping}, which names array elements: read the array as a STRING and take it apart with JSON_VALUE`;
      ctx.notes.push(why);
      lines.push(`-- Not translated: ${why}`);
      continue;
    }
    let node = root;
    for (const f of fields) {
      if (!node.children.has(f)) node.children.set(f, { children: new Map() });
      node = node.children.get(f)!;
    }
    node.type = type;
    computed.push(`${flinkName(c.Name)} AS ${fields.map(flinkName).join('.')}`);
  }
  const rowType = (n: JsonNode): string => n.type ?? `ROW<${[...n.children].map(([k, v]) => `${flinkName(k)} ${rowType(v)}`).join(', ')}>`;
  for (const [k, v] of root.children) lines.push(`${flinkName(k)} ${rowType(v)}`);
  lines.push(...computed);
  lines.push(...TIME_COLUMNS);
  const head = [
    `-- The input: ${opts.source.kind === 'firehose' ? 'Firehose delivery stream' : 'Kinesis stream'} ${opts.source.name} (${opts.region}).`,
    `-- ROWTIME stands in for KDA's ROWTIME as an event-time column: the time Kinesis received each record`,
    `-- (its approximate arrival time), with a watermark ${WATERMARK_DELAY} behind the newest arrival.`,
    `-- proc_time is a processing-time attribute, used to keep the first of duplicate rows.`,
  ];
  if (opts.source.kind === 'firehose') {
    const why = `the input is Firehose delivery stream ${opts.source.name}, which Flink cannot read: name the Kinesis stream that feeds it below`;
    ctx.notes.push(why);
    head.push(`-- Not translated: ${why}`);
  }
  return `${head.join('\n')}\nCREATE TABLE ${flinkName(SOURCE)} (\n${lines.map((l, i) => `  ${l}${l.startsWith('--') || i === lines.length - 1 ? '' : ','}`).join('\n')}\n) ${connector(opts.source.kind === 'firehose' ? { kind: 'kinesis', name: opts.source.name } : opts.source, opts.region, csv ? 'csv' : 'json', true)};`;
}

const columnList = (cols: Col[]) => cols.map((c) => `  ${flinkName(c.name)} ${flinkType(c.type)}`).join(',\n');

/** `-- ` before every line of a statement that cannot run, under the reason. */
const commentedOut = (why: string, sql: string) => `-- Not translated: ${why}\n${sql.replace(/^/gm, '-- ')}`;

/** The statement's own text from the script (what the user wrote). */
const original = (src: string, s: Statement) => src.slice(s.loc.offset, s.loc.end.offset).trim() + ';';

// ---------------------------------------------------------------- the script

export function exportFlinkSql(sql: string, opts: FlinkExportOptions): FlinkExport {
  const script = parseScript(sql);
  const ctx: Ctx = { streams: new Map(), notes: [] };
  const sourceCols = opts.schema.RecordColumns.map((c) => ({ name: c.Name, type: parseSqlType(c.SqlType) }));
  ctx.streams.set(SOURCE, { name: SOURCE, columns: sourceCols, writers: [], readers: 0, outputs: [], view: false });
  for (const s of script.statements) {
    if (s.kind === 'CreateStream') {
      ctx.streams.set(s.name.value, { name: s.name.value, columns: s.columns.map((c) => ({ name: c.name.value, type: c.type })), writers: [], readers: 0, outputs: [], view: false, description: s.description });
    }
  }
  const readsOf = (q: Select): string[] => {
    const from = (f: FromItem): string[] =>
      f.kind === 'StreamRef' ? [f.name.value] : f.kind === 'Join' ? [...from(f.left), ...from(f.right)] : f.kind === 'Subquery' ? readsOf(f.query) : readsOf(f.cursor);
    return [...from(q.from), ...(q.unionAll ?? []).flatMap(readsOf)];
  };
  for (const s of script.statements) {
    if (s.kind === 'CreateStream') continue;
    for (const r of readsOf(s.query)) {
      const st = ctx.streams.get(r);
      if (st) st.readers++;
    }
    if (s.kind === 'CreatePump') ctx.streams.get(s.target.value)?.writers.push(s);
  }
  for (const o of opts.outputs ?? []) ctx.streams.get(o.stream)?.outputs.push({ to: o.to, format: o.format ?? 'JSON' });
  for (const st of ctx.streams.values()) st.view = st.name !== SOURCE && st.readers > 0;

  const parts: string[] = [
    [
      `-- Flink SQL for Amazon Managed Service for Apache Flink (a Studio notebook or a Flink SQL job),`,
      `-- written from the Kinesis Data Analytics for SQL application${opts.applicationName ? ` ${opts.applicationName}` : ''}.`,
      `-- A starting point: check each statement, and the results, before relying on it.`,
    ].join('\n'),
    sourceTable(opts, ctx),
  ];
  const inserts: string[] = [];
  const queries: string[] = [];

  const pumpSelect = (p: Extract<Statement, { kind: 'CreatePump' }>, st: Stream) => {
    const target = p.targetColumns ? p.targetColumns.map((n) => st.columns.find((c) => c.name === n.value) ?? cannot(`column ${n.value} of ${st.name}`)) : st.columns;
    return selectSql(p.query, ctx, { target, view: st.view });
  };

  let queryNo = 0;
  for (const s of script.statements) {
    if (s.kind === 'CreateStream') {
      const st = ctx.streams.get(s.name.value)!;
      if (st.view) {
        const translated: string[] = [];
        const failed: string[] = [];
        for (const p of st.writers) {
          try {
            translated.push(pumpSelect(p, st));
          } catch (e) {
            if (!(e instanceof Untranslatable)) throw e;
            ctx.notes.push(`${p.name.value}: ${e.message}`);
            failed.push(commentedOut(`${p.name.value}: ${e.message}`, original(sql, p)));
          }
        }
        const about = `-- In-application stream ${st.name}: read by other pumps, so ${translated.length ? `a view over the rows of ${st.writers.map((p) => p.name.value).join(', ')}` : 'a table of its own'}.`;
        if (translated.length) {
          parts.push(`${about}${failed.length ? `\n${failed.join('\n')}` : ''}\n${end(`CREATE TEMPORARY VIEW ${nameOf(s.name)} AS\n${translated.join('\nUNION ALL\n')}`)}`);
        } else {
          const why = `no pump that writes ${st.name} could be translated; this table stands in for it: write its rows to the Kinesis stream it names`;
          ctx.notes.push(why);
          const cols = `${columnList(st.columns)},\n${TIME_COLUMNS.map((c) => `  ${c}`).join(',\n')}`;
          parts.push(`${about}\n${failed.join('\n')}\n-- Not translated: ${why}\nCREATE TABLE ${nameOf(s.name)} (\n${cols}\n) ${connector({ kind: 'kinesis', name: st.name }, opts.region, 'json', true)};`);
        }
        for (const o of st.outputs) parts.push(sinkFor(st, o, opts.region, inserts, true));
        continue;
      }
      if (st.outputs.length === 0) {
        parts.push(`-- In-application stream ${st.name}: no destination takes its rows, so they are printed to the job's log.\nCREATE TABLE ${nameOf(s.name)} (\n${columnList(st.columns)}\n) WITH (\n  'connector' = 'print'\n);`);
      } else {
        st.outputs.forEach((o, i) => parts.push(sinkFor(st, o, opts.region, inserts, i > 0)));
      }
      continue;
    }
    if (s.kind === 'CreatePump') {
      const st = ctx.streams.get(s.target.value);
      if (!st || st.view) continue;
      try {
        const select = pumpSelect(s, st);
        const targets = st.outputs.length > 1 ? st.outputs.map((_, i) => (i === 0 ? st.name : `${st.name}_${i + 1}`)) : [st.name];
        for (const t of targets) inserts.push(`-- Pump ${s.name.value}\n${end(`INSERT INTO ${flinkName(t)}\n${select}`)}`);
      } catch (e) {
        if (!(e instanceof Untranslatable)) throw e;
        ctx.notes.push(`${s.name.value}: ${e.message}`);
        inserts.push(commentedOut(`${s.name.value}: ${e.message}`, original(sql, s)));
      }
      continue;
    }
    queryNo++;
    try {
      queries.push(`-- Query ${queryNo} (its rows show in a Studio notebook)\n${end(selectSql(s.query, ctx))}`);
    } catch (e) {
      if (!(e instanceof Untranslatable)) throw e;
      ctx.notes.push(`query ${queryNo}: ${e.message}`);
      queries.push(commentedOut(`query ${queryNo}: ${e.message}`, original(sql, s)));
    }
  }

  const runnable = inserts.filter((i) => !i.startsWith('-- Not translated'));
  if (runnable.length > 1) {
    parts.push(`-- The pumps, run together as one job.\nEXECUTE STATEMENT SET\nBEGIN\n\n${inserts.join('\n\n')}\n\nEND;`);
  } else if (inserts.length) parts.push(inserts.join('\n\n'));
  parts.push(...queries);
  return { script: parts.join('\n\n') + '\n', notTranslated: ctx.notes };
}

/** A sink table for one destination of a stream: Kinesis or Firehose. */
function sinkFor(st: Stream, o: Stream['outputs'][number], region: string, inserts: string[], extra: boolean): string {
  const index = st.outputs.indexOf(o);
  const name = st.view ? `${st.name}_TO_${o.to.name}` : index === 0 ? st.name : `${st.name}_${index + 1}`;
  if (st.view) inserts.push(`-- ${st.name} to its destination\nINSERT INTO ${flinkName(name)}\nSELECT ${st.columns.map((c) => flinkName(c.name)).join(', ')}\nFROM ${flinkName(st.name)};`);
  const where = o.to.kind === 'firehose' ? `Firehose delivery stream ${o.to.name}` : `Kinesis stream ${o.to.name}`;
  const intro = extra && !st.view ? `-- ${st.name} also goes to ${where}.` : `-- In-application stream ${st.name}: its rows go to ${where}.`;
  return `${intro}\nCREATE TABLE ${flinkName(name)} (\n${columnList(st.columns)}\n) ${connector(o.to, region, o.format === 'CSV' ? 'csv' : 'json', false)};`;
}
