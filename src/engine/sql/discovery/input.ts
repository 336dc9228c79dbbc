/**
 * Turns one input record into a row of the source stream, per an InputSchema.
 * Compiled once per schema into closures: a JSONPath accessor and a converter per column.
 *
 * JSON values convert to SQL as KDA documents (Developer Guide, "Mapping JSON Data Types to
 * SQL Data Types"): null -> NULL for every type; true/false -> 1/0 for numbers; a number that
 * does not fit its type (123.4 to INT) is a coercion error; 0 -> FALSE and other numbers -> TRUE;
 * a string -> BOOLEAN is TRUE only for "true" (any case); strings longer than a CHAR/VARCHAR are
 * truncated without error; objects and arrays become their JSON text in character columns.
 * A record that cannot be read or a value that cannot convert gives { error }.
 */
import { canCast, castTo } from '../functions/cast';
import { SqlRuntimeError } from '../functions/errors';
import { formatType, type SqlType, type SqlValue } from '../types';
import { parseSqlType, type InputSchema } from './discover';

type Converter = (v: unknown) => SqlValue;

const INT_RANGE: Partial<Record<SqlType['kind'], [number, number]>> = {
  TINYINT: [-128, 127],
  SMALLINT: [-32768, 32767],
  INTEGER: [-2147483648, 2147483647],
  BIGINT: [-(2 ** 63), 2 ** 63 - 1],
};

class CoercionError extends Error {}

const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : typeof v === 'object' ? JSON.stringify(v) : String(v));
const fail = (v: unknown, t: SqlType): never => {
  throw new CoercionError(`Cannot convert ${show(v)} to ${formatType(t)}`);
};

const HEX_LITERAL = /^[xX]'((?:[0-9a-fA-F]{2})*)'$/;

/** A converter from a JSON value (or CSV text, which arrives as a string) to the column's run-time value. */
const converterFor = (t: SqlType): Converter => {
  const source: SqlType = { kind: 'VARCHAR', length: 65535 };
  const fromText = canCast(t, source) ? castTo(t, source) : (s: string) => fail(s, t);
  const text = (s: string): SqlValue => {
    try {
      return fromText(s);
    } catch (e) {
      if (e instanceof SqlRuntimeError) throw new CoercionError(e.message);
      throw e;
    }
  };
  switch (t.kind) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT': {
      const [lo, hi] = INT_RANGE[t.kind]!;
      const check = (n: number, original: unknown) => (Number.isInteger(n) && n >= lo && n <= hi ? n : fail(original, t));
      return (v) => {
        if (typeof v === 'number') return check(v, v);
        if (typeof v === 'string') {
          const s = v.trim();
          return /^[+-]?\d+$/.test(s) ? check(Number(s), v) : fail(v, t);
        }
        if (typeof v === 'boolean') return v ? 1 : 0;
        return v === null || v === undefined ? null : fail(v, t);
      };
    }
    case 'REAL':
    case 'DOUBLE':
    case 'DECIMAL': {
      const fromNumber = castTo(t, { kind: 'DOUBLE' });
      return (v) => {
        if (typeof v === 'number') {
          try {
            return fromNumber(v);
          } catch {
            return fail(v, t);
          }
        }
        if (typeof v === 'string') return text(v);
        if (typeof v === 'boolean') return v ? 1 : 0;
        return v === null || v === undefined ? null : fail(v, t);
      };
    }
    case 'BOOLEAN':
      return (v) => {
        if (typeof v === 'boolean') return v;
        if (typeof v === 'number') return v !== 0;
        if (typeof v === 'string') return v.trim().toLowerCase() === 'true';
        return v === null || v === undefined ? null : fail(v, t);
      };
    case 'CHAR':
    case 'VARCHAR': {
      const n = t.length;
      const pad = t.kind === 'CHAR';
      const fit = (s: string) => (s.length > n ? s.slice(0, n) : pad && s.length < n ? s.padEnd(n, ' ') : s);
      return (v) => {
        if (typeof v === 'string') return fit(v);
        if (v === null || v === undefined) return null;
        if (typeof v === 'object') return fit(JSON.stringify(v));
        return fit(String(v));
      };
    }
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return (v) => {
        if (typeof v === 'string') return text(v);
        return v === null || v === undefined ? null : fail(v, t);
      };
    case 'VARBINARY':
      return (v) => {
        if (typeof v === 'boolean') return new Uint8Array([v ? 1 : 0]);
        if (typeof v === 'string') {
          const m = HEX_LITERAL.exec(v.trim());
          if (!m) return fail(v, t);
          const bytes = new Uint8Array(Math.min(m[1].length / 2, t.length));
          for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(m[1].slice(i * 2, i * 2 + 2), 16);
          return bytes;
        }
        return v === null || v === undefined ? null : fail(v, t);
      };
    default:
      return (v) => (v === null || v === undefined ? null : fail(v, t));
  }
};

// ---------------------------------------------------------------- JSONPath

type Segment = string | number;

