/**
 * Turns a SELECT into a chain of push operators. Expressions compile once, here.
 * Query shapes (KDA SQL reference): plain scan/filter/project; tumbling GROUP BY or DISTINCT;
 * stagger windows; sliding windows (OVER); stream-to-stream join; table functions over CURSOR;
 * ORDER BY led by a time expression.
 */
import { aggregateFunctions, makeCountDistinct } from './aggregates';
import { assertNever, exprKey, walkExpr, type Expr, type FromItem, type Select, type WindowSpec } from './ast';
import type { Clock } from '../common/clock';
import type { Rng } from '../common/rng';
import { compileExpr, resolvedKey, type Compiled, type Fn, type Row } from './compile';
import { analysisError, type Loc } from './errors';
import { Filter } from './operators/filter';
import { OrderBy } from './operators/orderBy';
import type { ErrorReporter, Operator, PlanNode } from './operators/operator';
import { Project } from './operators/project';
import { Scan } from './operators/scan';
import { SlidingWindow, type AnalyticCall, type SlidingWindowSpec } from './operators/slidingWindow';
import { StaggerWindow } from './operators/stagger';
import { StreamJoin } from './operators/join';
import { TumblingAggregate, type AggregateSpec } from './operators/tumblingAggregate';
import { tableFunctions } from './operators/tableFunctions';
import { BY_INDEX, didYouMean, Scope, sqlName, type Field } from './scope';
import { T, type SqlType, type SqlValue } from './types';
import { timeWindowOf, type TimeWindow } from './window';
import { printExpr } from './print';

export interface StreamColumn {
  name: string;
  type: SqlType;
  hidden?: boolean;
}

/** An in-application stream's shape: index 0 is ROWTIME (hidden), then its columns. */
export interface StreamDef {
  name: string;
  columns: StreamColumn[];
}

export interface PlanEnv {
  streams: Map<string, StreamDef>;
  clock: Clock;
  report: ErrorReporter;
  rng?: Rng;
  /** Filled while planning: the columns each SELECT's FROM clause makes visible (analysis rules read them). */
  scopes?: Map<Select, Scope>;
}

export interface QueryPlan {
  /** Output columns, without ROWTIME (rows are [ROWTIME, ...columns]). */
  columns: { name: string; type: SqlType; rowtimeCopy?: boolean }[];
  /** Where to push the rows of each stream read. */
  sources: { stream: string; entry: Operator }[];
  /** Set the operator that receives the query's rows. */
  output: Forward;
  /** Whether the pipeline holds rows until time passes (windows, ORDER BY, joins): only then must it hear of the clock. */
  timed: boolean;
  explain(): PlanNode[];
}

/** A late-bound link: the planner builds a pipeline before it knows who reads its output. */
export class Forward implements Operator {
  target: Operator = { push: () => {}, advance: () => {}, explain: () => ({ operator: 'Discard', details: {}, then: [] }) };
  push(row: Row): void {
    this.target.push(row);
  }
  advance(now: number): void {
    this.target.advance(now);
  }
  explain(): PlanNode {
    return this.target.explain();
  }
}

interface Relation {
  /** Holds rows until the clock moves (a subquery with windows, a join, a table function). */
  timed?: boolean;
  scope: Scope;
  width: number;
  sources: { stream: string; entry: Operator }[];
  out: Forward;
  /** The RANGE of an `OVER (..)` on a joined stream. */
  rangeMs?: number;
}

const ROWTIME_FIELD = (qualifiers: string[]): Field => ({ name: 'ROWTIME', type: T.TIMESTAMP, index: 0, qualifiers, hidden: true });

export const NOT_MONOTONIC_GROUP_BY = 'Streaming aggregation requires at least one monotonic expression in GROUP BY clause';
export const NOT_MONOTONIC_ORDER_BY = 'Streaming ORDER BY must start with monotonic expression';
export const HAVING_WITHOUT_AGGREGATE = 'HAVING clause requires GROUP BY or an aggregate';

