/**
 * Scalar functions of the Kinesis Data Analytics SQL dialect (KDA SQL reference,
 * "Numeric Functions", "String Functions", "Datetime Functions", "Null Functions").
 *
 * Each function checks its argument types at plan time (returnType) and compiles once into
 * a closure (compile) that does no type dispatch per call. NULL in gives NULL out unless
 * noted. Run-time failures throw SqlRuntimeError; the row goes to error_stream.
 */
import {
  formatType,
  isCharacter,
  isDatetime,
  isIntegral,
  isNumeric,
  isWild,
  T,
  type SqlType,
  type SqlValue,
  varchar,
} from '../types';
import { ErrorNames, SqlRuntimeError } from './errors';
import { compileFormatter, compileParser, PatternError } from './simpledateformat';

export { likeToRegExp, similarToRegExp } from './like';

export interface ScalarFunction {
  name: string;
  minArgs: number;
  maxArgs: number;
  returnType(argTypes: SqlType[]): SqlType | { error: string };
  compile(argTypes: SqlType[]): (args: SqlValue[]) => SqlValue;
}

export const scalarFunctions = new Map<string, ScalarFunction>();

type Fn = (args: SqlValue[]) => SqlValue;

const register = (f: ScalarFunction, ...aliases: string[]) => {
  scalarFunctions.set(f.name, f);
  for (const a of aliases) scalarFunctions.set(a, { ...f, name: a });
};

// ---------------------------------------------------------------- argument checks

const article = (what: string) => (/^[aeiou]/i.test(what) ? 'an' : 'a');

type Check = (t: SqlType) => boolean;
const numeric: Check = (t) => isWild(t) || isNumeric(t);
const integral: Check = (t) => isWild(t) || isIntegral(t);
const exactNumeric: Check = (t) => isWild(t) || isIntegral(t) || t.kind === 'DECIMAL';
const character: Check = (t) => isWild(t) || isCharacter(t);
const characterOrBinary: Check = (t) => isWild(t) || isCharacter(t) || t.kind === 'VARBINARY';
const timestamp: Check = (t) => isWild(t) || t.kind === 'TIMESTAMP' || t.kind === 'DATE';

/**
 * Checks each argument against its expected kind; returns an error such as
 * "ABS expects a numeric argument but got VARCHAR(8)".
 */
const checkArgs = (name: string, argTypes: SqlType[], specs: [Check, string][]): string | undefined => {
  for (let i = 0; i < argTypes.length; i++) {
    const [check, what] = specs[Math.min(i, specs.length - 1)];
    if (!check(argTypes[i])) {
      const pos = specs.length > 1 || argTypes.length > 1 ? ` as argument ${i + 1}` : '';
      return `${name} expects ${article(what)} ${what} argument${pos} but got ${formatType(argTypes[i])}`;
    }
  }
  return undefined;
};

const nullOr = (t: SqlType, fallback: SqlType): SqlType => (isWild(t) ? fallback : t);

const lengthOf = (t: SqlType, fallback = 65535): number =>
  t.kind === 'CHAR' || t.kind === 'VARCHAR' || t.kind === 'VARBINARY' ? t.length : fallback;

/** A function with a fixed arity whose NULL arguments give NULL. */
const strict1 =
  (f: (a: any) => SqlValue): Fn =>
  (args) => {
    const a = args[0];
    return a === null ? null : f(a);
  };
const strict2 =
  (f: (a: any, b: any) => SqlValue): Fn =>
  (args) => {
    const a = args[0];
    const b = args[1];
    return a === null || b === null ? null : f(a, b);
  };
const strictN =
  (f: (args: any) => SqlValue): Fn =>
  (args) => {
    for (let i = 0; i < args.length; i++) if (args[i] === null) return null;
    return f(args);
  };

const invalid = (message: string) => new SqlRuntimeError(ErrorNames.INVALID_ARGUMENT, message);

// ---------------------------------------------------------------- numeric functions

