import type { ArgNode, CallNode, TemplateAst } from './ast';
import { LineMap, TemplateError } from './errors';
import { lex, scanBalanced, scanName } from './lexer';

export interface ParseOptions {
  /**
   * Remove line breaks from the literal text and trim the template's ends, as KDG does before
   * rendering (so a pretty-printed JSON template gives one record per line). Default true.
   */
  collapseNewlines?: boolean;
  /** Module names that may appear as nested calls inside arguments (`var.set("id", random.uuid)`). */
  isModule?: (name: string) => boolean;
}

/** Splits `text` at commas outside strings and brackets; returns each piece with its offset. */
const splitTopLevel = (text: string): { piece: string; offset: number }[] | undefined => {
  const out: { piece: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return undefined;
      i = j;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push({ piece: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  out.push({ piece: text.slice(start), offset: start });
  return out;
};

const tryJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/** `'it''s'` style single-quoted strings are accepted as a convenience; `\'` escapes a quote. */
const singleQuoted = (text: string): string | undefined => {
  if (text.length < 2 || text[0] !== "'" || text[text.length - 1] !== "'") return undefined;
  const body = text.slice(1, -1);
  if (/(^|[^\\])'/.test(body)) return undefined;
  return body.replace(/\\(.)/g, '$1');
};

/**
 * Arguments, in order of preference:
 *   1. the whole text is JSON                  -> one argument (KDG's rule)
 *   2. comma-separated JSON values, 'strings'  -> several arguments
 *      and nested calls such as random.uuid
 *   3. anything else                           -> the raw text as one string (KDG's rule:
 *                                                 `date.now(YYYY-MM-DD HH:mm)`)
 */
export const parseArgs = (text: string, offset: number, isModule: (m: string) => boolean): ArgNode[] => {
  if (text.trim() === '') return [];
  const whole = tryJson(text);
  if (whole.ok) return [{ kind: 'value', value: whole.value, offset }];
  const pieces = splitTopLevel(text);
  if (pieces && pieces.length >= 1) {
    const args: ArgNode[] = [];
    let ok = true;
    for (const { piece, offset: rel } of pieces) {
      const lead = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      const at = offset + rel + lead;
      const json = trimmed === '' ? { ok: false as const } : tryJson(trimmed);
      if (json.ok) {
        args.push({ kind: 'value', value: json.value, offset: at });
        continue;
      }
      const sq = singleQuoted(trimmed);
      if (sq !== undefined) {
        args.push({ kind: 'value', value: sq, offset: at });
        continue;
      }
      const call = parseNestedCall(trimmed, at, isModule);
      if (call) {
        args.push(call);
        continue;
      }
      ok = false;
      break;
    }
    if (ok) return args;
  }
  return [{ kind: 'value', value: text, offset }];
};

/** nested := module '.' method ('(' args ')')? — only for known modules, else it is not a call. */
const parseNestedCall = (text: string, offset: number, isModule: (m: string) => boolean): CallNode | undefined => {
  const end = scanName(text, 0);
  if (end === 0) return undefined;
  const name = text.slice(0, end);
  const dot = name.indexOf('.');
  if (dot < 0 || !isModule(name.slice(0, dot))) return undefined;
  let j = end;
  while (j < text.length && /\s/.test(text[j])) j++;
  if (j === text.length) return { kind: 'call', name, args: [], offset };
  if (text[j] !== '(') return undefined;
  const close = scanBalanced(text, j);
  if (close < 0 || text.slice(close + 1).trim() !== '') return undefined;
  return { kind: 'call', name, args: parseArgs(text.slice(j + 1, close), offset + j + 1, isModule), offset };
};

/** Template text -> literal strings and calls. Every problem found is in `errors`. */
export const parseTemplate = (
  source: string,
  options: ParseOptions = {},
): { ast: TemplateAst; errors: TemplateError[]; lines: LineMap } => {
  const lines = new LineMap(source);
  const errors: TemplateError[] = [];
  const isModule = options.isModule ?? (() => true);
  const segments = lex(source, lines, errors);
  const texts: string[] = [];
  const calls: CallNode[] = [];
  let text = '';
  for (const seg of segments) {
    if (seg.kind === 'text') {
      text += seg.value;
      continue;
    }
    texts.push(text);
    text = '';
    const args = seg.args === undefined ? [] : parseArgs(seg.args, seg.argsStart, isModule);
    calls.push({ kind: 'call', name: seg.name, args, offset: seg.nameStart });
  }
  texts.push(text);
  if (options.collapseNewlines ?? true) {
    for (let k = 0; k < texts.length; k++) texts[k] = texts[k].replace(/\r?\n/g, '');
    texts[0] = texts[0].trimStart();
    texts[texts.length - 1] = texts[texts.length - 1].trimEnd();
  }
  return { ast: { texts, calls }, errors, lines };
};