/** The relation a FROM clause reads, with its pipeline head. */
export function planFrom(from: FromItem, env: PlanEnv): Relation {
  switch (from.kind) {
    case 'StreamRef': {
      const def = env.streams.get(from.name.value);
      if (!def) throw unknownStream(from.name.value, from.name.loc, env);
      const qualifiers = [def.name, ...(from.alias ? [from.alias.value] : [])];
      const fields = def.columns.map((c, i) => ({ name: c.name, type: c.type, index: i, qualifiers, hidden: !!c.hidden }));
      const out = new Forward();
      return { scope: new Scope(fields), width: fields.length, sources: [{ stream: def.name, entry: new Scan(def.name, out, env.report) }], out, rangeMs: from.window?.rangeMs };
    }
    case 'Subquery': {
      const inner = planSelect(from.query, env);
      const qualifiers = from.alias ? [from.alias.value] : [];
      const fields = [ROWTIME_FIELD(qualifiers), ...inner.columns.map((c, i) => ({ name: c.name, type: c.type, index: i + 1, qualifiers, hidden: false, rowtimeCopy: c.rowtimeCopy }))];
      return { scope: new Scope(fields), width: fields.length, sources: inner.sources, out: inner.output, timed: inner.timed };
    }
    case 'TableFunction': {
      const tf = tableFunctions.get(from.name);
      if (!tf) throw analysisError(`No match found for function signature ${from.name}`, from.loc);
      const inner = planSelect(from.cursor, env);
      const args = from.args.map((a) => {
        const c = compileExpr(a, { scope: new Scope([]), clock: env.clock });
        return c.fn([]);
      });
      const made = tf.make(inner.columns, args, from.loc, env);
      inner.output.target = made.op;
      const madeCols: { name: string; type: SqlType }[] = made.columns;
      const qualifiers = from.alias ? [from.alias.value] : [];
      const fields = [ROWTIME_FIELD(qualifiers), ...madeCols.map((c, i) => ({ name: c.name, type: c.type, index: i + 1, qualifiers, hidden: false }))];
      return { scope: new Scope(fields), width: fields.length, sources: inner.sources, out: made.out, timed: true };
    }
    case 'Join': {
      if (from.joinType !== 'INNER' && from.joinType !== 'LEFT') throw analysisError(`${from.joinType} OUTER JOIN of two streams is not supported; use JOIN or LEFT JOIN`, from.loc);
      const l = planFrom(from.left, env);
      const r = planFrom(from.right, env);
      const fields: Field[] = [
        ROWTIME_FIELD([]),
        ...l.scope.fields.map((f) => ({ ...f, index: f.index + 1 })),
        ...r.scope.fields.map((f) => ({ ...f, index: f.index + 1 + l.width })),
      ];
      const scope = new Scope(fields);
      const on = compileExpr(from.on, { scope, clock: env.clock, aggregateError: 'Aggregate expression is illegal in ON clause' });
      const out = new Forward();
      const join = new StreamJoin({ leftWidth: l.width, rightWidth: r.width, leftRangeMs: l.rangeMs ?? 0, rightRangeMs: r.rangeMs ?? 0, on: on.fn, next: out, text: `ON ${printExpr(from.on)}`, leftOuter: from.joinType === 'LEFT' });
      l.out.target = join.left;
      r.out.target = join.right;
      return { scope, width: fields.length, sources: [...l.sources, ...r.sources], out, timed: true };
    }
    default:
      return assertNever(from);
  }
}

export function unknownStream(name: string, loc: Loc, env: { streams: Map<string, StreamDef> }) {
  const hint = didYouMean(name, [...env.streams.keys()]);
  return analysisError(`Object '${name}' not found${hint ? `; did you mean ${sqlName(hint)}?` : ''}`, loc);
}

/** Aggregate calls (no OVER) in an expression, outermost first. */
export function aggregateCalls(e: Expr): Extract<Expr, { kind: 'Call' }>[] {
  const out: Extract<Expr, { kind: 'Call' }>[] = [];
  walkExpr(e, (x) => {
    if (x.kind === 'Call' && !x.over && aggregateFunctions.has(x.name)) {
      out.push(x);
      return false;
    }
  });
  return out;
}
export function analyticCalls(e: Expr): Extract<Expr, { kind: 'Call' }>[] {
  const out: Extract<Expr, { kind: 'Call' }>[] = [];
  walkExpr(e, (x) => {
    if (x.kind === 'Call' && x.over) {
      out.push(x);
      return false;
    }
  });
  return out;
}

