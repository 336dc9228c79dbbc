import { LineMap, type SourceLocation } from './errors';
import { lex } from './lexer';

/**
 * KDG users write templates that look like JSON but are not (`{ "a": 3, }`): the records then spoil
 * schema discovery in Activity 2. This finds that case in a rendered record, with the place.
 */
export interface JsonLookalikeProblem {
  /** The parser's complaint, without its "at position N". */
  message: string;
  /** 1-based line and column in the rendered record. */
  line: number;
  column: number;
  /** 0-based offset in the rendered record. */
  offset: number;
}

/** Line and column (1-based) of a 0-based offset in `text`. */
const placeOf = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
};

/** Whether a record looks like JSON: it opens with `{` or `[`. */
export const looksLikeJson = (record: string): boolean => /^\s*[[{]/.test(record);

/**
 * The JSON problem of a record that looks like JSON, or undefined (valid JSON, or not JSON-like at
 * all, as CSV is).
 */
export const jsonLookalikeProblem = (record: string): JsonLookalikeProblem | undefined => {
  if (!looksLikeJson(record)) return undefined;
  try {
    JSON.parse(record);
    return undefined;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    // V8's texts: "... in JSON at position 10 (line 1 column 11)", "Unexpected end of JSON input".
    const at = /\s*(?:in JSON )?at position (\d+)/.exec(text);
    const offset = at ? Number(at[1]) : record.trimEnd().length;
    const message = (at ? text.slice(0, at.index) : text).replace(/\s*\(line \d+ column \d+\)$/, '');
    return { message, offset, ...placeOf(record, offset) };
  }
};

/** An empty template sends empty records, which Kinesis refuses: it cannot be sent. */
export const EMPTY_TEMPLATE = 'The template is empty: write the record the generator sends';
export const isBlankTemplate = (source: string): boolean => source.trim() === '';

/**
 * Where in the template a character of a rendered record comes from: literal text maps to itself,
 * a helper's output to the helper's name. `values` is what each helper wrote (renderTraced); the
 * template's line breaks are dropped and its ends trimmed as the compiler does by default. An
 * offset past the record's end maps just past the last character the record took from the template.
 */
export const templatePlaceOf = (source: string, values: readonly string[], recordOffset: number): SourceLocation => {
  const lines = new LineMap(source);
  const from: number[] = [];
  const isText: boolean[] = [];
  let k = 0;
  for (const seg of lex(source, lines, [])) {
    if (seg.kind === 'text') {
      for (let i = seg.start; i < seg.end; i++) {
        if (source[i] === '\n' || (source[i] === '\r' && source[i + 1] === '\n')) continue;
        from.push(i);
        isText.push(true);
      }
    } else {
      for (let n = values[k++]?.length ?? 0; n > 0; n--) {
        from.push(seg.nameStart);
        isText.push(false);
      }
    }
  }
  let first = 0;
  while (first < from.length && isText[first] && /\s/.test(source[from[first]])) first++;
  let last = from.length;
  while (last > first && isText[last - 1] && /\s/.test(source[from[last - 1]])) last--;
  const at = first + recordOffset;
  return lines.at(at < last ? from[at] : last > first ? from[last - 1] + 1 : 0);
};
