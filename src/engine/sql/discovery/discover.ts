/**
 * Schema discovery, mirroring the DiscoverInputSchema API of Kinesis Data Analytics:
 * sample records in, an InputSchema (the API's SourceSchema shape) out.
 *
 * Conventions taken from AWS's published outputs (KDA Developer Guide, "Mapping Streaming
 * Source Elements to SQL Input Columns", "Using the Schema Discovery Feature on Static Data",
 * "Column Naming During Schema Discovery"):
 * - JSON: RecordRowPath '$', one column per field with Mapping '$.field'; nested objects give
 *   '$.a.b' columns; arrays are kept whole as text (a VARCHAR column of the array's JSON).
 * - CSV: CSVMappingParameters with the row delimiter seen in the data ('\r\n' or '\n') and the
 *   column delimiter; no Mapping; names from a header line when there is one, else COL_0, COL_1...
 * - Names keep their case; reserved words get a COL_ prefix (year -> COL_year), unsupported
 *   characters are dropped with a COL_ prefix (USER@DOMAIN -> COL_USERDOMAIN), a name with
 *   nothing left becomes COL_<position>.
 * - Types: INTEGER, BIGINT beyond 32 bits, DOUBLE for fractions, BOOLEAN, TIMESTAMP for
 *   'yyyy-MM-dd HH:mm:ss[.SSS]' text, otherwise VARCHAR(n) with n the longest value rounded up
 *   to a power of two, at least 4 ('AK' -> VARCHAR(4), 35 characters -> VARCHAR(64)).
 */
import Papa from 'papaparse';
import { AwsError } from '../../common/errors';
import type { SqlType } from '../types';
import { parseTimestampText } from '../functions/datetime';
import { isReservedWord } from '../keywords';

export interface RecordColumn {
  Name: string;
  SqlType: string;
  Mapping?: string;
}

export interface InputSchema {
  RecordFormat: {
    RecordFormatType: 'JSON' | 'CSV';
    MappingParameters?: {
      JSONMappingParameters?: { RecordRowPath: string };
      CSVMappingParameters?: { RecordRowDelimiter: string; RecordColumnDelimiter: string };
    };
  };
  RecordEncoding?: 'UTF-8';
  RecordColumns: RecordColumn[];
}

// ---------------------------------------------------------------- type inference

/** What the samples of one column have shown so far. */
class ColumnStats {
  ints = 0;
  bigints = 0;
  floats = 0;
  bools = 0;
  timestamps = 0;
  strings = 0;
  nulls = 0;
  maxLength = 0;

  addText(text: string, kind: 'int' | 'float' | 'bool' | 'timestamp' | 'string') {
    if (text.length > this.maxLength) this.maxLength = text.length;
    switch (kind) {
      case 'int': {
        const n = Number(text);
        if (n >= -2147483648 && n <= 2147483647) this.ints++;
        else this.bigints++;
        break;
      }
      case 'float':
        this.floats++;
        break;
      case 'bool':
        this.bools++;
        break;
      case 'timestamp':
        this.timestamps++;
        break;
      default:
        this.strings++;
    }
  }

  get values() {
    return this.ints + this.bigints + this.floats + this.bools + this.timestamps + this.strings;
  }

  sqlType(): string {
    const n = this.values;
    if (n > 0) {
      if (this.ints === n) return 'INTEGER';
      if (this.ints + this.bigints === n) return 'BIGINT';
      if (this.ints + this.bigints + this.floats === n) return 'DOUBLE';
      if (this.bools === n) return 'BOOLEAN';
      if (this.timestamps === n) return 'TIMESTAMP';
    }
    return `VARCHAR(${varcharLength(this.maxLength)})`;
  }
}

/** The longest value rounded up to a power of two, at least 4. */
export const varcharLength = (longest: number): number => {
  let n = 4;
  while (n < longest) n *= 2;
  return n;
};

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;
// The text forms KDA converts to datetimes: "1992-02-14 18:35:44.0" (Developer Guide, "Mapping JSON Data Types").
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?$/;

/** How CSV text (or a JSON string, for TIMESTAMP only) reads. */
const classifyText = (s: string): 'int' | 'float' | 'bool' | 'timestamp' | 'string' => {
  if (INT_RE.test(s)) return 'int';
  if (FLOAT_RE.test(s)) return 'float';
  const lower = s.toLowerCase();
  if (lower === 'true' || lower === 'false') return 'bool';
  if (TIMESTAMP_RE.test(s) && parseTimestampText(s) !== undefined) return 'timestamp';
  return 'string';
};

// ---------------------------------------------------------------- column names

const MAX_NAME = 100;