/** The select list with `*` expanded, each item named (alias, column name, or EXPR$i as Calcite names it). */
export function expandItems(q: Select, scope: Scope): { expr: Expr; name: string; loc: Loc }[] {
  const items: { expr: Expr; name: string; loc: Loc }[] = [];
  q.items.forEach((it) => {
    if (it.expr.kind === 'Star') {
      for (const f of scope.star(it.expr.qualifier?.value)) {
        const pos = scope.fields.indexOf(f);
        items.push({
          expr: { kind: 'Column', qualifier: { value: BY_INDEX + pos, quoted: true, loc: it.loc }, name: { value: f.name, quoted: true, loc: it.loc }, loc: it.loc },
          name: f.name,
          loc: it.loc,
        });
      }
      return;
    }
    const name = it.alias?.value ?? (it.expr.kind === 'Column' ? it.expr.name.value : `EXPR$${items.length}`);
    items.push({ expr: it.expr, name, loc: it.loc });
  });
  return items;
}

const isRowtimeIn = (scope: Scope) => (c: Extract<Expr, { kind: 'Column' }>) => {
  try {
    const f = scope.resolve(c);
    return (f.index === 0 && f.name === 'ROWTIME') || f.rowtimeCopy === true;
  } catch {
    return false;
  }
};

/** The select list as SQL text: `expr AS NAME` where the name is not the expression's own. */
const selectTexts = (items: { expr: Expr; name: string }[]): string[] =>
  items.map((it) => {
    const text = printExpr(it.expr);
    return it.expr.kind === 'Column' && it.expr.name.value === it.name ? text : `${text} AS ${sqlName(it.name)}`;
  });

/** The tumbling window of a GROUP BY: the finest ROWTIME-based window among its expressions. */
export function groupWindow(exprs: Expr[], scope: Scope): { window: TimeWindow; index: number } | undefined {
  let best: { window: TimeWindow; index: number } | undefined;
  exprs.forEach((e, index) => {
    const w = timeWindowOf(e, isRowtimeIn(scope));
    if (w && (!best || w.width < best.window.width)) best = { window: w, index };
  });
  return best;
}

/** A scope for the select list of an aggregate query: any column not grouped is an error. */
class GroupedScope extends Scope {
  constructor(private readonly inner: Scope) {
    super(inner.fields);
  }
  override resolve(c: Extract<Expr, { kind: 'Column' }>): Field {
    const f = this.inner.resolve(c);
    throw analysisError(`Expression '${f.name}' is not being grouped`, c.loc);
  }
}

