import type { Loc } from './errors';

/** `error`: text the lexer could not read; `value` holds the message, which the parser reports when it meets the token. */
export type TokenKind = 'ident' | 'qident' | 'string' | 'number' | 'op' | 'error' | 'eof';

/**
 * One token. `value` is the identifier as SQL names it (unquoted: folded to upper case;
 * quoted: exact), the unescaped string, the number text or the operator.
 */
export interface Token {
  kind: TokenKind;
  value: string;
  /** The text as written in the script, for error messages. */
  text: string;
  loc: Loc;
  /** Just past the token's last character. */
  end: Loc;
}

const OPERATORS = ['<>', '<=', '>=', '!=', '||', '(', ')', ',', ';', '.', '+', '-', '*', '/', '%', '=', '<', '>'];

const isIdentStart = (c: string) => /[A-Za-z_$]/.test(c);
const isIdentPart = (c: string) => /[A-Za-z0-9_$#]/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * Splits a script into tokens; skips whitespace, `-- line` and `/* block *\/` comments. It never
 * throws: what it cannot read becomes an `error` token (an unterminated string or comment runs to
 * the end of the script), so the parser can report it and go on with the next statement.
 */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): Loc => ({ line, column: i - lineStart + 1, offset: i });
  const newline = (at: number) => {
    line++;
    lineStart = at + 1;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      newline(i);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0') {
      i++;
      continue;
    }
    if (c === '-' && src[i + 1] === '-') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const loc = here();
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) {
        if (src[i] === '\n') newline(i);
        i++;
      }
      if (i >= src.length) {
        tokens.push({ kind: 'error', value: 'unterminated comment', text: src.slice(loc.offset), loc, end: here() });
        break;
      }
      i += 2;
      continue;
    }
    const loc = here();
    const start = i;
    if (isIdentStart(c)) {
      while (i < src.length && isIdentPart(src[i])) i++;
      const text = src.slice(start, i);
      tokens.push({ kind: 'ident', value: text.toUpperCase(), text, loc, end: here() });
      continue;
    }
    const fail = (message: string): void => {
      tokens.push({ kind: 'error', value: message, text: src.slice(start, i), loc, end: here() });
    };
    if (c === '"') {
      let value = '';
      i++;
      let closed = false;
      for (;;) {
        if (i >= src.length) break;
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (src[i] === '\n') newline(i);
        value += src[i++];
      }
      if (!closed) fail('unterminated quoted identifier');
      else if (value === '') fail('empty quoted identifier');
      else tokens.push({ kind: 'qident', value, text: src.slice(start, i), loc, end: here() });
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      let closed = false;
      for (;;) {
        if (i >= src.length) break;
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (src[i] === '\n') newline(i);
        value += src[i++];
      }
      if (!closed) fail('unterminated string literal');
      else tokens.push({ kind: 'string', value, text: src.slice(start, i), loc, end: here() });
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      while (i < src.length && isDigit(src[i])) i++;
      if (src[i] === '.' && isDigit(src[i + 1] ?? '')) {
        i++;
        while (i < src.length && isDigit(src[i])) i++;
      } else if (src[i] === '.' && !isIdentStart(src[i + 1] ?? '')) i++;
      if ((src[i] === 'e' || src[i] === 'E') && (isDigit(src[i + 1] ?? '') || ((src[i + 1] === '-' || src[i + 1] === '+') && isDigit(src[i + 2] ?? '')))) {
        i += 2;
        while (i < src.length && isDigit(src[i])) i++;
      }
      const text = src.slice(start, i);
      tokens.push({ kind: 'number', value: text, text, loc, end: here() });
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) {
      // Slides and word processors turn quotes typographic; say so rather than leave the reader puzzled.
      const hint = /[\u2018\u2019\u201c\u201d]/.test(c) ? ` (a typographic quote: use ' for strings and " for names)` : '';
      i++;
      fail(`unexpected character '${c}'${hint}`);
      continue;
    }
    i += op.length;
    tokens.push({ kind: 'op', value: op, text: op, loc, end: here() });
  }
  tokens.push({ kind: 'eof', value: '', text: '<end of script>', loc: here(), end: here() });
  return tokens;
}