register({
  name: 'ABS',
  minArgs: 1,
  maxArgs: 1,
  returnType: (a) => {
    const e = checkArgs('ABS', a, [[(t) => numeric(t) || t.kind === 'INTERVAL_DAY_TIME', 'numeric']]);
    return e ? { error: e } : nullOr(a[0], T.INTEGER);
  },
  compile: () => strict1((x: number) => Math.abs(x)),
});

const ceilFloorType = (name: string) => (a: SqlType[]) => {
  const e = checkArgs(name, a, [[numeric, 'numeric']]);
  if (e) return { error: e };
  const t = a[0];
  if (t.kind === 'DECIMAL') return { kind: 'DECIMAL', precision: t.precision, scale: 0 } as SqlType;
  return nullOr(t, T.DOUBLE);
};

register(
  {
    name: 'CEIL',
    minArgs: 1,
    maxArgs: 1,
    returnType: ceilFloorType('CEIL'),
    compile: ([t]) => (isIntegral(t) ? strict1((x: number) => x) : strict1((x: number) => Math.ceil(x) || 0)),
  },
  'CEILING',
);

register({
  name: 'FLOOR',
  minArgs: 1,
  maxArgs: 1,
  returnType: ceilFloorType('FLOOR'),
  compile: ([t]) => (isIntegral(t) ? strict1((x: number) => x) : strict1((x: number) => Math.floor(x))),
});

const doubleFn = (name: string, f: (x: number) => number) =>
  register({
    name,
    minArgs: 1,
    maxArgs: 1,
    returnType: (a) => {
      const e = checkArgs(name, a, [[numeric, 'numeric']]);
      return e ? { error: e } : T.DOUBLE;
    },
    compile: () => strict1(f),
  });

doubleFn('EXP', Math.exp);
// SQL: the logarithm of zero or a negative number is an invalid argument (SQLSTATE 2201E).
doubleFn('LN', (x) => {
  if (x <= 0) throw invalid(`Cannot take logarithm of zero or a negative number: LN(${x})`);
  return Math.log(x);
});
doubleFn('LOG10', (x) => {
  if (x <= 0) throw invalid(`Cannot take logarithm of zero or a negative number: LOG10(${x})`);
  return Math.log10(x);
});

register({
  name: 'MOD',
  minArgs: 2,
  maxArgs: 2,
  returnType: (a) => {
    // KDA reference, "MOD": both arguments are exact numerics; the result has the type of the second.
    const e = checkArgs('MOD', a, [[exactNumeric, 'exact numeric']]);
    return e ? { error: e } : nullOr(a[1], nullOr(a[0], T.INTEGER));
  },
  compile: () =>
    strict2((x: number, y: number) => {
      if (y === 0) throw new SqlRuntimeError(ErrorNames.DIVISION_BY_ZERO, 'Division by zero');
      const r = x % y;
      return r === 0 ? 0 : r;
    }),
});

register({
  name: 'POWER',
  minArgs: 2,
  maxArgs: 2,
  returnType: (a) => {
    const e = checkArgs('POWER', a, [[numeric, 'numeric']]);
    return e ? { error: e } : T.DOUBLE;
  },
  compile: () =>
    strict2((x: number, y: number) => {
      // SQL: zero to a negative power, or a negative base to a non-integral power, is invalid (SQLSTATE 2201F).
      if (x === 0 && y < 0) throw invalid(`Invalid argument for power function: POWER(${x}, ${y})`);
      const r = Math.pow(x, y);
      if (Number.isNaN(r)) throw invalid(`Invalid argument for power function: POWER(${x}, ${y})`);
      return r;
    }),
});

// ---------------------------------------------------------------- string functions

register(
  {
    name: 'CHAR_LENGTH',
    minArgs: 1,
    maxArgs: 1,
    returnType: (a) => {
      const e = checkArgs('CHAR_LENGTH', a, [[character, 'character']]);
      return e ? { error: e } : T.INTEGER;
    },
    compile: () => strict1((s: string) => s.length),
  },
  'CHARACTER_LENGTH',
);

