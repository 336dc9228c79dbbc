/**
 * Compiles an expression ONCE into a closure over a row array (never interpreted per row,
 * never eval-ed). Types are checked here; a mistake is an analysis error at the node's location.
 */
import { assertNever, exprKey, type Expr, type TimeUnit } from './ast';
import { aggregateFunctions, ANALYTIC_ONLY } from './aggregates';
import { analysisError } from './errors';
import { canCast, castTo } from './functions/cast';
import { daysFromCivil, MS_PER_DAY, toCivil } from './functions/datetime';
import { ErrorNames, SqlRuntimeError } from './functions/errors';
import { commonType, likeToRegExp, scalarFunctions, similarToRegExp } from './functions/registry';
import { NILADIC_FUNCTIONS } from './keywords';
import type { Scope } from './scope';
import { formatType, isCharacter, isDatetime, isIntegral, isInterval, isNumeric, isWild, T, UNIT_MS, varchar, type SqlType, type SqlValue } from './types';
import type { Clock } from '../common/clock';

export type Row = SqlValue[];
export type Fn = (row: Row) => SqlValue;
export interface Compiled {
  type: SqlType;
  fn: Fn;
}

export interface CompileContext {
  scope: Scope;
  clock: Clock;
  /** Sub-expressions already computed into a row slot (group keys, aggregates, analytic calls). */
  slot?: (e: Expr) => { index: number; type: SqlType } | undefined;
  /** What an aggregate call means where no slot holds it (an error message). */
  aggregateError?: string;
}

/** The key of an expression with its columns resolved: `ROWTIME` and `s.ROWTIME` are the same. */
export function resolvedKey(e: Expr, scope: Scope): string {
  return JSON.stringify(e, function (k, v) {
    if (k === 'loc' || k === 'text') return undefined;
    if (v && typeof v === 'object' && v.kind === 'Column') {
      try {
        return { col: scope.resolve(v).index };
      } catch {
        return { col: exprKey(v) };
      }
    }
    return v;
  });
}

const typeText = (t: SqlType) => formatType(t);
const opError = (op: string, l: SqlType, r: SqlType, e: Expr) =>
  analysisError(`Cannot apply '${op}' to arguments of type '<${typeText(l)}> ${op} <${typeText(r)}>'`, e.loc);

/** The wider of two numeric types for + - * /. */
function numericResult(op: string, l: SqlType, r: SqlType): SqlType {
  if (isWild(l)) return isWild(r) ? T.DOUBLE : r;
  if (isWild(r)) return l;
  if (l.kind === 'DOUBLE' || r.kind === 'DOUBLE' || l.kind === 'REAL' || r.kind === 'REAL') return T.DOUBLE;
  if (l.kind === 'DECIMAL' || r.kind === 'DECIMAL') {
    const ls = l.kind === 'DECIMAL' ? l.scale : 0;
    const rs = r.kind === 'DECIMAL' ? r.scale : 0;
    const scale = op === '*' ? ls + rs : op === '/' ? Math.max(6, ls) : Math.max(ls, rs);
    return { kind: 'DECIMAL', precision: 19, scale: Math.min(scale, 19) };
  }
  if (l.kind === 'BIGINT' || r.kind === 'BIGINT') return T.BIGINT;
  return T.INTEGER;
}

/** Floors a timestamp (epoch ms, UTC) to a unit. */
export function floorTimestamp(ms: number, unit: TimeUnit): number {
  if (unit === 'YEAR' || unit === 'MONTH') {
    const c = toCivil(ms);
    return daysFromCivil(c.year, unit === 'YEAR' ? 1 : c.month, 1) * MS_PER_DAY;
  }
  const u = UNIT_MS[unit];
  return Math.floor(ms / u) * u;
}
export function ceilTimestamp(ms: number, unit: TimeUnit): number {
  const f = floorTimestamp(ms, unit);
  if (f === ms) return f;
  if (unit === 'YEAR' || unit === 'MONTH') {
    const c = toCivil(f);
    return unit === 'YEAR' ? daysFromCivil(c.year + 1, 1, 1) * MS_PER_DAY : daysFromCivil(c.month === 12 ? c.year + 1 : c.year, c.month === 12 ? 1 : c.month + 1, 1) * MS_PER_DAY;
  }
  return f + UNIT_MS[unit];
}

