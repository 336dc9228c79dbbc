import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { operations as cloudWatchOperations } from '../cloudwatch/service';
import { operations as kinesisOperations } from '../kinesis/service';
import { AwsError } from './errors';
import { SeededRng } from './rng';
import { sampleInput } from './shapeSamples';
import { checkTypes, checkValidations, validate, type Shapes } from './validation';

/**
 * The validation framework has two paths over the same shapes: the declarative walk (checkTypes,
 * then checkValidations), which builds AWS's messages, and the compiled one-pass check that
 * `validate` runs first so valid requests cost little. They must never disagree.
 */
type Outcome = { ok: true; data: unknown } | { ok: false; code: string; message: string };

/** A deep copy that shares the (immutable) strings, so megabyte Blobs cost nothing to copy. */
const copy = (v: unknown): any =>
  Array.isArray(v)
    ? v.map(copy)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]))
      : v;

const run = (f: (data: Record<string, unknown>) => void, input: Record<string, unknown>): Outcome => {
  const data = copy(input);
  try {
    f(data);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AwsError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
};

const declarative = (shapes: Shapes) => (data: Record<string, unknown>) => {
  checkTypes(data, shapes);
  checkValidations(data, shapes);
};
const compiled = (shapes: Shapes) => (data: Record<string, unknown>) => validate(data, shapes);

const SAMPLES = 200;

const services: [string, Readonly<Record<string, { shapes: Shapes }>>][] = [
  ['Kinesis', kinesisOperations],
  ['CloudWatch', cloudWatchOperations],
];

describe.each(services)('%s: the compiled and declarative validation paths agree', (_service, operations) => {
  it.each(Object.keys(operations))('%s', (op) => {
    const shapes = operations[op].shapes;
    const rng = new SeededRng(op.length * 7919 + op.charCodeAt(0));
    const seen = { ok: 0, ValidationException: 0, SerializationException: 0 };
    for (let i = 0; i < SAMPLES; i++) {
      // Half the samples keep every constraint the candidates allow; the rest go anywhere.
      const input = sampleInput(rng, shapes, { valid: i % 2 === 0 });
      const a = run(declarative(shapes), input);
      const b = run(compiled(shapes), input);
      if (!isDeepStrictEqual(a, b)) {
        // The input in the failure message, so a disagreement can be replayed.
        expect({ input, compiled: b }).toEqual({ input, compiled: a });
      }
      if (a.ok) seen.ok++;
      else seen[a.code as 'ValidationException' | 'SerializationException']++;
    }
    // The samples reach both sides of the rules: accepted requests, and both kinds of refusal.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.ValidationException).toBeGreaterThan(0);
    expect(seen.SerializationException).toBeGreaterThan(0);
  });
});