const caseFn = (name: string, f: (s: string) => string) =>
  register({
    name,
    minArgs: 1,
    maxArgs: 1,
    returnType: (a) => {
      const e = checkArgs(name, a, [[character, 'character']]);
      return e ? { error: e } : nullOr(a[0], varchar(65535));
    },
    compile: () => strict1(f),
  });

caseFn('LOWER', (s) => s.toLowerCase());
caseFn('UPPER', (s) => s.toUpperCase());
// KDA reference, "INITCAP": the first letter of each space-delimited word upper case, the rest lower case.
caseFn('INITCAP', (s) => {
  let out = '';
  let start = true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    out += start ? c.toUpperCase() : c.toLowerCase();
    start = c === ' ';
  }
  return out;
});

register({
  name: 'SUBSTRING',
  minArgs: 2,
  maxArgs: 3,
  returnType: (a) => {
    // KDA reference, "SUBSTRING": SUBSTRING(s FROM start [FOR length]), or SUBSTRING(s FROM regex),
    // which returns the first match of a Java regular expression.
    if (a.length === 2 && isCharacter(a[1])) {
      const e = checkArgs('SUBSTRING', a, [[character, 'character']]);
      return e ? { error: e } : varchar(lengthOf(a[0]));
    }
    const e = checkArgs('SUBSTRING', a, [
      [characterOrBinary, 'character'],
      [integral, 'integer'],
    ]);
    if (e) return { error: e };
    const t = a[0];
    if (t.kind === 'VARBINARY') return t;
    return varchar(lengthOf(t));
  },
  compile: (a) => {
    if (a.length === 2 && isCharacter(a[1])) {
      const regex = lastCache((p) => {
        try {
          return javaRegExp(p, false);
        } catch {
          throw invalid(`Invalid regular expression '${p}'`);
        }
      });
      return strict2((s: string, p: string) => {
        const m = regex(p).exec(s);
        return m ? m[0] : null;
      });
    }
    const binary = a[0].kind === 'VARBINARY';
    // SQL:2003 substring: characters from max(start,1) to start+length-1; a negative length is an error.
    const range = (len: number, start: number, count: number | undefined): [number, number] => {
      let end = count === undefined ? len + 1 : start + count;
      if (count !== undefined && count < 0) throw new SqlRuntimeError(ErrorNames.SUBSTRING_ERROR, `Substring error: negative length ${count}`);
      const s = Math.max(start, 1);
      if (end > len + 1) end = len + 1;
      return end <= s ? [0, 0] : [s - 1, end - 1];
    };
    if (a.length === 2)
      return strict2((s: string | Uint8Array, start: number) => {
        const [b, e] = range(s.length, start, undefined);
        return binary ? (s as Uint8Array).slice(b, e) : (s as string).slice(b, e);
      });
    return strictN(([s, start, count]: [string | Uint8Array, number, number]) => {
      const [b, e] = range(s.length, start, count);
      return binary ? (s as Uint8Array).slice(b, e) : (s as string).slice(b, e);
    });
  },
});

register({
  name: 'POSITION',
  minArgs: 2,
  maxArgs: 3,
  returnType: (a) => {
    const e = checkArgs('POSITION', a, [[character, 'character'], [character, 'character'], [integral, 'integer']]);
    return e ? { error: e } : T.INTEGER;
  },
  compile: (a) =>
    a.length === 2
      ? strict2((needle: string, hay: string) => hay.indexOf(needle) + 1)
      : strictN(([needle, hay, start]: [string, string, number]) => {
          const from = Math.max(start, 1) - 1;
          if (from > hay.length) return 0;
          return hay.indexOf(needle, from) + 1;
        }),
});

