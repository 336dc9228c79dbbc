import { csvField, formatShownRecord, type RecordFormat } from '../../engine/analytics/recordFormat';
import type { RecordOrigin, StreamTail, TailRow } from '../../engine/analytics/runtime';
import { splitConcatenatedJson } from './objectPreview';

/*
 * Following a record through the pipeline: put -> shard -> in-application streams -> Firehose -> S3.
 * Rows carry the Kinesis record they were made from (see src/engine/sql/provenance.ts); an S3
 * object holds rows as the application wrote them, so a line is matched to its row by content.
 * Pure functions over what the hooks read.
 */

export type { RecordFormat };

/** Objects of a delivery stream searched for a row, newest first: the search stays bounded. */
export const NEWEST_OBJECTS = 20;

/** The same Kinesis record: one shard, one sequence number. */
export const sameRecord = (a: Pick<RecordOrigin, 'shardId' | 'sequenceNumber'>, b: Pick<RecordOrigin, 'shardId' | 'sequenceNumber'>): boolean =>
  a.shardId === b.shardId && a.sequenceNumber === b.sequenceNumber;

/** A row as its application writes it to a destination, without the CSV line break (lines are compared without it). */
export const lineOfRow = (format: RecordFormat, stream: Pick<StreamTail, 'columns'>, row: Pick<TailRow, 'values'>): string =>
  formatShownRecord(format, stream.columns, row.values).replace(/\n$/, '');

/** The records of an object's text: CSV lines (records end in a line break) or JSON values back to back. */
export const linesOf = (format: RecordFormat, text: string): string[] => {
  if (format === 'JSON') return splitConcatenatedJson(text)?.values ?? [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
};

/** The 1-based numbers of the lines equal to `line`. */
export const findLine = (lines: readonly string[], line: string): number[] => {
  const at: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i] === line) at.push(i + 1);
  return at;
};

/** The rows of a stream a stored line was written from (several when rows are equal). */
export const rowsForLine = (format: RecordFormat, stream: StreamTail, line: string): TailRow[] =>
  stream.rows.filter((r) => lineOfRow(format, stream, r) === line);

/** Rows of every stream made from one record, upstream first, as [stream, rows]. */
export const rowsOfRecord = (streams: readonly StreamTail[], record: Pick<RecordOrigin, 'shardId' | 'sequenceNumber'>): { stream: string; rows: TailRow[] }[] =>
  streams
    .map((s) => ({ stream: s.name, rows: s.rows.filter((r) => r.origin?.kind === 'record' && sameRecord(r.origin, record)) }))
    .filter((s) => s.rows.length > 0);

/** The in-application streams a stream's rows came through, source first (following the pumps that write each). */
export const streamPath = (streams: readonly Pick<StreamTail, 'name' | 'from'>[], name: string): string[] => {
  const byName = new Map(streams.map((s) => [s.name, s]));
  const path: string[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = name; at !== undefined && !seen.has(at); at = byName.get(at)?.from[0]) {
    seen.add(at);
    path.unshift(at);
  }
  return path;
};

/** A Firehose object's key names its delivery stream: `.../<name>-<version>-YYYY-MM-dd-HH-mm-ss-<random>`. */
export const deliveryStreamOfKey = (key: string, names: readonly string[]): string | undefined => {
  const base = key.split('/').pop() ?? '';
  // The longest name that fits, so `a-b` wins over `a` for `a-b-1-2026-...`.
  return [...names].sort((a, b) => b.length - a.length).find((n) => new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+-\\d{4}-\\d{2}-\\d{2}-`).test(base));
};

/** A CSV line again from its parsed fields, quoted as the application quotes them. */
export const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(',');

/** The fields of a stored line: CSV split as csvField quotes them, or a JSON object's values in order. */
export const lineFields = (format: RecordFormat, line: string): string[] => {
  if (format === 'JSON') {
    try {
      const v: unknown = JSON.parse(line);
      return v !== null && typeof v === 'object' ? Object.values(v).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : [];
    } catch {
      return [];
    }
  }
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
};

/** Times written in a line's fields (SQL TIMESTAMPs, UTC), as epoch milliseconds. */
export const timesInFields = (fields: readonly string[]): number[] =>
  fields.flatMap((f) => {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)Z?$/.exec(f.trim());
    const t = m ? Date.parse(`${m[1]}T${m[2]}Z`) : NaN;
    return Number.isFinite(t) ? [t] : [];
  });

/** The scalar values of a record's JSON data, or undefined when the data is not a JSON object. */
const leavesOf = (data: string): unknown[] | undefined => {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object') return undefined;
  const out: unknown[] = [];
  const walk = (x: unknown) => (x !== null && typeof x === 'object' ? Object.values(x).forEach(walk) : out.push(x));
  walk(v);
  return out;
};

const sameValue = (leaf: unknown, field: string): boolean =>
  typeof leaf === 'number' ? field.trim() !== '' && Number(field) === leaf : String(leaf) === field;

/**
 * How well a Kinesis record accounts for a stored line when the row between them is no longer kept:
 * the number of the record's JSON values found among the line's fields, plus 2 when the line holds the
 * record's arrival time (APPROXIMATE_ARRIVAL_TIME selected into the row). 0 unless more than half of
 * the record's values are in the line: otherwise the line was not made from it.
 */
export const lineMatchScore = (record: Pick<RecordOrigin, 'data' | 'arrival'>, fields: readonly string[], times: readonly number[]): number => {
  const leaves = leavesOf(record.data);
  if (!leaves || leaves.length === 0) return 0;
  const found = leaves.filter((l) => fields.some((f) => sameValue(l, f))).length;
  if (found < 2 || found * 2 <= leaves.length) return 0;
  return found + (times.includes(record.arrival) ? 2 : 0);
};
