/**
 * Expressions back to SQL text, for `explain()` and messages: `"temp" > 30`, `FLOOR(ROWTIME TO MINUTE)`.
 * The text parses back to the same expression (parentheses only where precedence needs them);
 * unquoted names print as they were folded (upper case), quoted ones with their quotes.
 */
import { assertNever, type Expr, type Name, type WindowRef, type WindowSpec } from './ast';
import { formatDate, formatTime, formatTimestamp } from './functions/datetime';
import { NILADIC_FUNCTIONS } from './keywords';
import { BY_INDEX } from './scope';
import { formatType, type SqlValue } from './types';

/** Binding strength, loosest first, as the parser's grammar nests them. */
const OR = 1;
const AND = 2;
const NOT = 3;
const PREDICATE = 4;
const ADDITIVE = 5;
const MULTIPLICATIVE = 6;
const UNARY = 7;
const PRIMARY = 8;

const binaryLevel = (op: string): number =>
  op === 'OR' ? OR
  : op === 'AND' ? AND
  : op === '+' || op === '-' || op === '||' ? ADDITIVE
  : op === '*' || op === '/' || op === '%' ? MULTIPLICATIVE
  : PREDICATE;

function level(e: Expr): number {
  switch (e.kind) {
    case 'Binary':
      return binaryLevel(e.op);
    case 'Unary':
      return e.op === 'NOT' ? NOT : UNARY;
    case 'IsNull':
    case 'IsBool':
    case 'Between':
    case 'In':
    case 'Like':
      return PREDICATE;
    case 'Literal':
      return typeof e.value === 'number' && e.value < 0 ? UNARY : PRIMARY;
    default:
      return PRIMARY;
  }
}

/** A name as written: quoted names keep their quotes (doubled inside). */
export const printName = (n: Name): string => (n.quoted ? `"${n.value.replace(/"/g, '""')}"` : n.value);

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;


const DAY_TIME_UNITS: [string, number][] = [
  ['DAY', 86_400_000],
  ['HOUR', 3_600_000],
  ['MINUTE', 60_000],
  ['SECOND', 1000],
];

/** An interval literal in its largest whole unit: `INTERVAL '10' SECOND`. */
export function printInterval(ms: number, yearMonth: boolean): string {
  const sign = ms < 0 ? '-' : '';
  const v = Math.abs(ms);
  if (yearMonth) return v % 12 === 0 && v > 0 ? `INTERVAL ${sign}'${v / 12}' YEAR` : `INTERVAL ${sign}'${v}' MONTH`;
  const unit = DAY_TIME_UNITS.find(([, u]) => v > 0 && v % u === 0);
  return unit ? `INTERVAL ${sign}'${v / unit[1]}' ${unit[0]}` : `INTERVAL ${sign}'${v / 1000}' SECOND`;
}

function printLiteral(e: Extract<Expr, { kind: 'Literal' }>): string {
  const v: SqlValue = e.value;
  if (v === null) return e.type.kind === 'BOOLEAN' ? 'UNKNOWN' : 'NULL';
  switch (e.type.kind) {
    case 'CHAR':
    case 'VARCHAR':
      return quote(String(v));
    case 'BOOLEAN':
      return v ? 'TRUE' : 'FALSE';
    case 'TIMESTAMP':
      return `TIMESTAMP ${quote(formatTimestamp(v as number).replace(/\.000$/, ''))}`;
    case 'DATE':
      return `DATE ${quote(formatDate(v as number))}`;
    case 'TIME':
      return `TIME ${quote(formatTime(v as number))}`;
    case 'INTERVAL_DAY_TIME':
      return printInterval(v as number, false);
    case 'INTERVAL_YEAR_MONTH':
      return printInterval(v as number, true);
    case 'DECIMAL':
      return (v as number).toFixed(e.type.scale);
    default:
      return String(v);
  }
}

export function printWindowSpec(s: WindowSpec): string {
  const parts: string[] = [];
  if (s.partitionBy.length) parts.push(`PARTITION BY ${s.partitionBy.map((p) => printExpr(p)).join(', ')}`);
  if (s.rangeMs !== undefined) parts.push(s.rangeMs === 0 ? 'RANGE CURRENT ROW' : `RANGE ${printInterval(s.rangeMs, false)} PRECEDING`);
  else if (s.rows !== undefined) parts.push(s.rows === 0 ? 'ROWS CURRENT ROW' : `ROWS ${s.rows} PRECEDING`);
  return parts.join(' ');
}

const printOver = (w: WindowRef): string => (w.kind === 'Named' ? ` OVER ${printName(w.name)}` : ` OVER (${printWindowSpec(w.spec)})`);

