/**
 * CAST and implicit coercion between the SQL types of types.ts, compiled once per
 * (target, source) pair into a closure. Allowed conversions follow the KDA SQL reference,
 * "CAST" (Valid Conversions table); a value that cannot convert throws SqlRuntimeError so
 * its row goes to error_stream.
 */
import { formatType, type SqlType, type SqlValue } from '../types';
import {
  formatDate,
  formatDayTimeInterval,
  formatTime,
  formatTimestamp,
  MS_PER_DAY,
  parseTimestampText,
  parseTimeText,
} from './datetime';
import { ErrorNames, SqlRuntimeError } from './errors';

type Caster = (v: SqlValue) => SqlValue;

const INTEGRAL_RANGE: Record<string, [number, number]> = {
  TINYINT: [-128, 127],
  SMALLINT: [-32768, 32767],
  INTEGER: [-2147483648, 2147483647],
  // BIGINT is 64-bit; JS numbers hold it exactly only up to 2^53, the bounds are approximate.
  BIGINT: [-(2 ** 63), 2 ** 63],
};

const NUMERIC_KINDS = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'REAL', 'DOUBLE', 'DECIMAL']);
const STRING_KINDS = new Set(['CHAR', 'VARCHAR']);

const quoteValue = (v: SqlValue): string => (typeof v === 'string' ? `'${v}'` : String(v));

const cannotConvert = (v: SqlValue, target: SqlType): SqlRuntimeError =>
  new SqlRuntimeError(ErrorNames.CAST, `Cannot convert ${quoteValue(v)} to ${formatType(target)}`);

const outOfRange = (v: SqlValue, target: SqlType): SqlRuntimeError =>
  new SqlRuntimeError(ErrorNames.OUT_OF_RANGE, `Value ${quoteValue(v)} is out of range for ${formatType(target)}`);

/** Rounds half away from zero, as SQL rounds exact numerics. */
export const roundHalfUp = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x));

/** Rounds to `scale` decimal places, half away from zero, avoiding the 1.005 binary pitfall. */
export const roundToScale = (x: number, scale: number): number => {
  if (scale <= 0) return roundHalfUp(x);
  const f = 10 ** scale;
  const scaled = x * f;
  // Nudge by a relative epsilon so values like 1.005 (stored as 1.00499999...) round up.
  const r = roundHalfUp(scaled + (scaled >= 0 ? 1 : -1) * Math.abs(scaled) * 1e-15);
  return r / f;
};

/** Which conversions CAST allows (KDA SQL reference, "CAST", Valid Conversions). */
export const canCast = (target: SqlType, source: SqlType): boolean => {
  const s = source.kind;
  const t = target.kind;
  if (s === 'NULL' || s === 'ANY' || t === 'ANY') return true;
  if (s === t) return true;
  if (NUMERIC_KINDS.has(s)) return NUMERIC_KINDS.has(t) || STRING_KINDS.has(t);
  if (STRING_KINDS.has(s)) return t !== 'VARBINARY' && t !== 'INTERVAL_YEAR_MONTH' && t !== 'NULL';
  switch (s) {
    case 'DATE':
      return STRING_KINDS.has(t) || t === 'TIMESTAMP';
    case 'TIME':
      return STRING_KINDS.has(t) || t === 'TIMESTAMP';
    case 'TIMESTAMP':
      return STRING_KINDS.has(t) || t === 'TIME' || t === 'DATE';
    case 'INTERVAL_DAY_TIME':
      return STRING_KINDS.has(t) || t === 'BIGINT' || t === 'DECIMAL';
    case 'INTERVAL_YEAR_MONTH':
      return STRING_KINDS.has(t) || t === 'BIGINT' || t === 'DECIMAL' || t === 'INTEGER';
    case 'BOOLEAN':
      return STRING_KINDS.has(t);
    case 'VARBINARY':
      return t === 'VARBINARY';
    default:
      return false;
  }
};

const NUMBER_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Text to number per SQL numeric literal rules; throws on anything else. */
const parseNumber = (s: string, target: SqlType): number => {
  if (!NUMBER_RE.test(s)) throw cannotConvert(s, target);
  return Number(s);
};

