/**
 * LIKE and SIMILAR TO patterns compiled to anchored JavaScript regular expressions.
 * Both throw SqlRuntimeError('Invalid escape ...') for a bad escape, as SQL requires
 * (SQLSTATE 22019 invalid escape character, 22025 invalid escape sequence).
 */
import { SqlRuntimeError } from './errors';

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/;
const quote = (c: string) => (REGEX_SPECIAL.test(c) ? '\\' + c : c);

const checkEscape = (escape: string | undefined): string | undefined => {
  if (escape === undefined || escape === null) return undefined;
  if (escape.length !== 1) throw new SqlRuntimeError('Invalid escape character', `Invalid escape character '${escape}': it must be one character long`);
  return escape;
};

/** `%` is any run of characters, `_` any one character; the escape makes the next `%`, `_` or escape literal. */
export function likeToRegExp(pattern: string, escape?: string): RegExp {
  const esc = checkEscape(escape);
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (esc !== undefined && c === esc) {
      const n = pattern[i + 1];
      if (n === '%' || n === '_' || n === esc) {
        re += quote(n);
        i++;
        continue;
      }
      throw new SqlRuntimeError('Invalid escape sequence', `Invalid escape sequence '${pattern}' at position ${i + 1}`);
    }
    if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += quote(c);
  }
  return new RegExp(re + '$');
}

/**
 * SQL:2003 SIMILAR TO: `%` and `_` as in LIKE, plus `|`, `*`, `+`, `?`, `{m,n}`, `( )` and
 * bracket classes (`[a-z]`, `[^0-9]`); every other character (including `.`, `^`, `$`) is literal.
 */
export function similarToRegExp(pattern: string, escape?: string): RegExp {
  const esc = checkEscape(escape);
  let re = '^(?:';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (esc !== undefined && c === esc) {
      const n = pattern[i + 1];
      if (n === undefined) throw new SqlRuntimeError('Invalid escape sequence', `Invalid escape sequence '${pattern}' at position ${i + 1}`);
      re += quote(n);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        re += ']';
      } else if (c === '\\') re += '\\\\';
      else re += c;
      continue;
    }
    switch (c) {
      case '%':
        re += '[\\s\\S]*';
        break;
      case '_':
        re += '[\\s\\S]';
        break;
      case '[':
        inClass = true;
        re += '[';
        if (pattern[i + 1] === '^') {
          re += '^';
          i++;
        }
        break;
      case '|':
      case '*':
      case '+':
      case '?':
      case '(':
      case ')':
      case '{':
      case '}':
      case ',':
        re += c;
        break;
      default:
        re += quote(c);
    }
  }
  if (inClass) throw new SqlRuntimeError('Invalid regular expression', `Invalid regular expression '${pattern}': unclosed '['`);
  try {
    return new RegExp(re + ')$');
  } catch {
    throw new SqlRuntimeError('Invalid regular expression', `Invalid regular expression '${pattern}'`);
  }
}
