import type { Rng } from './rng';
import { constraintProblems, type FieldShape, type Shapes } from './validation';

/**
 * Request bodies for testing validation: each member's value picked from candidates on both sides
 * of every constraint (lengths min-1..max+1, range ends and beyond, enum values and near misses,
 * strings that do and do not match the patterns, wrong JSON types, nulls), or, with `valid`, only
 * from candidates that keep every constraint. Repeatable with a seeded Rng. For tests only.
 */
export interface SampleOptions {
  /** Only values that satisfy the shapes (where the candidates hold one). */
  valid: boolean;
}

interface Ctx extends SampleOptions {
  rng: Rng;
  depth: number;
  /** Inside a long list: keep values short so the request stays small. */
  small: boolean;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];

// Strings that exercise the patterns the services use (names, ARNs, hash keys, ids) and their misses.
const STRING_POOL = [
  '',
  'a',
  'abc',
  'My_Stream-1.0',
  'bad name!',
  'é',
  '\ud800x',
  '0',
  '1',
  '01',
  '123',
  '9'.repeat(39),
  '9'.repeat(40),
  'shardId-000000000001',
  'arn:aws:kinesis:us-east-1:000000000000:stream/s',
  'arn:aws-cn:kinesis:cn-north-1:123456789012:stream/my.stream',
  'arn:aws:kinesis:us-east-1:12:stream/s',
  'arn:aws:kinesis:us-east-1:000000000000:stream/',
  'arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1767225600',
  'arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/:1767225600',
  'PT3H',
  'Count',
  'Bytes/Second',
];

const WRONG_TYPES: readonly unknown[] = [1, 2.5, true, 'text', {}, []];

const BASE64 = ['', 'AA==', 'AAA=', 'AAAA', 'QUJD', 'abc', 'ab!d', 'AB==', 'AAB='];

const b64Cache = new Map<number, string>();
/** A canonical Base64 string that decodes to `n` zero bytes. */
const b64OfLength = (n: number): string => {
  let s = b64Cache.get(n);
  if (s === undefined) b64Cache.set(n, (s = 'A'.repeat(4 * Math.floor(n / 3)) + ['', 'AA==', 'AAA='][n % 3]));
  return s;
};

const around = (n: number | undefined): number[] => (n === undefined ? [] : [n - 1, n, n + 1]);

/** The shape's own constraints, without its members'. */
const flat = (shape: FieldShape): FieldShape => {
  const { children: _children, ...rest } = shape;
  return rest;
};

/** Candidates, narrowed to the ones that keep the shape's own constraints when `valid` (if any do). */
const choose = <T>(c: Ctx, shape: FieldShape, candidates: readonly T[]): T => {
  if (c.valid) {
    const f = flat(shape);
    const good = candidates.filter((v) => constraintProblems(v, f).length === 0);
    if (good.length > 0) return pick(c.rng, good);
  }
  return pick(c.rng, candidates);
};

const stringCandidates = (shape: FieldShape, small: boolean): string[] => {
  const out = [...STRING_POOL];
  for (const n of [...around(shape.lengthGreaterThanOrEqual), ...around(shape.lengthLessThanOrEqual)]) {
    if (n >= 0 && n <= (small ? 300 : 2100)) out.push('x'.repeat(n));
  }
  if (shape.enum) for (const e of shape.enum) out.push(e, e, e.toLowerCase(), `${e}X`);
  return out;
};

const numberCandidates = (shape: FieldShape): number[] => [
  0,
  1,
  -1,
  1.5,
  60,
  2147483647,
  2147483648,
  1e12,
  -1e12,
  ...around(shape.greaterThanOrEqual),
  ...around(shape.lessThanOrEqual),
];

