import { Gunzip } from 'fflate';
import Papa from 'papaparse';
import { formatBytes } from '../../worker/storageUnits';

/*
 * What the object view shows of an object's bytes: CSV as a table, JSON pretty-printed, JSON records
 * written back to back (as Firehose writes them, with no delimiter) one per row, GZIP unpacked
 * first, anything else as text or, when it is not text, a hex dump. Pure functions over bytes.
 */

/** The console reads at most this much of an object to preview it (a Range request). */
export const PREVIEW_BYTES = 1024 * 1024;
/** A binary object shows this much as a hex dump. */
export const HEX_BYTES = 4096;

export type PreviewBody =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'csv'; text: string; rows: string[][]; columns: number }
  | { kind: 'json'; text: string; pretty: string }
  | { kind: 'json-records'; text: string; records: JsonRecord[]; columns: string[] }
  | { kind: 'binary'; hex: string };

export interface JsonRecord {
  /** The record's text as it was in the object. */
  source: string;
  value: unknown;
}

export interface Preview {
  body: PreviewBody;
  /** The bytes were GZIP and are shown unpacked. */
  gzip: boolean;
  /** Only part of the object (or of its unpacked contents) is shown. */
  truncated: boolean;
  /** Why the preview is partial, in words, when it is. */
  notice?: string;
}

export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Unpacks GZIP bytes, which may be only the start of the object (`complete` false): what the part
 * given unpacks to is returned. Several members back to back (concatenated .gz files) all unpack.
 */
export const gunzipPart = (bytes: Uint8Array, complete: boolean): { data: Uint8Array; error?: string } => {
  const chunks: Uint8Array[] = [];
  let error: string | undefined;
  try {
    const g = new Gunzip((chunk) => chunks.push(chunk));
    g.push(bytes, complete);
  } catch (e) {
    error = (e as Error).message;
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return { data, error };
};

/** The bytes as UTF-8 text, or undefined when they are not text (invalid UTF-8, NUL or other control bytes). */
export const asText = (bytes: Uint8Array): string | undefined => {
  let text: string;
  try {
    // `stream` keeps a character cut at the end of a partial read from counting as invalid.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text) ? undefined : text;
};

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/**
 * Splits JSON values written back to back (`{"a":1}{"a":2}`, or with whitespace or newlines between
 * them) into each value's text. `rest` is a last value cut off before its end (a partial read).
 * Returns undefined when the text is not a run of JSON values.
 */
export const splitConcatenatedJson = (text: string): { values: string[]; rest: string } | undefined => {
  const values: string[] = [];
  let i = 0;
  const n = text.length;
  while (true) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n) return { values, rest: '' };
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      let depth = 0;
      let inString = false;
      for (; i < n; i++) {
        const ch = text[i];
        if (inString) {
          if (ch === '\\') i++;
          else if (ch === '"') inString = false;
        } else if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          depth--;
          if (depth === 0) break;
        }
      }
      if (i >= n) return { values, rest: text.slice(start) };
      i++;
    } else if (c === '"') {
      for (i++; i < n && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (i >= n) return { values, rest: text.slice(start) };
      i++;
    } else if (/[-0-9tfn]/.test(c)) {
      while (i < n && !isSpace(text[i]) && !'{["'.includes(text[i])) i++;
    } else return undefined;
    values.push(text.slice(start, i));
  }
};

/** Parses each value; undefined if any is not JSON. */
const parseAll = (values: string[]): JsonRecord[] | undefined => {
  const out: JsonRecord[] = [];
  for (const source of values) {
    try {
      out.push({ source, value: JSON.parse(source) });
    } catch {
      return undefined;
    }
  }
  return out;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Columns for records that are all objects: their fields in first-seen order (at most `max`); [] otherwise. */
export const recordColumns = (records: readonly JsonRecord[], max = 20): string[] => {
  if (records.length === 0 || !records.every((r) => isPlainObject(r.value))) return [];
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.value as object)) if (seen.size < max) seen.add(k);
  return [...seen];
};

/** One cell of a record table: strings as they are, anything else as JSON. */
export const cellText = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** The text up to its last line break: a partial read ends inside a row. */
const wholeLines = (text: string) => {
  const end = text.lastIndexOf('\n');
  return end < 0 ? text : text.slice(0, end + 1);
};