function printCall(e: Extract<Expr, { kind: 'Call' }>, o?: PrintOverride): string {
  const a = e.args.map((x) => printExpr(x, o));
  let inner: string;
  if (e.star) inner = '*';
  else if (e.name === 'TRIM' && a.length === 3 && e.args[0].kind === 'Literal') inner = `${e.args[0].value} ${a[1]} FROM ${a[2]}`;
  else if (e.name === 'POSITION' && a.length === 2) inner = `${printAt(e.args[0], ADDITIVE, o)} IN ${a[1]}`;
  else if (e.name === 'OVERLAY' && a.length >= 3) inner = `${a[0]} PLACING ${a[1]} FROM ${a[2]}${a[3] ? ` FOR ${a[3]}` : ''}`;
  else if (NILADIC_FUNCTIONS.has(e.name) && a.length === 0) return e.name + (e.over ? printOver(e.over) : '');
  else inner = (e.distinct ? 'DISTINCT ' : '') + a.join(', ');
  return `${e.name}(${inner})${e.over ? printOver(e.over) : ''}`;
}

/** `e` printed where an expression binding at least as tightly as `min` is needed. */
function printAt(e: Expr, min: number, o?: PrintOverride): string {
  const s = printExpr(e, o);
  return level(e) < min ? `(${s})` : s;
}

/**
 * Another dialect's text for some nodes (the Flink SQL export): called first for every node; what it
 * returns replaces the node's text, `undefined` prints the node as usual (its children through it too).
 */
export type PrintOverride = (e: Expr, print: (e: Expr) => string) => string | undefined;

/** SQL text of an expression. */
export function printExpr(e: Expr, o?: PrintOverride): string {
  const own = o?.(e, (x) => printExpr(x, o));
  if (own !== undefined) return own;
  switch (e.kind) {
    case 'Literal':
      return printLiteral(e);
    case 'Column': {
      // `*` expands to columns qualified by position, which SQL cannot say: the name alone.
      if (!e.qualifier || e.qualifier.value.startsWith(BY_INDEX)) return printName(e.name);
      return `${printName(e.qualifier)}.${printName(e.name)}`;
    }
    case 'Star':
      return e.qualifier ? `${printName(e.qualifier)}.*` : '*';
    case 'Binary': {
      const l = binaryLevel(e.op);
      // Left-associative: the right operand needs parentheses at equal strength; comparisons do not chain.
      const left = printAt(e.left, l === PREDICATE ? ADDITIVE : l, o);
      const right = printAt(e.right, l === PREDICATE ? ADDITIVE : l + 1, o);
      return `${left} ${e.op} ${right}`;
    }
    case 'Unary':
    {
      if (e.op === 'NOT') return `NOT ${printAt(e.operand, NOT, o)}`;
      const operand = printAt(e.operand, UNARY, o);
      // `- -x`, not `--x`, which would start a comment.
      return `${e.op}${/^[-+]/.test(operand) ? ' ' : ''}${operand}`;
    }
    case 'IsNull':
      return `${printAt(e.operand, ADDITIVE, o)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'IsBool':
      return `${printAt(e.operand, ADDITIVE, o)} IS ${e.negated ? 'NOT ' : ''}${e.value ? 'TRUE' : 'FALSE'}`;
    case 'Between':
      return `${printAt(e.operand, ADDITIVE, o)} ${e.negated ? 'NOT ' : ''}BETWEEN ${printAt(e.low, ADDITIVE, o)} AND ${printAt(e.high, ADDITIVE, o)}`;
    case 'In':
      return `${printAt(e.operand, ADDITIVE, o)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((x) => printExpr(x, o)).join(', ')})`;
    case 'Like':
      return `${printAt(e.operand, ADDITIVE, o)} ${e.negated ? 'NOT ' : ''}${e.similar ? 'SIMILAR TO' : 'LIKE'} ${printAt(e.pattern, ADDITIVE, o)}${e.escape ? ` ESCAPE ${printAt(e.escape, ADDITIVE, o)}` : ''}`;
    case 'Case': {
      const whens = e.whens.map((w) => ` WHEN ${printExpr(w.when, o)} THEN ${printExpr(w.then, o)}`).join('');
      return `CASE${e.operand ? ` ${printExpr(e.operand, o)}` : ''}${whens}${e.else ? ` ELSE ${printExpr(e.else, o)}` : ''} END`;
    }
    case 'Cast':
      return `CAST(${printExpr(e.operand, o)} AS ${formatType(e.type)})`;
    case 'FloorTo':
      return `${e.ceil ? 'CEIL' : 'FLOOR'}(${printExpr(e.operand, o)} TO ${e.unit})`;
    case 'Step':
      return `STEP(${printExpr(e.operand, o)} BY ${printExpr(e.by, o)})`;
    case 'Extract':
      return `EXTRACT(${e.field} FROM ${printExpr(e.operand, o)})`;
    case 'IntervalOf':
      return `(${printExpr(e.operand, o)}) ${e.unit}`;
    case 'Call':
      return printCall(e, o);
    default:
      return assertNever(e);
  }
}