/** The discovery-suggested name for a source field at 0-based `position`. */
export const columnName = (source: string, position: number): string => {
  const cleaned = source.replace(/[^A-Za-z0-9_]/g, '');
  if (cleaned === '') return `COL_${position}`;
  if (cleaned !== source || /^[0-9]/.test(cleaned) || isReservedWord(cleaned)) return `COL_${cleaned}`.slice(0, MAX_NAME);
  if (cleaned.length > MAX_NAME) return `COL_${cleaned}`.slice(0, MAX_NAME);
  return cleaned;
};

/** Makes names unique (case-insensitively, as unquoted SQL would see them) with _2, _3 suffixes. */
const uniqueNames = (names: string[]): string[] => {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 2; seen.has(name.toUpperCase()); k++) name = `${n}_${k}`;
    seen.add(name.toUpperCase());
    return name;
  });
};

// ---------------------------------------------------------------- JSON

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const pathStep = (key: string) => (SIMPLE_KEY.test(key) ? `.${key}` : `['${key.replace(/'/g, "\\'")}']`);

interface JsonField {
  path: string;
  keys: string[];
  stats: ColumnStats;
}

const walkJson = (value: unknown, path: string, keys: string[], fields: Map<string, JsonField>) => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walkJson(v, path + pathStep(k), [...keys, k], fields);
    return;
  }
  let f = fields.get(path);
  if (!f) {
    f = { path, keys, stats: new ColumnStats() };
    fields.set(path, f);
  }
  const s = f.stats;
  if (value === null) s.nulls++;
  else if (typeof value === 'boolean') s.addText(String(value), 'bool');
  else if (typeof value === 'number') s.addText(String(value), Number.isInteger(value) ? 'int' : 'float');
  else if (typeof value === 'string') {
    // A JSON string stays a string (the workshop's "eventTimeStamp": "1511254800000" is VARCHAR(16)),
    // unless it is a timestamp in the form KDA converts.
    s.addText(value, TIMESTAMP_RE.test(value) && parseTimestampText(value) !== undefined ? 'timestamp' : 'string');
  } else s.addText(JSON.stringify(value), 'string'); // arrays are kept as their JSON text
};

const discoverJson = (objects: Record<string, unknown>[]): InputSchema => {
  const fields = new Map<string, JsonField>();
  for (const o of objects) walkJson(o, '$', [], fields);
  const list = [...fields.values()];
  // A nested field takes its own key as name; if two fields share a key, the full path joined by '_' tells them apart.
  const leafCount = new Map<string, number>();
  for (const f of list) {
    const leaf = f.keys[f.keys.length - 1];
    leafCount.set(leaf, (leafCount.get(leaf) ?? 0) + 1);
  }
  const names = uniqueNames(
    list.map((f, i) => {
      const leaf = f.keys[f.keys.length - 1];
      return columnName((leafCount.get(leaf) ?? 0) > 1 ? f.keys.join('_') : leaf, i);
    }),
  );
  return {
    RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
    RecordEncoding: 'UTF-8',
    RecordColumns: list.map((f, i) => ({ Name: names[i], SqlType: f.stats.sqlType(), Mapping: f.path })),
  };
};

// ---------------------------------------------------------------- CSV

const discoverCsv = (texts: string[]): InputSchema => {
  const rowDelimiter = texts.some((t) => t.includes('\r\n')) ? '\r\n' : '\n';
  const rows: string[][] = [];
  let columnDelimiter = ',';
  const joined = texts.map((t) => (t.endsWith(rowDelimiter) ? t.slice(0, -rowDelimiter.length) : t)).join(rowDelimiter);
  const parsed = Papa.parse<string[]>(joined, { delimiter: '', newline: rowDelimiter as '\r\n' | '\n', skipEmptyLines: true, delimitersToGuess: [',', '\t', '|', ';'] });
  columnDelimiter = parsed.meta.delimiter || ',';
  for (const r of parsed.data) rows.push(r);
  if (rows.length === 0) throw unableToDetect();

  const width = Math.max(...rows.map((r) => r.length));
  const kinds = rows.map((r) => r.map((v) => (v === '' ? null : classifyText(v))));

  // A first row is a header when every field is a non-empty name and at least one column whose
  // other rows hold numbers, booleans or timestamps has a non-matching name there (AWS's output
  // for the static-data example parses the header as nulls in its numeric columns).
  const first = rows[0];
  let hasHeader = false;
  if (rows.length > 1 && first.length === width && first.every((v) => v !== '' && classifyText(v) === 'string')) {
    const names = new Set(first);
    if (names.size === first.length) {
      for (let c = 0; c < width && !hasHeader; c++) {
        let typed = 0;
        let total = 0;
        for (let r = 1; r < rows.length; r++) {
          const k = kinds[r][c];
          if (k === null || k === undefined) continue;
          total++;
          if (k !== 'string') typed++;
        }
        if (total > 0 && typed === total) hasHeader = true;
      }
    }
  }

  const stats = Array.from({ length: width }, () => new ColumnStats());
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (v === undefined || v === '') stats[c].nulls++;
      else stats[c].addText(v, kinds[r][c]!);
    }
  }
  const names = uniqueNames(stats.map((_, c) => (hasHeader ? columnName(first[c], c) : `COL_${c}`)));
  return {
    RecordFormat: {
      RecordFormatType: 'CSV',
      MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: rowDelimiter, RecordColumnDelimiter: columnDelimiter } },
    },
    RecordEncoding: 'UTF-8',
    RecordColumns: stats.map((s, c) => ({ Name: names[c], SqlType: s.sqlType() })),
  };
};

