/**
 * Java SimpleDateFormat patterns, which CHAR_TO_TIMESTAMP and TIMESTAMP_TO_CHAR take
 * (KDA SQL reference, "CHAR_TO_TIMESTAMP": "uses the Java SimpleDateFormat patterns").
 * Times are UTC (KDA's system clock is UTC). A pattern compiles once into a formatter
 * and a parser; both are plain loops over the compiled parts.
 *
 * Letters: G y Y M L w W D d F E u a H k K h m s S z Z X, and 'quoted text' ('' is a quote).
 * Other ASCII letters are illegal, as in Java. Weeks follow Java's US defaults: they start on
 * Sunday and week 1 of a year is the week holding January 1.
 */
import { daysFromCivil, daysInMonth, isLeapYear, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, toCivil } from './datetime';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Part = { lit: string } | { letter: string; count: number };

const PATTERN_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX'.split(''));

export class PatternError extends Error {}

/** Splits a pattern into literal text and letter runs; throws PatternError like Java's IllegalArgumentException. */
export const tokenize = (pattern: string): Part[] => {
  const parts: Part[] = [];
  let lit = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        lit += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new PatternError(`Unterminated quote in pattern '${pattern}'`);
      // Inside quotes, '' is one quote.
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += pattern[j++];
      }
      if (j >= pattern.length) throw new PatternError(`Unterminated quote in pattern '${pattern}'`);
      i = j + 1;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (!PATTERN_LETTERS.has(c)) throw new PatternError(`Illegal pattern character '${c}'`);
      if (lit) {
        parts.push({ lit });
        lit = '';
      }
      let n = 1;
      while (pattern[i + n] === c) n++;
      parts.push({ letter: c, count: n });
      i += n;
      continue;
    }
    lit += c;
    i++;
  }
  if (lit) parts.push({ lit });
  return parts;
};

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
};

type Civil = ReturnType<typeof toCivil>;

/** Week of year, US rules (Sunday first, week 1 holds January 1). */
const weekOfYear = (c: Civil): number => {
  const daysInYear = isLeapYear(c.year) ? 366 : 365;
  // The Saturday closing this week falls in next year: this is week 1 of next year.
  if (c.dayOfYear + (6 - c.weekday) > daysInYear) return 1;
  const jan1Weekday = (((c.weekday - (c.dayOfYear - 1)) % 7) + 7) % 7;
  return Math.floor((c.dayOfYear - 1 + jan1Weekday) / 7) + 1;
};

/** Week of month, US rules (Sunday first, week 1 holds the 1st). */
const weekOfMonth = (c: Civil): number => {
  const firstWeekday = (((c.weekday - (c.day - 1)) % 7) + 7) % 7;
  return Math.floor((c.day - 1 + firstWeekday) / 7) + 1;
};

/** The year a week belongs to (Y): late December days in week 1 belong to the next year. */
const weekYear = (c: Civil): number => (c.month === 12 && weekOfYear(c) === 1 ? c.year + 1 : c.year);
type Emit = (c: Civil) => string;

const offsetText = (letter: string, count: number): string => {
  // The engine's times are UTC, so the offset is always zero.
  if (letter === 'z') return count >= 4 ? 'Coordinated Universal Time' : 'UTC';
  if (letter === 'Z') return count >= 4 ? 'GMT' : '+0000';
  return 'Z'; // X prints Z for a zero offset
};

const emitter = (letter: string, count: number): Emit => {
  switch (letter) {
    case 'G':
      return (c) => (c.year > 0 ? 'AD' : 'BC');
    case 'y':
      if (count === 2) return (c) => pad(((c.year % 100) + 100) % 100, 2);
      return (c) => pad(c.year, count);
    case 'Y':
      if (count === 2) return (c) => pad(((weekYear(c) % 100) + 100) % 100, 2);
      return (c) => pad(weekYear(c), count);
    case 'w':
      return (c) => pad(weekOfYear(c), count);
    case 'W':
      return (c) => pad(weekOfMonth(c), count);
    case 'F':
      return (c) => pad(Math.floor((c.day - 1) / 7) + 1, count);
    case 'M':
    case 'L':
      if (count >= 4) return (c) => MONTHS[c.month - 1];
      if (count === 3) return (c) => MONTHS[c.month - 1].slice(0, 3);
      return (c) => pad(c.month, count);
    case 'd':
      return (c) => pad(c.day, count);
    case 'D':
      return (c) => pad(c.dayOfYear, count);
    case 'E':
      return count >= 4 ? (c) => DAYS[c.weekday] : (c) => DAYS[c.weekday].slice(0, 3);
    case 'u':
      return (c) => pad(c.weekday === 0 ? 7 : c.weekday, count);
    case 'a':
      return (c) => (c.hour < 12 ? 'AM' : 'PM');
    case 'H':
      return (c) => pad(c.hour, count);
    case 'k':
      return (c) => pad(c.hour === 0 ? 24 : c.hour, count);
    case 'K':
      return (c) => pad(c.hour % 12, count);
    case 'h':
      return (c) => pad(c.hour % 12 === 0 ? 12 : c.hour % 12, count);
    case 'm':
      return (c) => pad(c.minute, count);
    case 's':
      return (c) => pad(c.second, count);
    case 'S':
      // Java's S is the millisecond count, zero-padded to the run's length.
      return (c) => pad(c.milli, count);
    case 'z':
    case 'Z':
    case 'X': {
      const t = offsetText(letter, count);
      return () => t;
    }
    default:
      throw new PatternError(`Illegal pattern character '${letter}'`);
  }
};