/** Parses '$', '$.a.b', "$['a b']", '$.a[0]' into steps; throws on anything else. */
export const parseJsonPath = (path: string): Segment[] => {
  if (!path.startsWith('$')) throw new Error(`Unsupported JSONPath '${path}': it must start with '$'`);
  const segs: Segment[] = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === '.') {
      const m = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (!m) throw new Error(`Unsupported JSONPath '${path}'`);
      segs.push(m[0]);
      i += 1 + m[0].length;
    } else if (path[i] === '[') {
      const rest = path.slice(i);
      const idx = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\[\s*'((?:[^'\\]|\\.)*)'\s*\]/.exec(rest) ?? /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest);
      if (idx) {
        segs.push(Number(idx[1]));
        i += idx[0].length;
      } else if (quoted) {
        segs.push(quoted[1].replace(/\\(.)/g, '$1'));
        i += quoted[0].length;
      } else throw new Error(`Unsupported JSONPath '${path}'`);
    } else throw new Error(`Unsupported JSONPath '${path}'`);
  }
  return segs;
};

const accessorFor = (segs: Segment[]): ((o: any) => unknown) => {
  if (segs.length === 0) return (o) => o;
  if (segs.length === 1) {
    const k = segs[0];
    return (o) => o[k];
  }
  if (segs.length === 2) {
    const [a, b] = segs;
    return (o) => {
      const x = o[a];
      return x !== null && typeof x === 'object' ? x[b] : undefined;
    };
  }
  return (o) => {
    let x = o;
    for (let i = 0; i < segs.length; i++) {
      if (x === null || typeof x !== 'object') return undefined;
      x = x[segs[i]];
    }
    return x;
  };
};

// ---------------------------------------------------------------- CSV

const splitQuoted = (line: string, delimiter: string): string[] => {
  const out: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const c = line[i];
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (line.startsWith(delimiter, i)) {
      out.push(field);
      field = '';
      i += delimiter.length;
    } else {
      field += c;
      i++;
    }
  }
  out.push(field);
  return out;
};

// ---------------------------------------------------------------- entry point

/**
 * Compiles the schema into a record parser: one record (its text) -> a row in RecordColumns
 * order, or { error } with the reason, which the caller writes to error_stream.
 */
export function compileInputParser(schema: InputSchema): (data: string) => SqlValue[] | { error: string } {
  const columns = schema.RecordColumns;
  const types = columns.map((c) => parseSqlType(c.SqlType));
  const convert = types.map(converterFor);
  const n = columns.length;
  const names = columns.map((c) => c.Name);

  const wrap = (i: number, v: unknown): SqlValue => {
    try {
      return convert[i](v);
    } catch (e) {
      if (e instanceof CoercionError) throw new CoercionError(`${e.message} in column "${names[i]}"`);
      throw e;
    }
  };

  if (schema.RecordFormat.RecordFormatType === 'JSON') {
    const rowPath = schema.RecordFormat.MappingParameters?.JSONMappingParameters?.RecordRowPath ?? '$';
    const row = accessorFor(parseJsonPath(rowPath));
    const get = columns.map((c) => accessorFor(parseJsonPath(c.Mapping ?? `$.${c.Name}`)));
    return (data) => {
      let doc: unknown;
      try {
        doc = JSON.parse(data);
      } catch (e) {
        return { error: `Unable to parse the record as JSON: ${(e as Error).message}` };
      }
      const o = row(doc);
      if (o === null || typeof o !== 'object') return { error: `The record has no JSON object at RecordRowPath '${rowPath}'` };
      const out: SqlValue[] = new Array(n);
      try {
        for (let i = 0; i < n; i++) {
          const v = get[i](o);
          out[i] = v === undefined || v === null ? null : convert[i](v);
        }
      } catch (e) {
        if (!(e instanceof CoercionError)) throw e;
        // Find which column failed for the message (the fast loop above does not track it).
        for (let i = 0; i < n; i++) {
          try {
            const v = get[i](o);
            if (v !== undefined && v !== null) wrap(i, v);
          } catch (e2) {
            if (e2 instanceof CoercionError) return { error: e2.message };
            throw e2;
          }
        }
        return { error: e.message };
      }
      return out;
    };
  }

  const csv = schema.RecordFormat.MappingParameters?.CSVMappingParameters;
  const rowDelimiter = csv?.RecordRowDelimiter ?? '\n';
  const delimiter = csv?.RecordColumnDelimiter ?? ',';
  const isCharacter = types.map((t) => t.kind === 'CHAR' || t.kind === 'VARCHAR');
  return (data) => {
    let line = data;
    if (line.endsWith(rowDelimiter)) line = line.slice(0, -rowDelimiter.length);
    else if (line.endsWith('\n')) line = line.slice(0, line.endsWith('\r\n') ? -2 : -1);
    const fields = line.includes('"') ? splitQuoted(line, delimiter) : line.split(delimiter);
    const out: SqlValue[] = new Array(n);
    try {
      for (let i = 0; i < n; i++) {
        const f = fields[i];
        // A missing field, or an empty one in a non-character column, is NULL.
        out[i] = f === undefined || (f === '' && !isCharacter[i]) ? null : wrap(i, f);
      }
    } catch (e) {
      if (e instanceof CoercionError) return { error: e.message };
      throw e;
    }
    return out;
  };
}