register({
  name: 'TRIM',
  minArgs: 3,
  maxArgs: 3,
  returnType: (a) => {
    const e = checkArgs('TRIM', a, [[character, 'character']]);
    return e ? { error: e } : varchar(lengthOf(nullOr(a[2], varchar(65535))));
  },
  compile: () =>
    strictN(([mode, chars, s]: [string, string, string]) => {
      // SQL: the trim character must be exactly one character (SQLSTATE 22027 trim error).
      if (chars.length !== 1) throw new SqlRuntimeError('Trim error', `Trim error: the trim character '${chars}' must be one character long`);
      let b = 0;
      let e = s.length;
      const m = mode.toUpperCase();
      if (m !== 'TRAILING') while (b < e && s[b] === chars) b++;
      if (m !== 'LEADING') while (e > b && s[e - 1] === chars) e--;
      return s.slice(b, e);
    }),
});

register({
  name: 'OVERLAY',
  minArgs: 3,
  maxArgs: 4,
  returnType: (a) => {
    const e = checkArgs('OVERLAY', a, [[character, 'character'], [character, 'character'], [integral, 'integer']]);
    if (e) return { error: e };
    return varchar(lengthOf(nullOr(a[0], varchar(65535))) + lengthOf(nullOr(a[1], varchar(0)), 0));
  },
  compile: (a) => {
    // KDA reference, "OVERLAY": characters p .. p+l-1 of s give way to r; a start below 1 is allowed
    // (OVERLAY('12345' PLACING 'foo' FROM 0) = 'foo345'), a negative length raises an error.
    const overlay = (s: string, r: string, p: number, l: number) => {
      if (l < 0) throw new SqlRuntimeError(ErrorNames.SUBSTRING_ERROR, `Substring error: negative length ${l}`);
      return s.slice(0, Math.max(p - 1, 0)) + r + s.slice(Math.max(p - 1 + l, 0));
    };
    return a.length === 3
      ? strictN(([s, r, p]: [string, string, number]) => overlay(s, r, p, r.length))
      : strictN(([s, r, p, l]: [string, string, number, number]) => overlay(s, r, p, l));
  },
});

/**
 * Translates a java.util.regex pattern into a JavaScript one for the common subset:
 * a leading inline flag group such as (?i) becomes a flag, \A and \z anchors become ^ and $.
 */
export const javaRegExp = (pattern: string, global: boolean): RegExp => {
  let flags = global ? 'g' : '';
  let p = pattern;
  const inline = /^\(\?([imsx]+)\)/.exec(p);
  if (inline) {
    for (const f of inline[1]) if (f !== 'x' && !flags.includes(f)) flags += f;
    p = p.slice(inline[0].length);
  }
  p = p.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  return new RegExp(p, flags);
};

/** Java's Matcher.replaceAll replacement syntax ($1, \$) as a function of a match. */
const javaReplacement = (replacement: string): ((m: RegExpExecArray) => string) => {
  const parts: (string | number)[] = [];
  let lit = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      lit += replacement[++i] ?? '';
    } else if (c === '$') {
      let j = i + 1;
      while (j < replacement.length && replacement[j] >= '0' && replacement[j] <= '9') j++;
      if (j === i + 1) throw invalid(`Illegal group reference in replacement '${replacement}'`);
      if (lit) parts.push(lit);
      lit = '';
      parts.push(Number(replacement.slice(i + 1, j)));
      i = j - 1;
    } else lit += c;
  }
  if (lit) parts.push(lit);
  return (m) => {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else {
        if (p >= m.length) throw invalid(`No group ${p} in the regular expression`);
        out += m[p] ?? '';
      }
    }
    return out;
  };
};

/** One-entry caches so a literal pattern compiles once even though it arrives as a value. */
const lastCache = <T>(make: (key: string) => T): ((key: string) => T) => {
  let lastKey: string | undefined;
  let lastVal: T;
  return (key) => {
    if (key !== lastKey) {
      lastVal = make(key);
      lastKey = key;
    }
    return lastVal;
  };
};

