/**
 * S3 object keys as Firehose writes them: `<evaluated prefix><stream name>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>[.gz]`
 * (Developer Guide, "Amazon S3 object name format"), with `!{namespace:value}` expressions in Prefix and
 * ErrorOutputPrefix evaluated at delivery time and checked at configuration time by the rules of
 * "Custom prefixes for Amazon S3 objects" (its "Semantic rules").
 */
import { randomUuid, type Rng } from '../common/rng';
import { fErr } from './errors';

/** `!{namespace:value}`. */
const EXPRESSION = /!\{([^:}]*):([^}]*)\}/g;
/** "If you specify a prefix that doesn't contain a timestamp namespace expression, Firehose appends" this. */
const DEFAULT_TIME_PATH = 'yyyy/MM/dd/HH/';
/** "Neither Prefix nor ErrorOutputPrefix can be greater than 512 characters after they're evaluated." */
const MAX_EVALUATED = 512;
const ERROR_OUTPUT_TYPE = '!{firehose:error-output-type}';

export type ErrorOutputType = 'processing-failed';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const dayOfYear = (d: Date): number =>
  Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;

/** One run of a pattern letter, as Java's DateTimeFormatter prints it (the letters Firehose prefixes use). */
const field = (letter: string, count: number, d: Date): string | undefined => {
  switch (letter) {
    case 'y':
    case 'u':
      return count === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), count);
    case 'M':
      return count === 3
        ? MONTHS[d.getUTCMonth()].slice(0, 3)
        : count === 4
          ? MONTHS[d.getUTCMonth()]
          : count <= 2
            ? pad(d.getUTCMonth() + 1, count)
            : undefined;
    case 'd':
      return count <= 2 ? pad(d.getUTCDate(), count) : undefined;
    case 'D':
      return count <= 3 ? pad(dayOfYear(d), count) : undefined;
    case 'H':
      return count <= 2 ? pad(d.getUTCHours(), count) : undefined;
    case 'm':
      return count <= 2 ? pad(d.getUTCMinutes(), count) : undefined;
    case 's':
      return count <= 2 ? pad(d.getUTCSeconds(), count) : undefined;
    case 'S':
      return count <= 9 ? pad(d.getUTCMilliseconds(), 3).padEnd(count, '0').slice(0, count) : undefined;
    default:
      return undefined;
  }
};

/**
 * A Java DateTimeFormatter pattern applied to `t` in UTC: letters are fields, text in single quotes is
 * literal (`''` is a quote), anything else is copied. Undefined when the pattern uses a letter it cannot print.
 */
export const formatTimestamp = (pattern: string, t: number): string | undefined => {
  const d = new Date(t);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) return undefined;
      out += pattern.slice(i + 1, end);
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const f = field(c, j - i, d);
      if (f === undefined) return undefined;
      out += f;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
};

/** The suffix's time: `yyyy-MM-dd-HH-mm-ss` in UTC. */
export const objectTime = (t: number): string => formatTimestamp('yyyy-MM-dd-HH-mm-ss', t)!;

const hasExpressions = (p: string | undefined): boolean => p !== undefined && p.includes('!{');

/**
 * Evaluates the expressions of `template` at `t` (the oldest record's arrival). Every timestamp expression
 * reads the same instant; every random-string is drawn anew (Custom prefixes, the firehose namespace).
 */
const evaluate = (template: string, t: number, rng: Rng, errorType?: ErrorOutputType): string =>
  template.replace(EXPRESSION, (_, ns: string, value: string) => {
    if (ns === 'timestamp') return formatTimestamp(value, t) ?? '';
    if (value === 'random-string') return randomUuid(rng).replace(/-/g, '').slice(0, 11);
    return errorType ?? '';
  });

/** The evaluated prefix of delivered objects: Prefix, with `yyyy/MM/dd/HH/` appended when it has no timestamp expression. */
export const dataPrefix = (prefix: string | undefined, t: number, rng: Rng): string => {
  const p = prefix ?? '';
  return evaluate(p.includes('!{timestamp:') ? p : p + `!{timestamp:${DEFAULT_TIME_PATH}}`, t, rng);
};

