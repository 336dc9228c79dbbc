/**
 * Kinesis Data Generator's own helpers, on top of faker.js 3.1 (KDG web/js/faker.js and its help
 * page): current.timestamp, date.now/utc/simTime (moment-style formats, here through dayjs),
 * random.number (faker 3 semantics: inclusive max, `precision` as a step), random.arrayElement,
 * random.weightedArrayElement, random.uuid, internet.session, address.nearbyGPSCoordinate.
 */
import dayjs from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import utc from 'dayjs/plugin/utc';
import { randomHex, randomUuid } from '../../../common/rng';
import { ArgError, isPlainObject, optNum, type Compiled, type HelperDef, type RenderContext } from './types';

dayjs.extend(utc);
dayjs.extend(advancedFormat);

/** Number of decimals a precision asks for: 0.01 -> 2, 1 -> 0, 1e-7 -> 7. */
export const decimalsOf = (precision: number): number => {
  if (!(precision > 0) || precision >= 1) return 0;
  const s = String(precision);
  const e = s.indexOf('e-');
  if (e >= 0) return Number(s.slice(e + 2)) + (s.slice(0, e).split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
};

export interface NumberSpec {
  min: number;
  max: number;
  precision: number;
}

/** `random.number(n)` or `random.number({"min","max","precision"})`: faker 3's defaults 0..99999 step 1. */
export const numberSpec = (arg: unknown): NumberSpec => {
  let min = 0;
  let max = 99999;
  let precision = 1;
  if (typeof arg === 'number') max = arg;
  else if (isPlainObject(arg)) {
    for (const key of Object.keys(arg)) {
      if (key !== 'min' && key !== 'max' && key !== 'precision')
        throw new ArgError(`random.number: unknown option "${key}" (use min, max, precision)`);
      const v = arg[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgError(`random.number: ${key} must be a number`);
    }
    min = (arg.min as number | undefined) ?? 0;
    max = (arg.max as number | undefined) ?? 99999;
    precision = (arg.precision as number | undefined) ?? 1;
  } else if (arg !== undefined && arg !== null) {
    const n = Number(arg);
    if (typeof arg === 'string' && arg.trim() !== '' && Number.isFinite(n)) max = n;
    else throw new ArgError('random.number expects a number or {"min":..,"max":..,"precision":..}');
  }
  if (!(precision > 0)) throw new ArgError('random.number: precision must be greater than 0');
  if (min > max) throw new ArgError(`random.number: min (${min}) is greater than max (${max})`);
  return { min, max, precision };
};

/** Picks min + k*precision, k uniform over every step that stays <= max (max included, as in faker 3). */
export const numberFn = (spec: NumberSpec): Compiled => {
  const { min, max, precision } = spec;
  if (precision === 1 && Number.isInteger(min) && Number.isInteger(max)) {
    const span = max - min + 1;
    return (ctx) => min + Math.floor(ctx.rng.next() * span);
  }
  const steps = Math.floor((max - min) / precision + 1e-9) + 1;
  const scale = 10 ** decimalsOf(precision);
  return (ctx) => Math.round((min + Math.floor(ctx.rng.next() * steps) * precision) * scale) / scale;
};

const arraySpec = (arg: unknown): unknown[] => {
  if (arg === undefined) return ['a', 'b', 'c']; // faker 3's default
  if (!Array.isArray(arg)) throw new ArgError('random.arrayElement expects a JSON array, e.g. ["OK","FAIL"]');
  if (arg.length === 0) throw new ArgError('random.arrayElement: the array is empty');
  return arg;
};

const arrayFn = (items: unknown[]): Compiled => {
  const n = items.length;
  return (ctx) => items[Math.floor(ctx.rng.next() * n)];
};

/** `{"weights":[0.3,0.2,0.5],"data":["cat","fish","dog"]}`: weights need not add up to 1. */
const weightedSpec = (arg: unknown): { cumulative: number[]; data: unknown[] } => {
  const o = arg === undefined ? { weights: [0.5, 0.5], data: ['dog', 'cat'] } : arg;
  const usage = 'random.weightedArrayElement expects {"weights":[..],"data":[..]}';
  if (!isPlainObject(o) || !Array.isArray(o.weights) || !Array.isArray(o.data)) throw new ArgError(usage);
  if (o.weights.length !== o.data.length)
    throw new ArgError(`random.weightedArrayElement: ${o.weights.length} weights for ${o.data.length} data items`);
  if (o.data.length === 0) throw new ArgError('random.weightedArrayElement: data is empty');
  const cumulative: number[] = [];
  let total = 0;
  for (const w of o.weights) {
    if (typeof w !== 'number' || !(w >= 0) || !Number.isFinite(w))
      throw new ArgError('random.weightedArrayElement: weights must be numbers >= 0');
    total += w;
    cumulative.push(total);
  }
  if (!(total > 0)) throw new ArgError('random.weightedArrayElement: the weights add up to 0');
  return { cumulative: cumulative.map((c) => c / total), data: o.data };
};

const weightedFn = ({ cumulative, data }: { cumulative: number[]; data: unknown[] }): Compiled => {
  const last = data.length - 1;
  return (ctx) => {
    const r = ctx.rng.next();
    for (let i = 0; i < last; i++) if (r < cumulative[i]) return data[i];
    return data[last];
  };
};

const formatArg = (name: string, arg: unknown): string | undefined => {
  if (arg === undefined || arg === null || arg === '') return undefined;
  if (typeof arg === 'string') return arg;
  throw new ArgError(`${name} expects a date format such as "YYYY-MM-DD HH:mm:ss"`);
};

/** moment's `format()` with no argument: ISO 8601 with the offset, e.g. 2014-09-08T08:02:17-05:00. */
const dateNow = (fmt: string | undefined): Compiled => (ctx) => dayjs(ctx.clock.now()).format(fmt);
const dateSim: Compiled = (ctx) => dayjs(ctx.simClock.now()).format();
// moment's utc().format() ends in Z rather than +00:00
const dateUtc = (fmt: string | undefined): Compiled => {
  const f = fmt ?? 'YYYY-MM-DDTHH:mm:ss[Z]';
  return (ctx) => dayjs.utc(ctx.clock.now()).format(f);
};

/** Wraps a one-argument builder as a helper whose literal argument is digested at compile time. */
const digested = <S>(spec: (arg: unknown) => S, fn: (s: S) => Compiled): HelperDef => ({
  call: (ctx, args) => fn(spec(args[0]))(ctx),
  prepare: (args) => fn(spec(args[0])),
});

const gpsCoordinate = (ctx: RenderContext, args: unknown[]): string => {
  // faker 4's signature nearbyGPSCoordinate(coordinate, radius, isMetric), or one object
  // {"coordinate"|"origin": [lat, lng], "radius": miles (km when isMetric), "isMetric": bool}.
  let origin: unknown = args[0];
  let radius: unknown = args[1];
  let isMetric: unknown = args[2];
  if (isPlainObject(args[0])) {
    const o = args[0];
    origin = o.coordinate ?? o.origin ?? (o.latitude !== undefined ? [o.latitude, o.longitude] : undefined);
    radius = o.radius;
    isMetric = o.isMetric;
  }
  const r = optNum(radius) ?? 10;
  let pair: [number, number];
  if (Array.isArray(origin) && origin.length === 2) {
    const lat = Number(origin[0]);
    const lng = Number(origin[1]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng))
      throw new ArgError('address.nearbyGPSCoordinate: the coordinate must be [latitude, longitude]');
    pair = ctx.faker.location.nearbyGPSCoordinate({ origin: [lat, lng], radius: r, isMetric: Boolean(isMetric) });
  } else if (origin === undefined) pair = [ctx.faker.location.latitude(), ctx.faker.location.longitude()];
  else throw new ArgError('address.nearbyGPSCoordinate: the coordinate must be [latitude, longitude]');
  return `${pair[0].toFixed(4)},${pair[1].toFixed(4)}`;
};

export const kdgHelpers: Record<string, HelperDef> = {
  // KDG rewrites {{current.timestamp}} to {{date.now}} before rendering (producer.js, getCleanedTemplate).
  'current.timestamp': { call: (ctx) => dateNow(undefined)(ctx), prepare: () => dateNow(undefined) },
  'date.now': {
    call: (ctx, a) => dateNow(formatArg('date.now', a[0]))(ctx),
    prepare: (a) => dateNow(formatArg('date.now', a[0])),
  },
  'date.utc': {
    call: (ctx, a) => dateUtc(formatArg('date.utc', a[0]))(ctx),
    prepare: (a) => dateUtc(formatArg('date.utc', a[0])),
  },
  // KDG's simulated time ("Lock to real time" off): the second a backfill is generating, else now.
  'date.simTime': { call: (ctx) => dateSim(ctx), prepare: () => dateSim },
  // random.number(5, 10) is read as min 5, max 10 (faker 3 would have ignored the 10)
  'random.number': {
    call: (ctx, a) => numberFn(numberSpec(a.length >= 2 ? { min: a[0], max: a[1], precision: a[2] ?? 1 } : a[0]))(ctx),
    prepare: (a) => numberFn(numberSpec(a.length >= 2 ? { min: a[0], max: a[1], precision: a[2] ?? 1 } : a[0])),
  },
  'random.arrayElement': digested(arraySpec, arrayFn),
  'random.weightedArrayElement': digested(weightedSpec, weightedFn),
  'random.uuid': { call: (ctx) => randomUuid(ctx.rng) },
  // A web-session id: 32 hex characters (KDG documents the name only).
  'internet.session': { call: (ctx) => randomHex(ctx.rng, 32) },
  'address.nearbyGPSCoordinate': {
    call: gpsCoordinate,
    prepare: (args) => {
      const probe = args[0];
      if (probe !== undefined && !isPlainObject(probe) && !Array.isArray(probe))
        throw new ArgError('address.nearbyGPSCoordinate expects {"coordinate":[lat,lng],"radius":10}');
      return (ctx) => gpsCoordinate(ctx, args);
    },
  },
};