const value = (c: Ctx, shape: FieldShape): unknown => {
  const { rng } = c;
  const inner: Ctx = { ...c, depth: c.depth + 1 };
  switch (shape.type) {
    case 'String':
      return choose(c, shape, stringCandidates(shape, c.small));
    case 'Integer':
    case 'Long':
    case 'Double':
      return choose(c, shape, numberCandidates(shape));
    case 'Boolean':
      return rng.next() < 0.5;
    case 'Timestamp':
      return pick(rng, [0, 1_700_000_000, 1_700_000_000.5]);
    case 'Blob': {
      // Values near a large limit (1 MiB) are rare, and never inside long lists.
      const lengths = [
        ...around(shape.lengthGreaterThanOrEqual),
        ...around(shape.lengthLessThanOrEqual),
      ].filter((n) => n >= 0);
      const big = !c.small && lengths.length > 0 && rng.next() < 0.1;
      const candidates = big ? lengths.map(b64OfLength) : c.valid ? BASE64.slice(0, 5) : BASE64;
      return choose(c, shape, candidates);
    }
    case 'List': {
      const member = shape.children as FieldShape | undefined;
      const sizes = [
        0,
        1,
        2,
        3,
        ...around(shape.lengthGreaterThanOrEqual),
        ...around(shape.lengthLessThanOrEqual),
      ].filter((n) => n >= 0 && n <= 1001 && (c.depth < 2 || n <= 2));
      const ok = c.valid
        ? sizes.filter(
            (n) =>
              constraintProblems(new Array(n).fill(''), { type: 'List', ...sizeRules(shape) }).length === 0,
          )
        : [];
      const n = pick(rng, ok.length > 0 ? ok : sizes);
      if (!member) return Array.from({ length: n }, () => pick(rng, STRING_POOL));
      if (n > 12) {
        // Long lists repeat one short member value.
        const one = value({ ...inner, small: true }, member);
        return Array.from({ length: n }, () => structuredClone(one));
      }
      return Array.from({ length: n }, () =>
        !c.valid && rng.next() < 0.05 ? null : memberValue(inner, member),
      );
    }
    case 'Map': {
      const member = shape.children as FieldShape | undefined;
      const sizes = [
        0,
        1,
        2,
        ...around(shape.lengthGreaterThanOrEqual),
        ...around(shape.lengthLessThanOrEqual),
      ].filter(
        (n) =>
          n >= 0 &&
          n <= 201 &&
          (!c.valid ||
            ((shape.lengthGreaterThanOrEqual ?? 0) <= n && n <= (shape.lengthLessThanOrEqual ?? n))),
      );
      const n = sizes.length > 0 ? pick(rng, sizes) : 1;
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const key = !c.valid && rng.next() < 0.1 ? pick(rng, ['', 'k'.repeat(129), 'key']) : `k${i}`;
        o[key] = member ? memberValue(inner, member) : 'v';
      }
      return o;
    }
    case 'Structure':
      return members(inner, shape.children as Shapes);
  }
};

const sizeRules = (shape: FieldShape): Partial<FieldShape> => ({
  lengthGreaterThanOrEqual: shape.lengthGreaterThanOrEqual,
  lengthLessThanOrEqual: shape.lengthLessThanOrEqual,
});

const memberValue = (c: Ctx, shape: FieldShape): unknown =>
  !c.valid && c.rng.next() < 0.04 ? pick(c.rng, WRONG_TYPES) : value(c, shape);

const members = (c: Ctx, shapes: Shapes): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shapes)) {
    const shape = shapes[key];
    const r = c.rng.next();
    if (c.valid) {
      if (shape.required || shape.notNull || r < 0.5) out[key] = value(c, shape);
      continue;
    }
    if (r < 0.15) continue;
    out[key] = r < 0.2 ? null : r < 0.24 ? pick(c.rng, WRONG_TYPES) : value(c, shape);
  }
  return out;
};

/** One request body for `shapes`. */
export const sampleInput = (
  rng: Rng,
  shapes: Shapes,
  options: SampleOptions = { valid: false },
): Record<string, unknown> => members({ ...options, rng, depth: 0, small: false }, shapes);