/**
 * The evaluated prefix of records that failed: ErrorOutputPrefix, or with none (allowed only when Prefix
 * has no expressions) `<Prefix><error-output-type>/yyyy/MM/dd/HH/`.
 */
export const errorPrefix = (
  prefix: string | undefined,
  errorOutputPrefix: string | undefined,
  type: ErrorOutputType,
  t: number,
  rng: Rng,
): string =>
  errorOutputPrefix
    ? evaluate(errorOutputPrefix, t, rng, type)
    : evaluate(`${prefix ?? ''}${ERROR_OUTPUT_TYPE}/!{timestamp:${DEFAULT_TIME_PATH}}`, t, rng, type);

/** The object key Firehose writes: `<evaluated prefix><name>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><extension>`. */
export const objectKey = (
  evaluatedPrefix: string,
  streamName: string,
  version: string,
  t: number,
  rng: Rng,
  extension: string,
): string => `${evaluatedPrefix}${streamName}-${version}-${objectTime(t)}-${randomUuid(rng)}${extension}`;

/** Checks one prefix's expressions: namespaces and values Firehose knows, and `!{` nowhere else. */
const checkExpressions = (field: 'Prefix' | 'ErrorOutputPrefix', p: string): void => {
  const rest = p.replace(EXPRESSION, (whole, ns: string, value: string) => {
    if (ns === 'timestamp') {
      if (formatTimestamp(value, 0) === undefined)
        throw fErr.invalidArgument(`The expression ${whole} in ${field} is not a valid timestamp format.`);
    } else if (ns === 'firehose') {
      if (value !== 'random-string' && value !== 'error-output-type')
        throw fErr.invalidArgument(`The expression ${whole} in ${field} is not supported.`);
    } else if (ns === 'partitionKeyFromQuery' || ns === 'partitionKeyFromLambda') {
      throw fErr.invalidArgument(
        `The expression ${whole} in ${field} needs dynamic partitioning, which the emulator does not have.`,
      );
    } else {
      throw fErr.invalidArgument(`The expression ${whole} in ${field} has an unknown namespace.`);
    }
    return '';
  });
  // "The sequence !{ can only appear in !{namespace:value} expressions."
  if (rest.includes('!{'))
    throw fErr.invalidArgument(
      `${field} can contain the sequence !{ only in !{namespace:value} expressions.`,
    );
};

/** Random strings have a fixed length, so any draw measures an evaluated prefix. */
const FIXED: Rng = { next: () => 0 };

/** The semantic rules of Prefix and ErrorOutputPrefix (texts in the guide's words; the one with an example there is AWS's). */
export const checkPrefixes = (
  prefix: string | undefined,
  errorOutputPrefix: string | undefined,
  now: number,
): void => {
  if (prefix) checkExpressions('Prefix', prefix);
  if (errorOutputPrefix) checkExpressions('ErrorOutputPrefix', errorOutputPrefix);
  if (prefix?.includes(ERROR_OUTPUT_TYPE))
    throw fErr.invalidArgument(`Prefix can't contain ${ERROR_OUTPUT_TYPE}`);
  if (hasExpressions(prefix) && !errorOutputPrefix)
    throw fErr.invalidArgument("ErrorOutputPrefix can't be null when Prefix contains expressions");
  if (hasExpressions(errorOutputPrefix) && !errorOutputPrefix!.includes(ERROR_OUTPUT_TYPE))
    throw fErr.invalidArgument(
      `ErrorOutputPrefix must contain at least one instance of ${ERROR_OUTPUT_TYPE} when it contains expressions`,
    );
  if (
    dataPrefix(prefix, now, FIXED).length > MAX_EVALUATED ||
    errorPrefix(prefix, errorOutputPrefix, 'processing-failed', now, FIXED).length > MAX_EVALUATED
  )
    throw fErr.invalidArgument(
      `Neither Prefix nor ErrorOutputPrefix can be greater than ${MAX_EVALUATED} characters after they're evaluated.`,
    );
};