/** Compiles a pattern into a function from epoch ms (UTC) to text. */
export const compileFormatter = (pattern: string): ((ms: number) => string) => {
  const emits: Emit[] = tokenize(pattern).map((p) => ('lit' in p ? () => p.lit : emitter(p.letter, p.count)));
  const n = emits.length;
  return (ms) => {
    const c = toCivil(ms);
    let out = '';
    for (let i = 0; i < n; i++) out += emits[i](c);
    return out;
  };
};

interface Fields {
  year: number;
  month: number;
  day: number;
  dayOfYear: number;
  hour: number;
  hour12: number;
  pm: number; // -1 unset, 0 AM, 1 PM
  minute: number;
  second: number;
  milli: number;
  offset: number; // ms east of UTC
  bc: boolean;
}

/** Reads the text at `pos`; returns the new position or -1 when it does not match. */
type Step = (s: string, pos: number, f: Fields) => number;

const isDigit = (c: number) => c >= 48 && c <= 57;

const matchWord = (s: string, pos: number, words: string[]): [number, number] => {
  // Longest match first, case-insensitively, full names before abbreviations.
  let best = -1;
  let bestLen = 0;
  const rest = s.slice(pos, pos + 12).toLowerCase();
  for (let i = 0; i < words.length; i++) {
    const full = words[i].toLowerCase();
    if (rest.startsWith(full) && full.length > bestLen) {
      best = i;
      bestLen = full.length;
    } else if (rest.startsWith(full.slice(0, 3)) && bestLen < 3) {
      best = i;
      bestLen = 3;
    }
  }
  return [best, bestLen];
};

const numberStep = (width: number | undefined, set: (f: Fields, n: number, digits: number) => void, signed = false): Step => {
  return (s, pos, f) => {
    let i = pos;
    // Java skips spaces and tabs before a numeric field.
    while (s[i] === ' ' || s[i] === '\t') i++;
    let neg = false;
    if (signed && (s[i] === '-' || s[i] === '+')) {
      neg = s[i] === '-';
      i++;
    }
    const start = i;
    const max = width === undefined ? s.length : Math.min(s.length, start + width);
    let n = 0;
    while (i < max && isDigit(s.charCodeAt(i))) n = n * 10 + (s.charCodeAt(i++) - 48);
    if (i === start) return -1;
    set(f, neg ? -n : n, i - start);
    return i;
  };
};

/** The two-digit year rule: within 80 years before and 20 after a reference date (taken here as 2026). */
const twoDigitYear = (yy: number): number => (2000 + yy <= 2046 ? 2000 + yy : 1900 + yy);

const offsetStep: Step = (s, pos, f) => {
  let i = pos;
  if (s[i] === 'Z') {
    f.offset = 0;
    return i + 1;
  }
  const upper = s.slice(i, i + 3).toUpperCase();
  if (upper === 'UTC' || upper === 'GMT') {
    i += 3;
    if (s[i] !== '+' && s[i] !== '-') {
      f.offset = 0;
      return i;
    }
  }
  const sign = s[i] === '-' ? -1 : s[i] === '+' ? 1 : 0;
  if (!sign) return -1;
  i++;
  const d = (k: number) => (isDigit(s.charCodeAt(k)) ? s.charCodeAt(k) - 48 : -1);
  let h: number;
  if (d(i) >= 0 && d(i + 1) >= 0) {
    h = d(i) * 10 + d(i + 1);
    i += 2;
  } else if (d(i) >= 0) {
    h = d(i);
    i += 1;
  } else return -1;
  let m = 0;
  if (s[i] === ':') i++;
  if (d(i) >= 0 && d(i + 1) >= 0) {
    m = d(i) * 10 + d(i + 1);
    i += 2;
  }
  f.offset = sign * (h * MS_PER_HOUR + m * MS_PER_MINUTE);
  return i;
};

const isNumericLetter = (l: string, count: number) =>
  'yYwWdDFuHkKhmsS'.includes(l) || ((l === 'M' || l === 'L') && count <= 2);