/** A number in the type's range, rounded as the type requires. */
const numericFinisher = (target: SqlType): ((x: number, original: SqlValue) => number) => {
  switch (target.kind) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT': {
      const [lo, hi] = INTEGRAL_RANGE[target.kind];
      return (x, original) => {
        const r = roundHalfUp(x);
        if (!(r >= lo && (target.kind === 'BIGINT' ? r < hi : r <= hi))) throw outOfRange(original, target);
        return r === 0 ? 0 : r;
      };
    }
    case 'REAL':
      return (x, original) => {
        const r = Math.fround(x);
        if (!Number.isFinite(r) && Number.isFinite(x)) throw outOfRange(original, target);
        return r;
      };
    case 'DOUBLE':
      return (x) => x;
    case 'DECIMAL': {
      const { precision, scale } = target;
      const limit = 10 ** (precision - scale);
      return (x, original) => {
        const r = roundToScale(x, scale);
        if (!(Math.abs(r) < limit)) throw outOfRange(original, target);
        return r === 0 ? 0 : r;
      };
    }
    default:
      throw new Error(`not a numeric type: ${target.kind}`);
  }
};

/** The shortest decimal that reads back to the same 32-bit float (0.1, not 0.10000000149011612), as Java prints a float. */
export const shortestReal = (x: number): number => {
  if (!Number.isFinite(x)) return x;
  for (let p = 1; p <= 9; p++) {
    const n = Number(x.toPrecision(p));
    if (Math.fround(n) === x) return n;
  }
  return x;
};

/** How a number prints as text: integers without a point, DECIMAL with its scale. */
const numberToText = (source: SqlType): ((x: number) => string) => {
  switch (source.kind) {
    case 'DECIMAL': {
      const scale = source.scale;
      return (x) => x.toFixed(scale);
    }
    case 'REAL':
      return (x) => String(shortestReal(x));
    default:
      return (x) => String(x);
  }
};

const hex = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16).toUpperCase();
  return s;
};

/** The text form of any value, as CAST(x AS VARCHAR) produces it. */
const toText = (source: SqlType): ((v: Exclude<SqlValue, null>) => string) => {
  const k = source.kind;
  if (NUMERIC_KINDS.has(k)) {
    const f = numberToText(source);
    return (v) => f(v as number);
  }
  switch (k) {
    case 'TIMESTAMP':
      return (v) => formatTimestamp(v as number);
    case 'DATE':
      return (v) => formatDate(v as number);
    case 'TIME':
      return (v) => formatTime(v as number);
    case 'BOOLEAN':
      return (v) => (v ? 'TRUE' : 'FALSE');
    case 'INTERVAL_DAY_TIME':
      return (v) => formatDayTimeInterval(v as number);
    case 'VARBINARY':
      return (v) => hex(v as Uint8Array);
    default:
      return (v) => (v instanceof Uint8Array ? hex(v) : String(v));
  }
};

const toTextOfLength = (target: SqlType & { kind: 'CHAR' | 'VARCHAR' }, source: SqlType): Caster => {
  const n = target.length;
  const isChar = target.kind === 'CHAR';
  const fromString = STRING_KINDS.has(source.kind) || source.kind === 'NULL' || source.kind === 'ANY';
  const text = fromString ? null : toText(source);
  // Character strings are truncated to fit (KDA reference, "Data Types": VARCHAR(n) truncates);
  // datetime values that do not fit fail instead (KDA reference, "CAST": DATE to VARCHAR(9) selects no rows).
  const truncateOk = fromString;
  return (v) => {
    if (v === null) return null;
    let s = text ? text(v) : typeof v === 'string' ? v : String(v);
    if (s.length > n) {
      if (!truncateOk) throw new SqlRuntimeError(ErrorNames.CAST, `Cannot convert ${quoteValue(s)} to ${formatType(target)}: value too long`);
      s = s.slice(0, n);
    }
    if (isChar && s.length < n) s = s.padEnd(n, ' ');
    return s;
  };
};

const BOOLEAN_TEXT: Record<string, boolean> = { TRUE: true, FALSE: false };

/**
 * Compiles the conversion from `source` to `target`. Throws a plain Error at plan time
 * for a conversion CAST does not allow (check canCast first to report it nicely);
 * the returned closure throws SqlRuntimeError for a value that cannot convert.
 */
