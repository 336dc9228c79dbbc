/**
 * Aggregate functions (KDA SQL reference, "Aggregate Functions"): used by tumbling GROUP BY,
 * stagger windows and, with OVER, sliding windows. An accumulator lives per group; it is fed
 * values one by one (`add`) and read once per emission (`result`); `reset` reuses it.
 */
import { roundToScale } from './functions/cast';
import { formatType, isIntegral, isNumeric, T, type SqlType, type SqlValue } from './types';

export interface Accumulator {
  add(v: SqlValue, rowtime: number): void;
  result(): SqlValue;
  reset(): void;
}

export interface AggregateFunction {
  name: string;
  minArgs: number;
  maxArgs: number;
  returnType(argTypes: SqlType[]): SqlType | { error: string };
  /** A factory of fresh accumulators; `constArgs` are the literal extra arguments (EXP_AVG's interval). */
  create(argTypes: SqlType[], constArgs: SqlValue[]): () => Accumulator;
}

const needNumeric = (name: string, t: SqlType): { error: string } | undefined =>
  isNumeric(t) || t.kind === 'NULL' || t.kind === 'ANY' ? undefined : { error: `Cannot apply '${name}' to arguments of type '${name}(<${formatType(t)}>)'` };

class CountAcc implements Accumulator {
  n = 0;
  add(v: SqlValue) {
    if (v !== null) this.n++;
  }
  result() {
    return this.n;
  }
  reset() {
    this.n = 0;
  }
}

class CountDistinctAcc implements Accumulator {
  seen = new Set<SqlValue>();
  add(v: SqlValue) {
    if (v !== null) this.seen.add(v);
  }
  result() {
    return this.seen.size;
  }
  reset() {
    this.seen.clear();
  }
}

class SumAcc implements Accumulator {
  s = 0;
  n = 0;
  add(v: SqlValue) {
    if (v !== null) {
      this.s += v as number;
      this.n++;
    }
  }
  result(): SqlValue {
    return this.n === 0 ? null : this.s;
  }
  reset() {
    this.s = 0;
    this.n = 0;
  }
}

/** SUM of a DECIMAL(p,s) is exact to s places: binary drift (0.1 + 0.2) is rounded away. */
class DecimalSumAcc extends SumAcc {
  constructor(private readonly scale: number) {
    super();
  }
  override result(): SqlValue {
    return this.n === 0 ? null : roundToScale(this.s, this.scale);
  }
}

class AvgAcc extends SumAcc {
  /** `scale`: the argument's DECIMAL scale, or -1 for an approximate type. */
  constructor(
    private readonly integral: boolean,
    private readonly scale = -1,
  ) {
    super();
  }
  override result(): SqlValue {
    if (this.n === 0) return null;
    // AVG of an exact integer type keeps its type, truncating (SQL:2008 / Calcite, as SQLstream).
    if (this.integral) return Math.trunc(this.s / this.n);
    // AVG of DECIMAL(p,s) is a DECIMAL(p,s): the mean rounded to s places, as a cast to the type rounds.
    return this.scale >= 0 ? roundToScale(this.s / this.n, this.scale) : this.s / this.n;
  }
}

class MinMaxAcc implements Accumulator {
  v: SqlValue = null;
  constructor(private readonly max: boolean) {}
  add(v: SqlValue) {
    if (v === null) return;
    if (this.v === null || (this.max ? v > this.v : v < this.v)) this.v = v;
  }
  result() {
    return this.v;
  }
  reset() {
    this.v = null;
  }
}

class FirstLastAcc implements Accumulator {
  v: SqlValue = null;
  has = false;
  constructor(private readonly last: boolean) {}
  add(v: SqlValue) {
    if (this.last || !this.has) {
      this.v = v;
      this.has = true;
    }
  }
  result() {
    return this.v;
  }
  reset() {
    this.v = null;
    this.has = false;
  }
}