register({
  name: 'REGEX_REPLACE',
  minArgs: 5,
  maxArgs: 5,
  // KDA reference, "REGEX_REPLACE": (original, regex, replacement, startPosition, occurence) RETURNS VARCHAR(65535).
  returnType: (a) => {
    const e = checkArgs('REGEX_REPLACE', a, [
      [character, 'character'],
      [character, 'character'],
      [character, 'character'],
      [integral, 'integer'],
    ]);
    return e ? { error: e } : varchar(65535);
  },
  compile: () => {
    const regex = lastCache((p) => {
      try {
        return javaRegExp(p, true);
      } catch {
        throw invalid(`Invalid regular expression '${p}'`);
      }
    });
    const repl = lastCache(javaReplacement);
    return strictN(([s, p, r, start, occurrence]: [string, string, string, number, number]) => {
      if (start < 1) throw invalid(`REGEX_REPLACE start position ${start} is less than 1`);
      if (occurrence < 0) throw invalid(`REGEX_REPLACE occurrence ${occurrence} is negative`);
      if (start > s.length) return s;
      const re = regex(p);
      const f = repl(r);
      re.lastIndex = start - 1;
      let out = s.slice(0, start - 1);
      let last = start - 1;
      let n = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) !== null) {
        n++;
        if (occurrence === 0 || n === occurrence) {
          out += s.slice(last, m.index) + f(m);
          last = m.index + m[0].length;
          if (occurrence !== 0) break;
        }
        if (m[0].length === 0) re.lastIndex++;
      }
      return out + s.slice(last);
    });
  },
});

// ---------------------------------------------------------------- null functions

/** The type several branches share: the widest numeric, the longest string, or the one common kind. */
export const commonType = (types: SqlType[]): SqlType | undefined => {
  const known = types.filter((t) => !isWild(t));
  if (known.length === 0) return types[0] ?? T.NULL;
  if (known.every(isNumeric)) {
    const rank = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'REAL', 'DOUBLE'];
    let best = known[0];
    for (const t of known) {
      if (rank.indexOf(t.kind) > rank.indexOf(best.kind)) best = t;
      else if (t.kind === 'DECIMAL' && best.kind === 'DECIMAL') {
        const scale = Math.max(t.scale, best.scale);
        const intDigits = Math.max(t.precision - t.scale, best.precision - best.scale);
        best = { kind: 'DECIMAL', precision: Math.min(19, intDigits + scale), scale };
      }
    }
    return best;
  }
  if (known.every(isCharacter)) {
    const n = Math.max(...known.map((t) => lengthOf(t)));
    return known.every((t) => t.kind === 'CHAR' && lengthOf(t) === n) ? known[0] : varchar(n);
  }
  if (known.every(isDatetime) && known.every((t) => t.kind === known[0].kind)) return known[0];
  if (known.every((t) => t.kind === 'DATE' || t.kind === 'TIMESTAMP')) return T.TIMESTAMP;
  if (known.every((t) => t.kind === known[0].kind)) {
    if (known[0].kind === 'VARBINARY') return { kind: 'VARBINARY', length: Math.max(...known.map((t) => lengthOf(t))) };
    return known[0];
  }
  return undefined;
};

register({
  name: 'COALESCE',
  minArgs: 1,
  maxArgs: Infinity,
  returnType: (a) => {
    const t = commonType(a);
    if (!t) return { error: `COALESCE arguments must have compatible types but got ${a.map(formatType).join(', ')}` };
    return t;
  },
  compile: (a) => {
    const n = a.length;
    if (n === 2) return (args) => (args[0] !== null ? args[0] : args[1]);
    return (args) => {
      for (let i = 0; i < n; i++) if (args[i] !== null) return args[i];
      return null;
    };
  },
});

const sameBytes = (x: Uint8Array, y: Uint8Array) => {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
};

