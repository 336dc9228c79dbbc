import { AwsError } from '../common/errors';
import type { Dimension } from '../common/metrics';
import { validationError } from './errors';

/** CloudWatch's StandardUnit enum, in the model's order. */
export const standardUnits = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
] as const;

export const basicStatistics = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type BasicStatistic = (typeof basicStatistics)[number];
export const isBasicStatistic = (s: unknown): s is BasicStatistic =>
  typeof s === 'string' && (basicStatistics as readonly string[]).includes(s);

/**
 * Shape violations in AWS's framework wording, collected and thrown together:
 * `2 validation errors detected: Value 'x' at 'namespace' failed to satisfy constraint: ...; ...`
 * (the awsQuery code is ValidationError; the same wording Kinesis uses for ValidationException).
 */
export class ShapeErrors {
  private readonly messages: string[] = [];

  add(value: unknown, path: string, constraint: string): void {
    this.messages.push(`Value ${renderValue(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  notNull(value: unknown, path: string): boolean {
    if (value === undefined || value === null) {
      this.add(null, path, 'Member must not be null');
      return false;
    }
    return true;
  }

  length(value: unknown, path: string, min: number, max: number): void {
    if (typeof value !== 'string') return;
    if (value.length < min) this.add(value, path, `Member must have length greater than or equal to ${min}`);
    if (value.length > max) this.add(value, path, `Member must have length less than or equal to ${max}`);
  }

  enumValue(value: unknown, path: string, allowed: readonly string[]): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add(value, path, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
    }
  }

  min(value: unknown, path: string, min: number): void {
    if (typeof value === 'number' && value < min) {
      this.add(value, path, `Member must have value greater than or equal to ${min}`);
    }
  }

  throwIfAny(): void {
    const n = this.messages.length;
    if (n === 0) return;
    throw validationError(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.messages.join('; ')}`);
  }
}

const renderValue = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return `'${String(v)}'`;
  return `'${JSON.stringify(v)}'`;
};

/** The request body does not match the operation's shape (a wrong JSON type). */
const serialization = (): AwsError => new AwsError('SerializationException', '');

export const optString = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw serialization();
  return v;
};

export const optNumber = (v: unknown): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw serialization();
  return v;
};

export const optBoolean = (v: unknown): boolean | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw serialization();
  return v;
};

export const optArray = (v: unknown): unknown[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw serialization();
  return v;
};

export const optObject = (v: unknown): Record<string, unknown> | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw serialization();
  return v as Record<string, unknown>;
};

/**
 * A timestamp as awsJson1_0 carries it: epoch seconds as a number (what the SDK sends,
 * possibly fractional). ISO-8601 strings are accepted too, for hand-written requests.
 * Returns epoch milliseconds.
 */
export const optTimestamp = (v: unknown): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v * 1000);
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return ms;
  }
  throw serialization();
};

/** Dimensions as {Name, Value} pairs; shape limits: Name 1-255, Value 1-1024, at most 30 (the CloudWatch model). */
export const dimensionList = (v: unknown, path: string, errors: ShapeErrors): Dimension[] => {
  const list = optArray(v) ?? [];
  if (list.length > 30) errors.add(list, path, 'Member must have length less than or equal to 30');
  return list.map((item, i) => {
    const o = optObject(item) ?? {};
    const name = optString(o.Name);
    const value = optString(o.Value);
    const p = `${path}.${i + 1}.member`;
    if (errors.notNull(name, `${p}.name`)) errors.length(name, `${p}.name`, 1, 255);
    if (errors.notNull(value, `${p}.value`)) errors.length(value, `${p}.value`, 1, 1024);
    return { Name: name ?? '', Value: value ?? '' };
  });
};

/** Valid periods: 1, 5, 10, 20, 30 (high resolution) or a multiple of 60 (CloudWatch API reference, Period). */
export const isValidPeriod = (p: number): boolean =>
  Number.isInteger(p) && (p === 1 || p === 5 || p === 10 || p === 20 || p === 30 || (p >= 60 && p % 60 === 0));

/** Small, stable, non-cryptographic hash (FNV-1a) for binding a NextToken to its request. */
export const fnv1a = (s: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
};

const b64encode = (s: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const b64decode = (s: string): string => new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));

export const encodeToken = (o: unknown): string => b64encode(JSON.stringify(o));
export const decodeToken = (token: string): unknown => {
  try {
    return JSON.parse(b64decode(token));
  } catch {
    return undefined;
  }
};
