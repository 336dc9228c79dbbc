import type { Span } from './errors';
import type { SqlType, SqlValue } from './types';

/** Time units of FLOOR/CEIL(x TO unit), EXTRACT and interval literals. */
export type TimeUnit = 'YEAR' | 'MONTH' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND';

/** A name as written: `value` is folded to upper case unless it was quoted. */
export interface Name {
  value: string;
  quoted: boolean;
  loc: Span;
}

export type Expr =
  | { kind: 'Literal'; type: SqlType; value: SqlValue; loc: Span }
  | { kind: 'Column'; qualifier?: Name; name: Name; loc: Span }
  | { kind: 'Star'; qualifier?: Name; loc: Span }
  | { kind: 'Binary'; op: BinaryOp; left: Expr; right: Expr; loc: Span }
  | { kind: 'Unary'; op: '-' | '+' | 'NOT'; operand: Expr; loc: Span }
  | { kind: 'IsNull'; negated: boolean; operand: Expr; loc: Span }
  | { kind: 'IsBool'; negated: boolean; value: boolean; operand: Expr; loc: Span }
  | { kind: 'Between'; negated: boolean; operand: Expr; low: Expr; high: Expr; loc: Span }
  | { kind: 'In'; negated: boolean; operand: Expr; list: Expr[]; loc: Span }
  | { kind: 'Like'; negated: boolean; similar: boolean; operand: Expr; pattern: Expr; escape?: Expr; loc: Span }
  | { kind: 'Case'; operand?: Expr; whens: { when: Expr; then: Expr }[]; else?: Expr; loc: Span }
  | { kind: 'Cast'; operand: Expr; type: SqlType; loc: Span }
  /** FLOOR(x TO unit) / CEIL(x TO unit) over timestamps and intervals. */
  | { kind: 'FloorTo'; ceil: boolean; operand: Expr; unit: TimeUnit; loc: Span }
  /** STEP(x BY INTERVAL '10' SECOND) (or BY a number for numeric x). */
  | { kind: 'Step'; operand: Expr; by: Expr; loc: Span }
  | { kind: 'Extract'; field: TimeUnit; operand: Expr; loc: Span }
  /** `(a - b) SECOND`: a datetime difference read as an interval of the unit. */
  | { kind: 'IntervalOf'; operand: Expr; unit: TimeUnit; loc: Span }
  | { kind: 'Call'; name: string; args: Expr[]; distinct: boolean; star: boolean; over?: WindowRef; loc: Span };

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '||' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

/** `OVER w` or `OVER (PARTITION BY .. RANGE ..)`. */
export type WindowRef = { kind: 'Named'; name: Name; loc: Span } | { kind: 'Inline'; spec: WindowSpec; loc: Span };

/** `[PARTITION BY e, ..] (RANGE INTERVAL .. PRECEDING | ROWS n PRECEDING | RANGE/ROWS CURRENT ROW)` */
export interface WindowSpec {
  partitionBy: Expr[];
  /** RANGE window length in milliseconds (0 for RANGE CURRENT ROW). */
  rangeMs?: number;
  /** ROWS n PRECEDING (0 for ROWS CURRENT ROW). */
  rows?: number;
  loc: Span;
}

export interface SelectItem {
  expr: Expr;
  alias?: Name;
  loc: Span;
}

export type FromItem =
  | { kind: 'StreamRef'; name: Name; alias?: Name; window?: WindowSpec; loc: Span }
  | { kind: 'Subquery'; query: Select; alias?: Name; loc: Span }
  | { kind: 'TableFunction'; name: string; cursor: Select; args: Expr[]; alias?: Name; loc: Span }
  | { kind: 'Join'; joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL'; left: FromItem; right: FromItem; on: Expr; loc: Span };

export interface Select {
  kind: 'Select';
  stream: boolean;
  distinct: boolean;
  items: SelectItem[];
  from: FromItem;
  where?: Expr;
  groupBy?: Expr[];
  having?: Expr;
  /** WINDOWED BY STAGGER (PARTITION BY .. RANGE INTERVAL ..) */
  stagger?: { partitionBy: Expr[]; rangeMs: number; loc: Span };
  windows: { name: Name; spec: WindowSpec }[];
  orderBy?: { expr: Expr; desc: boolean }[];
  /** `UNION ALL` branches after this one (the ORDER BY, if any, sorts the union). */
  unionAll?: Select[];
  loc: Span;
}

export interface ColumnDef {
  name: Name;
  type: SqlType;
  loc: Span;
}

export type Statement =
  | { kind: 'CreateStream'; orReplace: boolean; name: Name; columns: ColumnDef[]; description?: string; loc: Span }
  | { kind: 'CreatePump'; orReplace: boolean; name: Name; target: Name; targetColumns?: Name[]; query: Select; loc: Span }
  | { kind: 'Query'; query: Select; loc: Span };

export interface Script {
  statements: Statement[];
}

/** Every node carries `loc`: where it starts and (`loc.end`) where it ends in the script. */
export type { Span };

/** The exhaustiveness guard at the end of every switch over node kinds. */
export function assertNever(x: never): never {
  throw new Error(`unexpected node ${JSON.stringify((x as { kind?: string })?.kind ?? x)}`);
}

/** Visits every expression below `e` (including `e`), depth first. */
export function walkExpr(e: Expr, visit: (e: Expr) => void | false): void {
  if (visit(e) === false) return;
  switch (e.kind) {
    case 'Literal':
    case 'Column':
    case 'Star':
      return;
    case 'Binary':
      walkExpr(e.left, visit);
      walkExpr(e.right, visit);
      return;
    case 'Unary':
    case 'IsNull':
    case 'IsBool':
    case 'Cast':
    case 'FloorTo':
    case 'Extract':
    case 'IntervalOf':
      walkExpr(e.operand, visit);
      return;
    case 'Step':
      walkExpr(e.operand, visit);
      walkExpr(e.by, visit);
      return;
    case 'Between':
      walkExpr(e.operand, visit);
      walkExpr(e.low, visit);
      walkExpr(e.high, visit);
      return;
    case 'In':
      walkExpr(e.operand, visit);
      e.list.forEach((x) => walkExpr(x, visit));
      return;
    case 'Like':
      walkExpr(e.operand, visit);
      walkExpr(e.pattern, visit);
      if (e.escape) walkExpr(e.escape, visit);
      return;
    case 'Case':
      if (e.operand) walkExpr(e.operand, visit);
      for (const w of e.whens) {
        walkExpr(w.when, visit);
        walkExpr(w.then, visit);
      }
      if (e.else) walkExpr(e.else, visit);
      return;
    case 'Call':
      e.args.forEach((x) => walkExpr(x, visit));
      if (e.over?.kind === 'Inline') e.over.spec.partitionBy.forEach((x) => walkExpr(x, visit));
      return;
    default:
      assertNever(e);
  }
}

/** A canonical text of an expression, ignoring locations: two equal keys mean the same expression. */
export function exprKey(e: Expr): string {
  return JSON.stringify(e, (k, v) => (k === 'loc' || k === 'text' ? undefined : v));
}