// ---------------------------------------------------------------- entry point

const unableToDetect = () =>
  // DiscoverInputSchema's documented error for data it cannot read.
  new AwsError('UnableToDetectSchemaException', 'Data format is not valid. Amazon Kinesis Analytics is not able to detect schema for the given streaming source.');

const decoder = new TextDecoder('utf-8');

/**
 * Infers an InputSchema from sample records. JSON when every non-empty record is a JSON
 * object, CSV otherwise. Throws AwsError('UnableToDetectSchemaException') when there is nothing to read.
 */
export function discoverSchema(records: (string | Uint8Array)[]): InputSchema {
  const texts = records.map((r) => (typeof r === 'string' ? r : decoder.decode(r))).filter((t) => t.trim() !== '');
  if (texts.length === 0) throw unableToDetect();
  const objects: Record<string, unknown>[] = [];
  for (const t of texts) {
    const s = t.trim();
    if (s[0] !== '{') break;
    try {
      const v = JSON.parse(s);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) break;
      objects.push(v as Record<string, unknown>);
    } catch {
      break;
    }
  }
  if (objects.length === texts.length) {
    const schema = discoverJson(objects);
    if (schema.RecordColumns.length === 0) throw unableToDetect();
    return schema;
  }
  return discoverCsv(texts);
}

// ---------------------------------------------------------------- SqlType text

const TYPE_RE = /^\s*([A-Za-z]+(?:\s+(?:PRECISION|VARYING))?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/i;

/** Parses a RecordColumn SqlType such as "VARCHAR(16)", "DOUBLE", "DECIMAL(8,2)", "TIMESTAMP". */
export function parseSqlType(text: string): SqlType {
  const m = TYPE_RE.exec(text);
  if (!m) throw new Error(`Unknown SQL type '${text}'`);
  const name = m[1].toUpperCase().replace(/\s+/g, ' ');
  const a = m[2] === undefined ? undefined : Number(m[2]);
  const b = m[3] === undefined ? undefined : Number(m[3]);
  const noArgs = (t: SqlType): SqlType => {
    if (a !== undefined) throw new Error(`SQL type ${name} takes no length: '${text}'`);
    return t;
  };
  const length = (kind: 'CHAR' | 'VARCHAR' | 'VARBINARY', dflt?: number): SqlType => {
    const n = a ?? dflt;
    if (n === undefined || b !== undefined) throw new Error(`SQL type ${kind} needs one length: '${text}'`);
    // KDA reference, "Data Types": n must be greater than 0 and less than 65536.
    if (n < 1 || n > 65535) throw new Error(`Length ${n} of ${kind} is out of range 1..65535: '${text}'`);
    return { kind, length: n };
  };
  switch (name) {
    case 'BOOLEAN':
      return noArgs({ kind: 'BOOLEAN' });
    case 'TINYINT':
      return noArgs({ kind: 'TINYINT' });
    case 'SMALLINT':
      return noArgs({ kind: 'SMALLINT' });
    case 'INT':
    case 'INTEGER':
      return noArgs({ kind: 'INTEGER' });
    case 'BIGINT':
      return noArgs({ kind: 'BIGINT' });
    case 'REAL':
      return noArgs({ kind: 'REAL' });
    case 'FLOAT':
    case 'DOUBLE':
    case 'DOUBLE PRECISION':
      return noArgs({ kind: 'DOUBLE' });
    case 'DECIMAL':
    case 'DEC':
    case 'NUMERIC': {
      // KDA reference, "Data Types": a fixed point with up to 19 significant digits.
      const precision = a ?? 19;
      const scale = b ?? 0;
      if (precision < 1 || precision > 19 || scale > precision) throw new Error(`Invalid precision or scale in '${text}'`);
      return { kind: 'DECIMAL', precision, scale };
    }
    case 'CHAR':
    case 'CHARACTER':
      return length('CHAR', 1);
    case 'VARCHAR':
    case 'CHARACTER VARYING':
    case 'CHAR VARYING':
      return length('VARCHAR');
    case 'BINARY':
    case 'VARBINARY':
      return length('VARBINARY');
    case 'DATE':
      return noArgs({ kind: 'DATE' });
    case 'TIME':
      return noArgs({ kind: 'TIME' });
    case 'TIMESTAMP':
      return noArgs({ kind: 'TIMESTAMP' });
    default:
      throw new Error(`Unknown SQL type '${text}'`);
  }
}
