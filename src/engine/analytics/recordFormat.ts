/**
 * How an application writes one output record (and so how its Firehose destination stores it).
 * JSON: an object of the visible columns, with no delimiter after it (KDA writes JSON records back
 * to back; Firehose adds none either). CSV: the values, comma-separated, ending in a newline.
 * A small module on its own so the console can match stored records without the SQL engine.
 */

export type RecordFormat = 'JSON' | 'CSV';

export const csvField = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One record from values already in display form (numbers, text, timestamps as text, null), hidden columns skipped. */
export const formatShownRecord = (format: RecordFormat, columns: readonly { name: string; hidden?: boolean }[], values: readonly unknown[]): string => {
  if (format === 'CSV') {
    const fields: string[] = [];
    for (let i = 0; i < columns.length; i++) if (!columns[i].hidden) fields.push(csvField(values[i]));
    return `${fields.join(',')}\n`;
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) if (!columns[i].hidden) out[columns[i].name] = values[i];
  return JSON.stringify(out);
};