export function planSelect(q: Select, env: PlanEnv): QueryPlan {
  if (q.unionAll) return planUnionAll(q, env);
  const rel = planFrom(q.from, env);
  const scope = rel.scope;
  env.scopes?.set(q, scope);
  const clock = env.clock;
  const items = expandItems(q, scope);
  const output = new Forward();
  const report = env.report;

  const aggCalls = [...items.flatMap((i) => aggregateCalls(i.expr)), ...(q.having ? aggregateCalls(q.having) : [])];
  const overCalls = items.flatMap((i) => analyticCalls(i.expr));
  const isAggregate = !!q.groupBy || aggCalls.length > 0 || q.distinct || !!q.stagger;

  let head: Operator;
  let columns: { name: string; type: SqlType; rowtimeCopy?: boolean }[];
  let next: Operator = output;

  // ORDER BY is compiled against the output columns, so it is wired after them (below).
  const orderSlot = new Forward();
  if (q.orderBy) next = orderSlot;

  if (isAggregate) {
    if (overCalls.length > 0) throw analysisError('Window functions (OVER) cannot be combined with GROUP BY or DISTINCT in one query', overCalls[0].loc);
    let groupExprs: Expr[] = q.distinct && !q.groupBy ? items.map((i) => i.expr) : [...(q.stagger?.partitionBy ?? []), ...(q.groupBy ?? [])];
    if (q.distinct && !q.groupBy) {
      // ROWTIME in a DISTINCT select list is not a key; it reads the output row's ROWTIME (KDA SQL reference,
      // "SELECT ALL and SELECT DISTINCT"), as long as another monotonic expression still closes the window.
      const isRt = isRowtimeIn(scope);
      const keys = groupExprs.filter((e) => !(e.kind === 'Column' && isRt(e)));
      if (keys.length < groupExprs.length && groupWindow(keys, scope)) groupExprs = keys;
    }
    const keyCompiled = groupExprs.map((e) => compileExpr(e, { scope, clock, aggregateError: 'Aggregate expression is illegal in GROUP BY clause' }));
    const groupKeys = new Map<string, number>();
    groupExprs.forEach((e, i) => {
      const k = resolvedKey(e, scope);
      if (!groupKeys.has(k)) groupKeys.set(k, i);
    });
    // Columns read by a grouped time expression (STEP(ctrail."eventTimeStamp" BY ..)) may be selected
    // bare; they then read the group's value of that expression. KDA calls such columns "derivable
    // from the GROUP BY clause" (SQL reference, "GROUP BY clause"); the CloudTrail example relies on it.
    const derivable = new Map<string, number>();
    groupExprs.forEach((e, i) => {
      if ((e.kind === 'Step' || e.kind === 'FloorTo') && e.operand.kind === 'Column') {
        const k = resolvedKey(e.operand, scope);
        if (!derivable.has(k)) derivable.set(k, i);
      }
    });
    const aggIndex = new Map<string, number>();
    const aggSpecs: AggregateSpec[] = [];
    const aggTypes: SqlType[] = [];
    for (const call of aggCalls) {
      const k = resolvedKey(call, scope);
      if (aggIndex.has(k)) continue;
      const inner = { scope, clock, aggregateError: 'Aggregate expressions cannot be nested' };
      const args = call.args.map((a) => compileExpr(a, inner));
      const f = aggregateFunctions.get(call.name)!;
      if (call.star && call.name !== 'COUNT') throw analysisError(`'*' is only allowed in COUNT(*)`, call.loc);
      if (args.length < f.minArgs || args.length > f.maxArgs || (call.name === 'COUNT' && !call.star && args.length === 0))
        throw analysisError(`Invalid number of arguments to function '${call.name}'. Was expecting ${f.minArgs === f.maxArgs ? f.minArgs : `${Math.max(1, f.minArgs)} to ${f.maxArgs}`} arguments`, call.loc);
      const types = args.map((a) => a.type);
      const rt = f.returnType(types);
      if ('error' in rt) throw analysisError(rt.error, call.loc);
      const consts = call.args.map((a) => (a.kind === 'Literal' ? a.value : null));
      const create = call.distinct && call.name === 'COUNT' ? makeCountDistinct : f.create(types, consts);
      aggIndex.set(k, aggSpecs.length);
      aggSpecs.push({ name: call.name, create, arg: call.star ? null : args[0].fn });
      aggTypes.push(rt);
    }
    const nKeys = groupExprs.length;
    const slot = (e: Expr) => {
      const k = resolvedKey(e, scope);
      const g = groupKeys.get(k);
      if (g !== undefined) return { index: 1 + g, type: keyCompiled[g].type };
      const a = aggIndex.get(k);
      if (a !== undefined) return { index: 1 + nKeys + a, type: aggTypes[a] };
      if (e.kind === 'Column') {
        const f = scope.resolve(e);
        if (f.index === 0 && f.name === 'ROWTIME') return { index: 0, type: T.TIMESTAMP };
        const d = derivable.get(k);
        if (d !== undefined) return { index: 1 + d, type: keyCompiled[d].type };
      }
      return undefined;
    };
    const gscope = new GroupedScope(scope);
    const sel = items.map((i) => compileExpr(i.expr, { scope: gscope, clock, slot }));
    const having = q.having ? compileExpr(q.having, { scope: gscope, clock, slot }) : undefined;
    columns = items.map((it, i) => ({ name: it.name, type: sel[i].type }));
    if (q.stagger) {
      head = new StaggerWindow({ rangeMs: q.stagger.rangeMs, keys: keyCompiled.map((k) => k.fn), aggs: aggSpecs, having: having?.fn, project: sel.map((s) => s.fn), next, report });
    } else {
      const gw = groupWindow(groupExprs, scope);
      if (!gw) throw analysisError(NOT_MONOTONIC_GROUP_BY, (q.groupBy?.[0] ?? q.items[0]).loc);
      head = new TumblingAggregate({
        window: gw.window,
        keys: keyCompiled.map((k) => k.fn),
        hashKeys: keyCompiled.map((_, i) => i).filter((i) => i !== gw.index),
        aggs: aggSpecs,
        having: having?.fn,
        project: sel.map((s) => s.fn),
        next,
        report,
        label: q.groupBy ? 'TumblingAggregate' : 'Distinct',
        keysAreOutput: !q.groupBy && aggSpecs.length === 0 && groupExprs.length === items.length && groupExprs.every((e, i) => groupKeys.get(resolvedKey(e, scope)) === i),
        describe: { groupBy: groupExprs.length, aggregates: aggSpecs.map((a) => a.name), ...(q.having ? { having: printExpr(q.having) } : {}) },
      });
    }
  } else if (overCalls.length > 0) {
    if (q.having) throw analysisError(HAVING_WITHOUT_AGGREGATE, q.having.loc);
    const specs: SlidingWindowSpec[] = [];
    const specByKey = new Map<string, SlidingWindowSpec>();
    const slots = new Map<string, { index: number; type: SqlType }>();
    const describe: Record<string, unknown>[] = [];
    const pending: { spec: SlidingWindowSpec; call: AnalyticCall; key: string; type: SqlType }[] = [];
    for (const call of overCalls) {
      const over = call.over!;
      let spec: WindowSpec;
      if (over.kind === 'Named') {
        const w = q.windows.find((x) => x.name.value === over.name.value);
        if (!w) throw analysisError(`Window '${over.name.value}' not found`, over.loc);
        spec = w.spec;
      } else spec = over.spec;
      const sk = exprKey(spec as unknown as Expr);
      let s = specByKey.get(sk);
      if (!s) {
        s = {
          partition: spec.partitionBy.map((p) => compileExpr(p, { scope, clock }).fn),
          rangeMs: spec.rangeMs,
          rows: spec.rows,
          calls: [],
          firstSlot: 0,
        };
        specByKey.set(sk, s);
        specs.push(s);
        describe.push({ partitionBy: spec.partitionBy.length, ...(spec.rangeMs !== undefined ? { rangeMillis: spec.rangeMs } : { rows: spec.rows }) });
      }
      const key = resolvedKey(call, scope);
      if (pending.some((p) => p.key === key)) continue;
      const args = call.args.map((a) => compileExpr(a, { scope, clock, aggregateError: 'Aggregate expressions cannot be nested' }));
      let ac: AnalyticCall;
      let type: SqlType;
      if (call.name === 'LAG') {
        if (args.length < 1 || args.length > 3) throw analysisError(`Invalid number of arguments to function 'LAG'. Was expecting 1 to 3 arguments`, call.loc);
        const off = call.args[1];
        const offset = off ? (off.kind === 'Literal' && typeof off.value === 'number' ? off.value : NaN) : 1;
        if (!(offset >= 0)) throw analysisError('LAG offset must be a non-negative integer literal', call.loc);
        ac = { name: 'LAG', arg: args[0].fn, lag: { offset, dflt: args[2]?.fn ?? null } };
        type = args[0].type;
      } else {
        const f = aggregateFunctions.get(call.name);
        if (!f) throw analysisError(`OVER clause is not allowed with ${call.name}, which is not an aggregate function`, call.loc);
        const types = args.map((a) => a.type);
        const rt = f.returnType(types);
        if ('error' in rt) throw analysisError(rt.error, call.loc);
        const consts = call.args.map((a) => (a.kind === 'Literal' ? a.value : null));
        ac = { name: call.name, arg: call.star ? null : args[0].fn, acc: call.distinct ? makeCountDistinct() : f.create(types, consts)() };
        type = rt;
      }
      pending.push({ spec: s, call: ac, key, type });
    }
    let slotAt = rel.width;
    for (const s of specs) {
      s.firstSlot = slotAt;
      for (const p of pending.filter((x) => x.spec === s)) {
        s.calls.push(p.call);
        slots.set(p.key, { index: slotAt++, type: p.type });
      }
    }
    const slot = (e: Expr) => (e.kind === 'Call' && e.over ? slots.get(resolvedKey(e, scope)) : undefined);
    const sel = items.map((i) => compileExpr(i.expr, { scope, clock, slot }));
    columns = items.map((it, i) => ({ name: it.name, type: sel[i].type }));
    const project = new Project(sel.map((s) => s.fn), next, columns.map((c) => c.name), selectTexts(items));
    head = new SlidingWindow(specs, rel.width, project, describe);
  } else {
    if (q.having) throw analysisError(HAVING_WITHOUT_AGGREGATE, q.having.loc);
    const sel = items.map((i) => compileExpr(i.expr, { scope, clock }));
    columns = items.map((it, i) => ({ name: it.name, type: sel[i].type }));
    head = new Project(sel.map((s) => s.fn), next, columns.map((c) => c.name), selectTexts(items));
  }

  if (q.where) {
    const w = compileExpr(q.where, { scope, clock, aggregateError: 'Aggregate expression is illegal in WHERE clause' });
    if (w.type.kind !== 'BOOLEAN' && w.type.kind !== 'NULL') throw analysisError(`WHERE clause must be a condition`, q.where.loc);
    head = new Filter(w.fn, head, `WHERE ${printExpr(q.where)}`);
  }
  rel.out.target = head;

  if (q.orderBy) {
    // ORDER BY may name output columns or, failing that, the FROM stream's (resolved on the output when equal names);
    // a qualified name such as "TEMP_STREAM".ROWTIME (the anomaly detection example) keeps its FROM qualifier.
    const qualifiersOf = (name: string) => [...new Set(scope.fields.filter((f) => f.name === name).flatMap((f) => f.qualifiers))];
    const outFields: Field[] = [ROWTIME_FIELD(qualifiersOf('ROWTIME')), ...columns.map((c, i) => ({ name: c.name, type: c.type, index: i + 1, qualifiers: qualifiersOf(c.name), hidden: false }))];
    const oscope = new Scope(outFields);
    const first = q.orderBy[0].expr;
    const w = timeWindowOf(first, isRowtimeIn(oscope));
    if (!w) throw analysisError(NOT_MONOTONIC_ORDER_BY, first.loc);
    const keys = q.orderBy.map((o) => ({ fn: compileExpr(o.expr, { scope: oscope, clock }).fn, desc: o.desc }));
    orderSlot.target = new OrderBy({ window: w, keys, next: output });
  }
  const timed = rel.timed || isAggregate || overCalls.length > 0 || !!q.orderBy;
  // A bare ROWTIME in the select list equals the output row's ROWTIME (a group's reads its window end), so a
  // query over this one may group by it (the SQL reference's exact COUNT_DISTINCT_ITEMS_TUMBLING alternative).
  const isRt = isRowtimeIn(scope);
  items.forEach((it, i) => {
    if (it.expr.kind === 'Column' && isRt(it.expr)) columns[i] = { ...columns[i], rowtimeCopy: true };
  });
  return { columns, sources: rel.sources, output, timed, explain: () => rel.sources.map((s) => s.entry.explain()) };
}