const cmp = (op: string): ((a: any, b: any) => boolean) => {
  switch (op) {
    case '=':
      return (a, b) => a === b;
    case '<>':
      return (a, b) => a !== b;
    case '<':
      return (a, b) => a < b;
    case '<=':
      return (a, b) => a <= b;
    case '>':
      return (a, b) => a > b;
    default:
      return (a, b) => a >= b;
  }
};

const comparable = (l: SqlType, r: SqlType): boolean =>
  isWild(l) ||
  isWild(r) ||
  (isNumeric(l) && isNumeric(r)) ||
  (isCharacter(l) && isCharacter(r)) ||
  (isDatetime(l) && isDatetime(r)) ||
  (isInterval(l) && l.kind === r.kind) ||
  l.kind === r.kind;

const divide = (integral: boolean) => (a: number, b: number) => {
  if (b === 0) throw new SqlRuntimeError(ErrorNames.DIVISION_BY_ZERO, 'Division by zero');
  return integral ? Math.trunc(a / b) : a / b;
};

export function compileExpr(e: Expr, ctx: CompileContext): Compiled {
  if (ctx.slot) {
    const s = ctx.slot(e);
    if (s) {
      const i = s.index;
      return { type: s.type, fn: (row) => row[i] };
    }
  }
  const c = (x: Expr) => compileExpr(x, ctx);
  switch (e.kind) {
    case 'Literal': {
      const v = e.value;
      return { type: e.type.kind === 'CHAR' ? { kind: 'CHAR', length: Math.max(1, (v as string).length) } : e.type, fn: () => v };
    }
    case 'Column': {
      const f = ctx.scope.resolve(e);
      const i = f.index;
      return { type: f.type, fn: (row) => row[i] };
    }
    case 'Star':
      throw analysisError("'*' is only allowed in the select list or COUNT(*)", e.loc);
    case 'Binary':
      return compileBinary(e, c(e.left), c(e.right));
    case 'Unary': {
      const o = c(e.operand);
      const f = o.fn;
      if (e.op === 'NOT') {
        if (!isWild(o.type) && o.type.kind !== 'BOOLEAN') throw analysisError(`Cannot apply 'NOT' to arguments of type 'NOT<${typeText(o.type)}>'`, e.loc);
        return { type: T.BOOLEAN, fn: (r) => { const v = f(r); return v === null ? null : !v; } };
      }
      if (!isWild(o.type) && !isNumeric(o.type) && !isInterval(o.type)) throw analysisError(`Cannot apply '${e.op}' to arguments of type '${e.op}<${typeText(o.type)}>'`, e.loc);
      if (e.op === '+') return o;
      return { type: o.type, fn: (r) => { const v = f(r); return v === null ? null : -(v as number); } };
    }
    case 'IsNull': {
      const f = c(e.operand).fn;
      return { type: T.BOOLEAN, fn: e.negated ? (r) => f(r) !== null : (r) => f(r) === null };
    }
    case 'IsBool': {
      const f = c(e.operand).fn;
      const want = e.value;
      return { type: T.BOOLEAN, fn: e.negated ? (r) => f(r) !== want : (r) => f(r) === want };
    }
    case 'Between': {
      const o = c(e.operand);
      const lo = c(e.low);
      const hi = c(e.high);
      if (!comparable(o.type, lo.type) || !comparable(o.type, hi.type)) throw opError('BETWEEN', o.type, lo.type, e);
      const [f, fl, fh, neg] = [o.fn, lo.fn, hi.fn, e.negated];
      return {
        type: T.BOOLEAN,
        fn: (r) => {
          const v = f(r);
          const a = fl(r);
          const b = fh(r);
          if (v === null || a === null || b === null) return null;
          const inside = v >= a && v <= b;
          return neg ? !inside : inside;
        },
      };
    }
    case 'In': {
      const o = c(e.operand);
      const items = e.list.map(c);
      for (const it of items) if (!comparable(o.type, it.type)) throw opError('IN', o.type, it.type, e);
      const f = o.fn;
      const fs = items.map((x) => x.fn);
      const neg = e.negated;
      return {
        type: T.BOOLEAN,
        fn: (r) => {
          const v = f(r);
          if (v === null) return null;
          let sawNull = false;
          for (const g of fs) {
            const w = g(r);
            if (w === null) sawNull = true;
            else if (w === v) return !neg;
          }
          return sawNull ? null : neg;
        },
      };
    }
    case 'Like': {
      const o = c(e.operand);
      const p = c(e.pattern);
      const esc = e.escape ? c(e.escape) : undefined;
      for (const t of [o.type, p.type]) if (!isWild(t) && !isCharacter(t)) throw opError(e.similar ? 'SIMILAR TO' : 'LIKE', o.type, p.type, e);
      const toRe = e.similar ? similarToRegExp : likeToRegExp;
      const f = o.fn;
      const neg = e.negated;
      let re: RegExp | undefined;
      if (e.pattern.kind === 'Literal' && (!e.escape || e.escape.kind === 'Literal')) {
        re = toRe(e.pattern.value as string, e.escape ? ((e.escape as { value: SqlValue }).value as string) : undefined);
      }
      const fixed = re;
      const pf = p.fn;
      const ef = esc?.fn;
      let lastPattern: string | undefined;
      let lastRe: RegExp | undefined;
      return {
        type: T.BOOLEAN,
        fn: (r) => {
          const v = f(r);
          if (v === null) return null;
          let rx = fixed;
          if (!rx) {
            const pv = pf(r);
            if (pv === null) return null;
            const ev = ef ? (ef(r) as string) : undefined;
            const key = `${pv}\u0000${ev ?? ''}`;
            if (key !== lastPattern) {
              lastRe = toRe(pv as string, ev);
              lastPattern = key;
            }
            rx = lastRe!;
          }
          const m = rx.test(v as string);
          return neg ? !m : m;
        },
      };
    }
    case 'Case': {
      const operand = e.operand ? c(e.operand) : undefined;
      const whens = e.whens.map((w) => ({ when: c(w.when), then: c(w.then) }));
      const elseC = e.else ? c(e.else) : undefined;
      const type = commonType([...whens.map((w) => w.then.type), ...(elseC ? [elseC.type] : [])]);
      if (!type) throw analysisError('Illegal mixing of types in CASE or COALESCE statement', e.loc);
      const casts = whens.map((w) => castTo(type, w.then.type));
      const elseCast = elseC ? castTo(type, elseC.type) : undefined;
      const conds = whens.map((w) => w.when.fn);
      const thens = whens.map((w) => w.then.fn);
      const ef = elseC?.fn;
      const of = operand?.fn;
      const n = conds.length;
      return {
        type,
        fn: (r) => {
          const ov = of ? of(r) : undefined;
          for (let i = 0; i < n; i++) {
            const cv = conds[i](r);
            if (of ? ov !== null && cv === ov : cv === true) return casts[i](thens[i](r));
          }
          return ef ? elseCast!(ef(r)) : null;
        },
      };
    }
    case 'Cast': {
      const o = c(e.operand);
      if (!canCast(e.type, o.type)) throw analysisError(`Cast function cannot convert value of type ${typeText(o.type)} to type ${typeText(e.type)}`, e.loc);
      const f = o.fn;
      const conv = castTo(e.type, o.type);
      return { type: e.type, fn: (r) => conv(f(r)) };
    }
    case 'FloorTo': {
      const o = c(e.operand);
      const f = o.fn;
      const unit = e.unit;
      if (o.type.kind === 'TIMESTAMP' || o.type.kind === 'DATE' || isWild(o.type)) {
        const g = e.ceil ? ceilTimestamp : floorTimestamp;
        return { type: T.TIMESTAMP, fn: (r) => { const v = f(r); return v === null ? null : g(v as number, unit); } };
      }
      if (o.type.kind === 'INTERVAL_DAY_TIME') {
        const u = UNIT_MS[unit] ?? 1;
        const g = e.ceil ? Math.ceil : Math.floor;
        return { type: o.type, fn: (r) => { const v = f(r); return v === null ? null : g((v as number) / u) * u; } };
      }
      throw analysisError(`Cannot apply '${e.ceil ? 'CEIL' : 'FLOOR'}' to arguments of type '${e.ceil ? 'CEIL' : 'FLOOR'}(<${typeText(o.type)}> TO ${unit})'`, e.loc);
    }
    case 'Step': {
      // STEP(x BY width) = the start of the width-aligned bucket holding x (KDA SQL reference, "STEP").
      const o = c(e.operand);
      const b = c(e.by);
      const f = o.fn;
      const bf = b.fn;
      const okTs = (o.type.kind === 'TIMESTAMP' || o.type.kind === 'DATE') && b.type.kind === 'INTERVAL_DAY_TIME';
      const okNum = isNumeric(o.type) && isNumeric(b.type);
      if (!okTs && !okNum && !isWild(o.type)) throw opError('STEP', o.type, b.type, e);
      return {
        type: okTs ? T.TIMESTAMP : o.type,
        fn: (r) => {
          const v = f(r);
          const w = bf(r);
          if (v === null || w === null) return null;
          if (w === 0) throw new SqlRuntimeError(ErrorNames.DIVISION_BY_ZERO, 'Division by zero');
          return Math.floor((v as number) / (w as number)) * (w as number);
        },
      };
    }
    case 'Extract': {
      const o = c(e.operand);
      const f = o.fn;
      const field = e.field;
      // KDA SQL reference, EXTRACT: BIGINT for every field but SECOND, which is DECIMAL(5,3) with the milliseconds.
      const SECONDS: SqlType = { kind: 'DECIMAL', precision: 5, scale: 3 };
      if (o.type.kind === 'INTERVAL_DAY_TIME') {
        if (field === 'SECOND')
          return { type: SECONDS, fn: (r) => { const v = f(r) as number | null; return v === null ? null : (v % 60000) / 1000; } };
        const u = UNIT_MS[field] ?? 1;
        const mod: Record<string, number> = { DAY: Infinity, HOUR: 24, MINUTE: 60, SECOND: 60, MILLISECOND: 1000 };
        return { type: T.BIGINT, fn: (r) => { const v = f(r); return v === null ? null : Math.trunc((v as number) / u) % mod[field]; } };
      }
      if (!isDatetime(o.type) && !isWild(o.type)) throw analysisError(`Cannot apply 'EXTRACT' to arguments of type 'EXTRACT(${field} FROM <${typeText(o.type)}>)'`, e.loc);
      return {
        type: field === 'SECOND' ? SECONDS : T.BIGINT,
        fn: (r) => {
          const v = f(r);
          if (v === null) return null;
          const t = toCivil(v as number);
          switch (field) {
            case 'YEAR':
              return t.year;
            case 'MONTH':
              return t.month;
            case 'DAY':
              return t.day;
            case 'HOUR':
              return t.hour;
            case 'MINUTE':
              return t.minute;
            case 'SECOND':
              return (t.second * 1000 + t.milli) / 1000;
            default:
              return t.milli;
          }
        },
      };
    }
    case 'IntervalOf': {
      // (a - b) unit: the difference read as an interval of that unit; kept in milliseconds.
      const o = c(e.operand);
      if (o.type.kind !== 'INTERVAL_DAY_TIME' && o.type.kind !== 'INTERVAL_YEAR_MONTH' && !isWild(o.type))
        throw analysisError(`Cannot apply an interval qualifier to an expression of type ${typeText(o.type)}`, e.loc);
      if (e.unit === 'SECOND' || e.unit === 'MILLISECOND') return { type: T.INTERVAL_DAY_TIME, fn: o.fn };
      const u = UNIT_MS[e.unit] ?? 1;
      const f = o.fn;
      return { type: T.INTERVAL_DAY_TIME, fn: (r) => { const v = f(r); return v === null ? null : Math.trunc((v as number) / u) * u; } };
    }
    case 'Call':
      return compileCall(e, ctx);
    default:
      return assertNever(e);
  }
}

