import type { Faker } from '@faker-js/faker';
import type { Clock } from '../../../common/clock';
import type { Rng } from '../../../common/rng';

/** What a compiled helper sees while one record renders. */
export interface RenderContext {
  faker: Faker;
  rng: Rng;
  clock: Clock;
  /** The simulated time `date.simTime` reads: a backfill's simulated second, else `clock`. */
  simClock: Clock;
  /** Values kept with var.set / var.let; cleared before each record. */
  vars: Map<string, unknown>;
  /** One slot per sequence.next call site; lives as long as the renderer (a run). */
  counters: number[];
}

export type Compiled = (ctx: RenderContext) => unknown;

export interface HelperDef {
  /** Runs with the evaluated arguments (literals, or values of nested calls). */
  call: (ctx: RenderContext, args: unknown[]) => unknown;
  /**
   * Runs once at compile time when every argument is a literal: checks them (throw ArgError)
   * and may return a faster function with the arguments already digested.
   */
  prepare?: (args: unknown[]) => Compiled | void;
}

/** A bad argument, reported as a TemplateError at the call. */
export class ArgError extends Error {}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const num = (v: unknown, fallback: number): number => {
  if (v === undefined || v === null || v === '') return fallback;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : fallback;
};

export const optNum = (v: unknown): number | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

export const optStr = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);

/** Uniform integer in [min, max] from the injected Rng. */
export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng.next() * (max - min + 1));

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];