/**
 * UNION ALL: the branches' rows merged into one stream, in the order they are produced (every
 * branch is driven by the same clock, so ROWTIME stays ascending). Column names come from the first.
 */
function planUnionAll(q: Select, env: PlanEnv): QueryPlan {
  const head = { ...q, unionAll: undefined, orderBy: undefined };
  const branches = [head, ...q.unionAll!].map((b) => {
    const plan = planSelect(b, env);
    // The first branch is planned as a copy without the union; its FROM scope belongs to `q`.
    if (b === head && env.scopes?.has(head)) env.scopes.set(q, env.scopes.get(head)!);
    return plan;
  });
  const first = branches[0];
  branches.forEach((b, i) => {
    if (b.columns.length !== first.columns.length)
      throw analysisError(`Column count mismatch in UNION ALL: ${first.columns.length} and ${b.columns.length} columns`, q.unionAll![i - 1]?.loc ?? q.loc);
  });
  const output = new Forward();
  const merged = new Forward();
  let tail: Operator = output;
  if (q.orderBy) {
    const outFields: Field[] = [ROWTIME_FIELD([]), ...first.columns.map((c, i) => ({ name: c.name, type: c.type, index: i + 1, qualifiers: [], hidden: false }))];
    const oscope = new Scope(outFields);
    const w = timeWindowOf(q.orderBy[0].expr, isRowtimeIn(oscope));
    if (!w) throw analysisError(NOT_MONOTONIC_ORDER_BY, q.orderBy[0].expr.loc);
    tail = new OrderBy({ window: w, keys: q.orderBy.map((o) => ({ fn: compileExpr(o.expr, { scope: oscope, clock: env.clock }).fn, desc: o.desc })), next: output });
  }
  merged.target = tail;
  for (const b of branches) b.output.target = merged;
  return {
    columns: first.columns,
    sources: branches.flatMap((b) => b.sources),
    output,
    timed: branches.some((b) => b.timed) || !!q.orderBy,
    explain: () => branches.flatMap((b) => b.explain()),
  };
}

export type { Compiled, Fn, Row, SqlValue };