const stepFor = (letter: string, count: number, width: number | undefined): Step => {
  switch (letter) {
    case 'G':
      return (s, pos, f) => {
        const t = s.slice(pos, pos + 2).toUpperCase();
        if (t !== 'AD' && t !== 'BC') return -1;
        f.bc = t === 'BC';
        return pos + 2;
      };
    case 'y':
    case 'Y':
      return numberStep(width, (f, n, digits) => {
        // 'yy' read as exactly two digits uses the century window; a single 'y' reads the year
        // literally (KDA reference, "Template Strings": 'MMM dd,y' on 'March 7, 10' gives year 0010).
        f.year = count === 2 && digits === 2 ? twoDigitYear(n) : n;
      }, true);
    case 'M':
    case 'L':
      if (count >= 3)
        return (s, pos, f) => {
          const [idx, len] = matchWord(s, pos, MONTHS);
          if (idx < 0) return -1;
          f.month = idx + 1;
          return pos + len;
        };
      return numberStep(width, (f, n) => (f.month = n));
    case 'd':
      return numberStep(width, (f, n) => (f.day = n));
    case 'D':
      return numberStep(width, (f, n) => (f.dayOfYear = n));
    case 'E':
      return (s, pos) => {
        const [idx, len] = matchWord(s, pos, DAYS);
        return idx < 0 ? -1 : pos + len;
      };
    case 'u':
    case 'w':
    case 'W':
    case 'F':
      // Read and checked for shape; like Java, they do not override the calendar date.
      return numberStep(width, () => undefined);
    case 'a':
      return (s, pos, f) => {
        const t = s.slice(pos, pos + 2).toUpperCase();
        if (t !== 'AM' && t !== 'PM') return -1;
        f.pm = t === 'PM' ? 1 : 0;
        return pos + 2;
      };
    case 'H':
      return numberStep(width, (f, n) => (f.hour = n));
    case 'k':
      return numberStep(width, (f, n) => (f.hour = n === 24 ? 0 : n === 0 ? 99 : n));
    case 'K':
      return numberStep(width, (f, n) => (f.hour12 = n > 11 ? 99 : n));
    case 'h':
      return numberStep(width, (f, n) => (f.hour12 = n < 1 || n > 12 ? 99 : n % 12));
    case 'm':
      return numberStep(width, (f, n) => (f.minute = n));
    case 's':
      return numberStep(width, (f, n) => (f.second = n));
    case 'S':
      // Java reads S as a count of milliseconds, not a fraction: '5' is 5 ms.
      return numberStep(width, (f, n) => (f.milli = n));
    case 'z':
    case 'Z':
    case 'X':
      return offsetStep;
    default:
      throw new PatternError(`Illegal pattern character '${letter}'`);
  }
};

/**
 * Compiles a pattern into a parser from text to epoch ms (UTC), or undefined when the text
 * does not match. Every field must be in range for its letter (KDA reference, "Char To
 * Timestamp": month 1-12, day within its month, otherwise no result); fields the pattern
 * lacks default to 1970-01-01 00:00:00.000; text after the pattern is ignored.
 */
export const compileParser = (pattern: string): ((text: string) => number | undefined) => {
  const parts = tokenize(pattern);
  const steps: Step[] = parts.map((p, i) => {
    if ('lit' in p) {
      const lit = p.lit;
      return (s, pos) => (s.startsWith(lit, pos) ? pos + lit.length : -1);
    }
    // A numeric field directly followed by another numeric field reads exactly `count` digits (as Java does).
    const next = parts[i + 1];
    const width = next && !('lit' in next) && isNumericLetter(next.letter, next.count) && isNumericLetter(p.letter, p.count) ? p.count : undefined;
    return stepFor(p.letter, p.count, width);
  });
  const n = steps.length;
  return (text) => {
    const f: Fields = { year: 1970, month: 1, day: 1, dayOfYear: 0, hour: 0, hour12: -1, pm: -1, minute: 0, second: 0, milli: 0, offset: 0, bc: false };
    let pos = 0;
    for (let i = 0; i < n; i++) {
      pos = steps[i](text, pos, f);
      if (pos < 0) return undefined;
    }
    let hour = f.hour;
    if (f.hour12 >= 0) hour = f.hour12 + (f.pm === 1 ? 12 : 0);
    else if (f.pm === 1 && hour < 12) hour += 12;
    const year = f.bc ? 1 - f.year : f.year;
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(year, f.month)) return undefined;
    if (hour > 23 || f.minute > 59 || f.second > 59 || f.milli > 999 || f.dayOfYear > (isLeapYear(year) ? 366 : 365)) return undefined;
    const days = f.dayOfYear > 0 ? daysFromCivil(year, 1, 1) + f.dayOfYear - 1 : daysFromCivil(year, f.month, 1) + f.day - 1;
    return days * MS_PER_DAY + hour * MS_PER_HOUR + f.minute * MS_PER_MINUTE + f.second * MS_PER_SECOND + f.milli - f.offset;
  };
};
