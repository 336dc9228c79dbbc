import { LineMap, TemplateError } from './errors';

/** Literal text between tags (offsets into the source, end exclusive). */
export interface TextSegment {
  kind: 'text';
  value: string;
  start: number;
  end: number;
}

/** One `{{ name(args) }}` tag, not yet interpreted. */
export interface TagSegment {
  kind: 'tag';
  /** Offset of `{{`. */
  start: number;
  /** Offset just after `}}`. */
  end: number;
  name: string;
  nameStart: number;
  /** Text between the parentheses, or undefined when the tag has none. */
  args: string | undefined;
  /** Offset of the first character after `(`. */
  argsStart: number;
}

export type Segment = TextSegment | TagSegment;

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isIdentStart = (c: string) => /[A-Za-z_$]/.test(c);
const isIdentPart = (c: string) => /[A-Za-z0-9_$]/.test(c);

/**
 * Reads a dotted name (`random.number`, `var.id`) at `i`; returns its end, or `i` when there is none.
 * name := ident ('.' ident)*
 */
export const scanName = (s: string, i: number): number => {
  if (i >= s.length || !isIdentStart(s[i])) return i;
  let j = i + 1;
  while (j < s.length) {
    if (isIdentPart(s[j])) j++;
    else if (s[j] === '.' && j + 1 < s.length && isIdentStart(s[j + 1])) j += 2;
    else break;
  }
  return j;
};

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * From `open` (the offset of a `(`), finds its matching `)`, skipping over nested brackets and
 * quoted strings. A double quote always opens a string; a single quote does so only where a value
 * starts (after `(`, `,`, `[`, `{` or `:`), so an apostrophe in a raw date format stays text.
 * Returns the offset of the `)`, or -1 when the source ends first.
 */
export const scanBalanced = (s: string, open: number): number => {
  const stack: string[] = [')'];
  let lastSignificant = '(';
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || (c === "'" && '([{,:'.includes(lastSignificant))) {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) return -1;
      i = j;
      lastSignificant = c;
      continue;
    }
    if (OPEN[c]) stack.push(OPEN[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
    if (!isSpace(c)) lastSignificant = c;
  }
  return -1;
};

/**
 * Splits a template into literal text and tags. Problems are collected (not thrown) so that every
 * one of them can be reported; after a bad tag the scan resumes at the next `}}`.
 *
 * template := (text | tag)*
 * tag      := '{{' space* name space* ('(' args ')')? space* '}}'
 */
export const lex = (source: string, lines: LineMap, errors: TemplateError[]): Segment[] => {
  const out: Segment[] = [];
  const fail = (offset: number, message: string) => {
    const at = lines.at(offset);
    errors.push(new TemplateError(message, at.line, at.column));
  };
  let textStart = 0;
  let i = 0;
  while (i < source.length) {
    let open = source.indexOf('{{', i);
    if (open < 0) break;
    // in a run of braces (`{"a":{{{x}}}` is rare, `{{{` still) the tag starts at the last `{{`
    while (source[open + 2] === '{') open++;
    if (open > textStart) out.push({ kind: 'text', value: source.slice(textStart, open), start: textStart, end: open });
    const opened = lines.at(open);
    let j = open + 2;
    while (j < source.length && isSpace(source[j])) j++;
    const nameStart = j;
    const nameEnd = scanName(source, j);
    const resume = (from: number) => {
      const close = source.indexOf('}}', from);
      i = textStart = close < 0 ? source.length : close + 2;
    };
    if (nameEnd === nameStart) {
      fail(nameStart, 'Expected a helper name such as random.number after "{{"');
      resume(nameStart);
      continue;
    }
    const name = source.slice(nameStart, nameEnd);
    j = nameEnd;
    while (j < source.length && isSpace(source[j])) j++;
    let args: string | undefined;
    let argsStart = j;
    if (source[j] === '(') {
      const close = scanBalanced(source, j);
      if (close < 0) {
        fail(j, `Unclosed "(" in the arguments of ${name}`);
        resume(j);
        continue;
      }
      argsStart = j + 1;
      args = source.slice(j + 1, close);
      j = close + 1;
      while (j < source.length && isSpace(source[j])) j++;
    }
    if (source.startsWith('}}', j)) {
      out.push({ kind: 'tag', start: open, end: j + 2, name, nameStart, args, argsStart });
      i = textStart = j + 2;
      continue;
    }
    fail(j, `Expected "}}" to close the tag opened at line ${opened.line}, column ${opened.column}`);
    resume(j);
  }
  if (textStart < source.length) out.push({ kind: 'text', value: source.slice(textStart), start: textStart, end: source.length });
  return out;
};
