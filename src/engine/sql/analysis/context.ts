import type { Clock } from '../../common/clock';
import { walkExpr, type Expr, type FromItem, type Select, type Statement } from '../ast';
import type { SqlCompileError } from '../errors';
import type { QueryPlan, StreamDef } from '../planner';
import type { Scope } from '../scope';

/**
 * What a rule sees: the streams and pumps declared before the statement, and what planning the
 * statement (once, before the rules run) found. Rules read these; they never plan again.
 */
export interface AnalysisContext {
  catalog: Map<string, StreamDef>;
  /** Pumps created by earlier statements. */
  pumps: Set<string>;
  clock: Clock;
  /** The statement's query plan; undefined for CREATE STREAM or when planning stopped at an error. */
  plan?: QueryPlan;
  /** The columns a SELECT's FROM clause makes visible, if planning got that far. */
  scopeOf(q: Select): Scope | undefined;
}

/** One semantic check. Rules are registered in rules/index.ts. */
export interface Rule {
  name: string;
  check(statement: Statement, ctx: AnalysisContext): SqlCompileError[];
}

/** Every SELECT in a statement: the main query, subqueries in FROM and CURSOR arguments. */
export function selectsOf(st: Statement): Select[] {
  if (st.kind === 'CreateStream') return [];
  const out: Select[] = [];
  const visitFrom = (f: FromItem) => {
    switch (f.kind) {
      case 'StreamRef':
        return;
      case 'Subquery':
        visitSelect(f.query);
        return;
      case 'TableFunction':
        visitSelect(f.cursor);
        return;
      case 'Join':
        visitFrom(f.left);
        visitFrom(f.right);
        return;
    }
  };
  const visitSelect = (q: Select) => {
    out.push(q);
    visitFrom(q.from);
    q.unionAll?.forEach(visitSelect);
  };
  visitSelect(st.query);
  return out;
}

/** The expressions of a SELECT evaluated over its FROM rows (not ORDER BY, which reads the output). */
export function inputExprs(q: Select): Expr[] {
  return [
    ...q.items.map((i) => i.expr).filter((e) => e.kind !== 'Star'),
    ...(q.where ? [q.where] : []),
    ...(q.groupBy ?? []),
    ...(q.having ? [q.having] : []),
    ...(q.stagger?.partitionBy ?? []),
    ...q.windows.flatMap((w) => w.spec.partitionBy),
  ];
}

export function forEachNode(exprs: Expr[], visit: (e: Expr) => void | false): void {
  for (const e of exprs) walkExpr(e, visit);
}

/** Runs a planning step, turning its compile error into a list. */
export function attempt<T>(f: () => T): { value?: T; error?: SqlCompileError } {
  try {
    return { value: f() };
  } catch (e) {
    if (e && typeof e === 'object' && 'loc' in e) return { error: e as SqlCompileError };
    throw e;
  }
}