function compileBinary(e: Extract<Expr, { kind: 'Binary' }>, l: Compiled, r: Compiled): Compiled {
  const lf = l.fn;
  const rf = r.fn;
  const lt = l.type;
  const rt = r.type;
  const op = e.op;
  switch (op) {
    case 'AND':
    case 'OR': {
      for (const t of [lt, rt]) if (!isWild(t) && t.kind !== 'BOOLEAN') throw opError(op, lt, rt, e);
      if (op === 'AND')
        return {
          type: T.BOOLEAN,
          fn: (row) => {
            const a = lf(row);
            if (a === false) return false;
            const b = rf(row);
            if (b === false) return false;
            return a === null || b === null ? null : true;
          },
        };
      return {
        type: T.BOOLEAN,
        fn: (row) => {
          const a = lf(row);
          if (a === true) return true;
          const b = rf(row);
          if (b === true) return true;
          return a === null || b === null ? null : false;
        },
      };
    }
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (!comparable(lt, rt)) throw opError(op, lt, rt, e);
      const f = cmp(op);
      if (isCharacter(lt) && isCharacter(rt) && (lt.kind === 'CHAR' || rt.kind === 'CHAR')) {
        // CHAR comparison pads with spaces (SQL:2008 8.2): trailing spaces do not count.
        const trim = (s: string) => s.replace(/ +$/, '');
        return { type: T.BOOLEAN, fn: (row) => { const a = lf(row); const b = rf(row); return a === null || b === null ? null : f(trim(a as string), trim(b as string)); } };
      }
      return { type: T.BOOLEAN, fn: (row) => { const a = lf(row); const b = rf(row); return a === null || b === null ? null : f(a, b); } };
    }
    case '||': {
      if (!(isWild(lt) || isCharacter(lt)) || !(isWild(rt) || isCharacter(rt))) throw opError(op, lt, rt, e);
      const len = (t: SqlType) => (t.kind === 'CHAR' || t.kind === 'VARCHAR' ? t.length : 0);
      return { type: varchar(len(lt) + len(rt)), fn: (row) => { const a = lf(row); const b = rf(row); return a === null || b === null ? null : (a as string) + (b as string); } };
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      const num = (t: SqlType) => isWild(t) || isNumeric(t);
      let type: SqlType;
      let g: (a: number, b: number) => number;
      if (num(lt) && num(rt)) {
        type = numericResult(op, lt, rt);
        const integral = isIntegral(type);
        g =
          op === '+' ? (a, b) => a + b
          : op === '-' ? (a, b) => a - b
          : op === '*' ? (a, b) => a * b
          : op === '/' ? divide(integral)
          : (a, b) => {
              if (b === 0) throw new SqlRuntimeError(ErrorNames.DIVISION_BY_ZERO, 'Division by zero');
              return a % b;
            };
      } else if ((lt.kind === 'TIMESTAMP' || lt.kind === 'DATE') && (rt.kind === 'TIMESTAMP' || rt.kind === 'DATE') && op === '-') {
        type = T.INTERVAL_DAY_TIME;
        g = (a, b) => a - b;
      } else if ((lt.kind === 'TIMESTAMP' || lt.kind === 'DATE' || lt.kind === 'TIME') && rt.kind === 'INTERVAL_DAY_TIME' && (op === '+' || op === '-')) {
        type = lt;
        g = op === '+' ? (a, b) => a + b : (a, b) => a - b;
      } else if (lt.kind === 'INTERVAL_DAY_TIME' && (rt.kind === 'TIMESTAMP' || rt.kind === 'DATE') && op === '+') {
        type = rt;
        g = (a, b) => a + b;
      } else if ((lt.kind === 'TIMESTAMP' || lt.kind === 'DATE') && rt.kind === 'INTERVAL_YEAR_MONTH' && (op === '+' || op === '-')) {
        type = lt;
        const sign = op === '+' ? 1 : -1;
        g = (a, b) => {
          const t = toCivil(a);
          const m = t.year * 12 + (t.month - 1) + sign * b;
          const y = Math.floor(m / 12);
          const mo = m - y * 12 + 1;
          const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
          return daysFromCivil(y, mo, Math.min(t.day, dim)) * MS_PER_DAY + (a - Math.floor(a / MS_PER_DAY) * MS_PER_DAY);
        };
      } else if (isInterval(lt) && lt.kind === rt.kind && (op === '+' || op === '-')) {
        type = lt;
        g = op === '+' ? (a, b) => a + b : (a, b) => a - b;
      } else if (isInterval(lt) && num(rt) && (op === '*' || op === '/')) {
        type = lt;
        g = op === '*' ? (a, b) => a * b : divide(false);
      } else if (num(lt) && isInterval(rt) && op === '*') {
        type = rt;
        g = (a, b) => a * b;
      } else throw opError(op, lt, rt, e);
      const h = g;
      return { type, fn: (row) => { const a = lf(row); if (a === null) return null; const b = rf(row); return b === null ? null : h(a as number, b as number); } };
    }
    default:
      return assertNever(op);
  }
}