export function castTo(target: SqlType, source: SqlType): (v: SqlValue) => SqlValue {
  const t = target.kind;
  const s = source.kind;
  if (!canCast(target, source)) {
    throw new Error(`Cannot cast ${formatType(source)} to ${formatType(target)}`);
  }
  if (t === 'ANY' || t === 'NULL') return (v) => v;

  if (t === 'CHAR' || t === 'VARCHAR') return toTextOfLength(target as SqlType & { kind: 'CHAR' | 'VARCHAR' }, source);

  if (NUMERIC_KINDS.has(t)) {
    const finish = numericFinisher(target);
    if (s === t && t !== 'DECIMAL') return (v) => v;
    if (s === 'DOUBLE' && t === 'DOUBLE') return (v) => v;
    if (NUMERIC_KINDS.has(s) || s === 'INTERVAL_DAY_TIME' || s === 'INTERVAL_YEAR_MONTH') {
      // Integral widening needs no check at all.
      if (isWidening(s, t)) return (v) => v;
      return (v) => (v === null ? null : finish(v as number, v));
    }
    if (STRING_KINDS.has(s)) return (v) => (v === null ? null : finish(parseNumber(v as string, target), v));
    return generic(target, finish);
  }

  switch (t) {
    case 'BOOLEAN':
      if (s === 'BOOLEAN') return (v) => v;
      return (v) => {
        if (v === null) return null;
        if (typeof v === 'boolean') return v;
        const b = BOOLEAN_TEXT[String(v).trim().toUpperCase()];
        if (b === undefined) throw cannotConvert(v, target);
        return b;
      };
    case 'TIMESTAMP':
      if (s === 'TIMESTAMP' || s === 'DATE') return (v) => v;
      // SQL puts a TIME on the current date; with no clock here it lands on 1970-01-01 (the value is unchanged).
      if (s === 'TIME') return (v) => v;
      return (v) => {
        if (v === null) return null;
        if (typeof v === 'number') return v;
        const ms = parseTimestampText(v as string);
        if (ms === undefined) throw cannotConvert(v, target);
        return ms;
      };
    case 'DATE':
      if (s === 'DATE') return (v) => v;
      if (s === 'TIMESTAMP') return (v) => (v === null ? null : Math.floor((v as number) / MS_PER_DAY) * MS_PER_DAY);
      return (v) => {
        if (v === null) return null;
        const ms = parseTimestampText(v as string);
        if (ms === undefined || ms % MS_PER_DAY !== 0) throw cannotConvert(v, target);
        return ms;
      };
    case 'TIME':
      if (s === 'TIME') return (v) => v;
      if (s === 'TIMESTAMP') return (v) => (v === null ? null : (((v as number) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
      return (v) => {
        if (v === null) return null;
        const ms = parseTimeText(v as string);
        if (ms === undefined) throw cannotConvert(v, target);
        return ms;
      };
    case 'INTERVAL_DAY_TIME':
    case 'INTERVAL_YEAR_MONTH':
      if (s === t) return (v) => v;
      if (NUMERIC_KINDS.has(s)) return (v) => (v === null ? null : roundHalfUp(v as number));
      return (v) => {
        if (v === null) return null;
        const x = Number(v);
        if (!Number.isFinite(x)) throw cannotConvert(v, target);
        return x;
      };
    case 'VARBINARY': {
      const n = target.length;
      return (v) => (v === null ? null : (v as Uint8Array).length > n ? (v as Uint8Array).subarray(0, n) : v);
    }
    default:
      throw new Error(`Cannot cast ${formatType(source)} to ${formatType(target)}`);
  }
}

const INTEGRAL_ORDER: Record<string, number> = { TINYINT: 1, SMALLINT: 2, INTEGER: 3, BIGINT: 4 };

const isWidening = (s: string, t: string): boolean => {
  if (INTEGRAL_ORDER[s] && INTEGRAL_ORDER[t]) return INTEGRAL_ORDER[s] <= INTEGRAL_ORDER[t];
  if (INTEGRAL_ORDER[s] && t === 'DOUBLE') return true;
  if (s === 'REAL' && t === 'DOUBLE') return true;
  if ((s === 'DECIMAL' || s === 'REAL') && t === 'DOUBLE') return true;
  return false;
};

const generic =
  (target: SqlType, finish: (x: number, original: SqlValue) => number): Caster =>
  (v) => {
    if (v === null) return null;
    if (typeof v === 'number') return finish(v, v);
    if (typeof v === 'string') return finish(parseNumber(v, target), v);
    throw cannotConvert(v, target);
  };

/**
 * A value as text for display and for the command line's output:
 * timestamps 'YYYY-MM-DD HH:MM:SS.sss', dates 'YYYY-MM-DD', booleans TRUE/FALSE, NULL as 'NULL'.
 */
export function formatValue(type: SqlType, v: SqlValue): string {
  if (v === null) return 'NULL';
  switch (type.kind) {
    case 'CHAR':
    case 'VARCHAR':
      return String(v);
    case 'ANY':
    case 'NULL':
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      if (v instanceof Uint8Array) return hex(v);
      return String(v);
    default:
      return toText(type)(v);
  }
}