/** Welford's running variance. */
class VarianceAcc implements Accumulator {
  n = 0;
  mean = 0;
  m2 = 0;
  constructor(
    private readonly sample: boolean,
    private readonly sqrt: boolean,
  ) {}
  add(v: SqlValue) {
    if (v === null) return;
    const x = v as number;
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  result(): SqlValue {
    const div = this.sample ? this.n - 1 : this.n;
    if (div <= 0) return null;
    const v = this.m2 / div;
    return this.sqrt ? Math.sqrt(v) : v;
  }
  reset() {
    this.n = 0;
    this.mean = 0;
    this.m2 = 0;
  }
}

/**
 * EXP_AVG(x, half-life): an average where a value's weight halves every half-life interval
 * back from the newest row (KDA SQL reference, "EXP_AVG").
 */
class ExpAvgAcc implements Accumulator {
  num = 0;
  den = 0;
  t0 = NaN;
  constructor(private readonly halfLife: number) {}
  add(v: SqlValue, t: number) {
    if (v === null) return;
    if (Number.isNaN(this.t0)) this.t0 = t;
    const w = Math.pow(2, (t - this.t0) / this.halfLife);
    this.num += w * (v as number);
    this.den += w;
  }
  result(): SqlValue {
    return this.den === 0 ? null : this.num / this.den;
  }
  reset() {
    this.num = 0;
    this.den = 0;
    this.t0 = NaN;
  }
}

const sumType = (t: SqlType): SqlType =>
  isIntegral(t) ? T.BIGINT : t.kind === 'DECIMAL' ? { kind: 'DECIMAL', precision: 19, scale: t.scale } : t.kind === 'NULL' ? T.DOUBLE : T.DOUBLE;

export const aggregateFunctions = new Map<string, AggregateFunction>();
const reg = (f: AggregateFunction) => aggregateFunctions.set(f.name, f);

reg({ name: 'COUNT', minArgs: 0, maxArgs: 1, returnType: () => T.BIGINT, create: () => () => new CountAcc() });
reg({
  name: 'SUM',
  minArgs: 1,
  maxArgs: 1,
  returnType: (a) => needNumeric('SUM', a[0]) ?? sumType(a[0]),
  create: (a) => {
    const t = a[0];
    return t.kind === 'DECIMAL' ? () => new DecimalSumAcc(t.scale) : () => new SumAcc();
  },
});
reg({
  name: 'AVG',
  minArgs: 1,
  maxArgs: 1,
  returnType: (a) => needNumeric('AVG', a[0]) ?? (a[0].kind === 'NULL' ? T.DOUBLE : a[0]),
  create: (a) => () => new AvgAcc(isIntegral(a[0]), a[0].kind === 'DECIMAL' ? a[0].scale : -1),
});
for (const [name, max] of [
  ['MIN', false],
  ['MAX', true],
] as const)
  reg({ name, minArgs: 1, maxArgs: 1, returnType: (a) => a[0], create: () => () => new MinMaxAcc(max) });
for (const [name, last] of [
  ['FIRST_VALUE', false],
  ['LAST_VALUE', true],
] as const)
  reg({ name, minArgs: 1, maxArgs: 1, returnType: (a) => a[0], create: () => () => new FirstLastAcc(last) });
for (const [name, sample, sqrt] of [
  ['VAR_POP', false, false],
  ['VAR_SAMP', true, false],
  ['STDDEV_POP', false, true],
  ['STDDEV_SAMP', true, true],
  ['STDDEV', true, true],
  ['VARIANCE', true, false],
] as const)
  reg({
    name,
    minArgs: 1,
    maxArgs: 1,
    returnType: (a) => needNumeric(name, a[0]) ?? T.DOUBLE,
    create: () => () => new VarianceAcc(sample, sqrt),
  });
reg({
  name: 'EXP_AVG',
  minArgs: 2,
  maxArgs: 2,
  returnType: (a) =>
    needNumeric('EXP_AVG', a[0]) ?? (a[1].kind === 'INTERVAL_DAY_TIME' ? T.DOUBLE : { error: 'EXP_AVG expects an INTERVAL DAY TO SECOND literal as its second argument' }),
  create: (_a, c) => () => new ExpAvgAcc((c[1] as number) || 1),
});

export const makeCountDistinct = (): Accumulator => new CountDistinctAcc();

/** Analytic-only functions (need OVER). */
export const ANALYTIC_ONLY = new Set(['LAG']);