const parseCsv = (text: string): string[][] => Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;

/**
 * Rows of CSV when the text reads as CSV: when the name or type says so, or when every row has the
 * same number of comma-separated fields, at least two (what a Firehose object of CSV records looks
 * like: no header, no extension).
 */
const csvRows = (text: string, declared: boolean): string[][] | undefined => {
  if (!declared && !text.includes(',')) return undefined;
  const rows = parseCsv(text);
  if (rows.length === 0) return undefined;
  if (declared) return rows;
  const width = rows[0].length;
  return width >= 2 && rows.every((r) => r.length === width) ? rows : undefined;
};

/** How a text reads: JSON, JSON records back to back, CSV, or plain text. */
export const textBody = (text: string, name: string, contentType: string | undefined, partial: boolean): PreviewBody => {
  if (text.length === 0) return { kind: 'empty' };
  const ext = extension(name);
  const type = (contentType ?? '').toLowerCase();
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || ext === 'json' || type.includes('json')) {
    if (!partial) {
      try {
        return { kind: 'json', text, pretty: JSON.stringify(JSON.parse(text), null, 2) };
      } catch {
        // not one JSON value: perhaps several back to back
      }
    }
    const split = splitConcatenatedJson(text);
    const records = split && parseAll(split.values);
    if (records && records.length > 0 && (partial || split!.rest === '')) return { kind: 'json-records', text, records, columns: recordColumns(records) };
  }
  const declaredCsv = ext === 'csv' || type.includes('csv');
  const rows = csvRows(partial ? wholeLines(text) : text, declaredCsv);
  if (rows) return { kind: 'csv', text, rows, columns: Math.max(...rows.map((r) => r.length)) };
  return { kind: 'text', text };
};

/** `00000000  1f 8b 08 00 00 00 00 00  00 03 ab 56 ca 4c 51 b2  |...........VJLQ.|` per 16 bytes. */
export const hexDump = (bytes: Uint8Array, max = HEX_BYTES): string => {
  const lines: string[] = [];
  const end = Math.min(bytes.length, max);
  for (let off = 0; off < end; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, end));
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0'));
    const left = hex.slice(0, 8).join(' ');
    const right = hex.slice(8).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`);
  }
  return lines.join('\n');
};

export interface PreviewInput {
  key: string;
  contentType?: string;
  /** The bytes read: the whole object, or its first PREVIEW_BYTES. */
  bytes: Uint8Array;
  /** The object's size. */
  size: number;
}

/** What the object view shows for an object (or the first part of it). */
export const buildPreview = ({ key, contentType, bytes, size }: PreviewInput): Preview => {
  let partial = bytes.length < size;
  const notices: string[] = [];
  if (partial) notices.push(`Showing the first ${formatBytes(bytes.length)} of ${formatBytes(size)}. Download the object to see all of it.`);
  let data = bytes;
  let name = key;
  const gzip = isGzip(bytes);
  if (gzip) {
    const out = gunzipPart(bytes, !partial);
    if (out.error && out.data.length === 0) {
      return { body: { kind: 'binary', hex: hexDump(bytes) }, gzip: false, truncated: bytes.length > HEX_BYTES, notice: `GZIP data that does not unpack: ${out.error}` };
    }
    if (out.error) notices.push(`The GZIP data is damaged after ${formatBytes(out.data.length)} of contents: ${out.error}`);
    data = out.data;
    name = key.replace(/\.gz$/i, '');
    if (data.length > PREVIEW_BYTES) {
      data = data.subarray(0, PREVIEW_BYTES);
      partial = true;
      notices.push(`Showing the first ${formatBytes(PREVIEW_BYTES)} of the unpacked contents.`);
    }
    partial ||= out.error !== undefined;
  }
  const text = asText(data);
  if (text === undefined) {
    const cut = data.length > HEX_BYTES;
    if (cut) notices.push(`Binary data: the first ${formatBytes(HEX_BYTES)} as hexadecimal.`);
    return { body: { kind: 'binary', hex: hexDump(data) }, gzip, truncated: partial || cut, notice: notices.join(' ') || undefined };
  }
  return { body: textBody(text, name, gzip ? undefined : contentType, partial), gzip, truncated: partial, notice: notices.join(' ') || undefined };
};