/** Names the engine evaluates itself (they read the row's time or the clock). */
const CLOCK_FUNCTIONS = NILADIC_FUNCTIONS;

export const isKnownScalar = (name: string) => CLOCK_FUNCTIONS.has(name) || scalarFunctions.has(name) || name === 'MONOTONIC';

function compileCall(e: Extract<Expr, { kind: 'Call' }>, ctx: CompileContext): Compiled {
  const name = e.name;
  if (CLOCK_FUNCTIONS.has(name)) {
    const clock = ctx.clock;
    // CURRENT_ROW_TIMESTAMP is the time the row is processed; CURRENT_TIMESTAMP the clock at that moment too
    // (KDA SQL reference, "CURRENT_ROW_TIMESTAMP": unlike standard SQL, it changes per row).
    if (name === 'CURRENT_DATE') return { type: T.DATE, fn: () => Math.floor(clock.now() / MS_PER_DAY) * MS_PER_DAY };
    if (name === 'CURRENT_TIME' || name === 'LOCALTIME') return { type: T.TIME, fn: () => clock.now() % MS_PER_DAY };
    return { type: T.TIMESTAMP, fn: () => clock.now() };
  }
  if (name === 'MONOTONIC' && e.args.length === 1) return compileExpr(e.args[0], ctx);
  const fn = scalarFunctions.get(name);
  if (!fn) {
    if (aggregateFunctions.has(name) || ANALYTIC_ONLY.has(name)) {
      if (e.over) throw analysisError(`Window function ${name} is not allowed here`, e.loc);
      throw analysisError((ctx.aggregateError ?? "Aggregate expression '%s' is illegal here").replace('%s', name), e.loc);
    }
    throw analysisError(`No match found for function signature ${name}(${e.args.map(() => '<ANY>').join(', ')})`, e.loc);
  }
  if (e.over) throw analysisError(`OVER clause is necessary for window functions; ${name} is not an aggregate function`, e.loc);
  const args = e.args.map((a) => compileExpr(a, ctx));
  if (args.length < fn.minArgs || args.length > fn.maxArgs)
    throw analysisError(`Invalid number of arguments to function '${name}'. Was expecting ${fn.minArgs === fn.maxArgs ? fn.minArgs : `${fn.minArgs} to ${fn.maxArgs}`} arguments`, e.loc);
  const types = args.map((a) => a.type);
  const rt = fn.returnType(types);
  if ('error' in rt) throw analysisError(rt.error, e.loc);
  const impl = fn.compile(types);
  const fs = args.map((a) => a.fn);
  const n = fs.length;
  if (n === 1) {
    const f0 = fs[0];
    const buf: SqlValue[] = [null];
    return { type: rt, fn: (r) => { buf[0] = f0(r); return impl(buf); } };
  }
  if (n === 2) {
    const [f0, f1] = fs;
    return { type: rt, fn: (r) => impl([f0(r), f1(r)]) };
  }
  return {
    type: rt,
    fn: (r) => {
      const vals = new Array<SqlValue>(n);
      for (let i = 0; i < n; i++) vals[i] = fs[i](r);
      return impl(vals);
    },
  };
}