register({
  name: 'NULLIF',
  minArgs: 2,
  maxArgs: 2,
  returnType: (a) => {
    if (!commonType(a)) return { error: `NULLIF arguments must have comparable types but got ${a.map(formatType).join(', ')}` };
    return a[0];
  },
  compile: (a) => {
    if (a[0].kind === 'VARBINARY') return (args) => (args[0] !== null && args[1] !== null && sameBytes(args[0] as Uint8Array, args[1] as Uint8Array) ? null : args[0]);
    if (a[0].kind === 'CHAR' || a[1].kind === 'CHAR')
      // CHAR comparison ignores trailing spaces (PAD SPACE).
      return (args) => (typeof args[0] === 'string' && typeof args[1] === 'string' && args[0].trimEnd() === args[1].trimEnd() ? null : args[0]);
    return (args) => (args[0] !== null && args[0] === args[1] ? null : args[0]);
  },
});

// ---------------------------------------------------------------- datetime functions

const patternCache = <F>(compile: (p: string) => F) =>
  lastCache((p: string) => {
    try {
      return compile(p);
    } catch (e) {
      if (e instanceof PatternError) throw invalid(e.message);
      throw e;
    }
  });

register({
  name: 'CHAR_TO_TIMESTAMP',
  minArgs: 2,
  maxArgs: 2,
  // KDA reference, "CHAR_TO_TIMESTAMP(format, string)": Java SimpleDateFormat patterns.
  returnType: (a) => {
    const e = checkArgs('CHAR_TO_TIMESTAMP', a, [[character, 'character']]);
    return e ? { error: e } : T.TIMESTAMP;
  },
  compile: () => {
    const parser = patternCache(compileParser);
    return strict2((format: string, text: string) => {
      const ms = parser(format)(text);
      if (ms === undefined)
        throw new SqlRuntimeError(ErrorNames.DATETIME_FORMAT, `Cannot convert '${text}' to TIMESTAMP with format '${format}'`);
      return ms;
    });
  },
});

register({
  name: 'TIMESTAMP_TO_CHAR',
  minArgs: 2,
  maxArgs: 2,
  returnType: (a) => {
    const e = checkArgs('TIMESTAMP_TO_CHAR', a, [[character, 'character'], [timestamp, 'timestamp']]);
    return e ? { error: e } : varchar(4096);
  },
  compile: () => {
    const formatter = patternCache(compileFormatter);
    // KDA reference, "TIMESTAMP_TO_CHAR": a NULL timestamp gives the string 'null'.
    return (args) => {
      const format = args[0] as string | null;
      const ts = args[1] as number | null;
      if (format === null) return null;
      return ts === null ? 'null' : formatter(format)(ts);
    };
  },
});

register({
  name: 'TO_TIMESTAMP',
  minArgs: 1,
  maxArgs: 1,
  // KDA reference, "TO_TIMESTAMP": milliseconds since the epoch (a BIGINT) to a TIMESTAMP.
  returnType: (a) => {
    const e = checkArgs('TO_TIMESTAMP', a, [[numeric, 'numeric']]);
    return e ? { error: e } : T.TIMESTAMP;
  },
  compile: () => strict1((x: number) => Math.trunc(x)),
});

register({
  name: 'UNIX_TIMESTAMP',
  minArgs: 1,
  maxArgs: 1,
  // KDA reference, "UNIX_TIMESTAMP": a TIMESTAMP to milliseconds since the epoch (BIGINT).
  returnType: (a) => {
    const e = checkArgs('UNIX_TIMESTAMP', a, [[timestamp, 'timestamp']]);
    return e ? { error: e } : T.BIGINT;
  },
  compile: () => strict1((x: number) => x),
});

register({
  name: 'TSDIFF',
  minArgs: 2,
  maxArgs: 2,
  // KDA reference, "TSDIFF(startTime, endTime)": the difference in milliseconds, NULL if either is NULL;
  // the arguments are documented as epoch milliseconds (BIGINT), and TIMESTAMPs are accepted too.
  returnType: (a) => {
    const e = checkArgs('TSDIFF', a, [[(t) => timestamp(t) || isIntegral(t), 'timestamp']]);
    return e ? { error: e } : T.BIGINT;
  },
  compile: () => strict2((x: number, y: number) => x - y),
});
