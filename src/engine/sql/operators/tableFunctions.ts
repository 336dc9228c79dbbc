/**
 * Table functions read through CURSOR(SELECT STREAM ...): TOP_K_ITEMS_TUMBLING,
 * COUNT_DISTINCT_ITEMS_TUMBLING, RANDOM_CUT_FOREST and RANDOM_CUT_FOREST_WITH_EXPLANATION
 * (KDA SQL reference, "Analytic Functions" and "Machine Learning Functions").
 */
import type { Rng } from '../../common/rng';
import { SeededRng } from '../../common/rng';
import type { Clock } from '../../common/clock';
import type { Row } from '../compile';
import { analysisError, type Loc } from '../errors';
import { RandomCutForest } from '../rcf';
import { isNumeric, T, type SqlType, type SqlValue } from '../types';
import { CountDistinctItems, TopKItems } from './tumblingItems';
import { RandomCutForestOperator } from './randomCutForest';
import type { ErrorReporter, Operator } from './operator';

export interface TableFunctionEnv {
  clock: Clock;
  report: ErrorReporter;
  rng?: Rng;
}

export interface MadeTableFunction {
  /** Receives the cursor's rows. */
  op: Operator;
  /** The function's output link (set by the planner). */
  out: { target: Operator } & Operator;
  columns: { name: string; type: SqlType }[];
}

const columnArg = (input: { name: string; type: SqlType }[], v: SqlValue, fn: string, loc: Loc): number => {
  if (typeof v !== 'string') throw analysisError(`${fn} expects the column name as a quoted string, for example 'ticker_symbol'`, loc);
  const i = input.findIndex((c) => c.name === v) >= 0 ? input.findIndex((c) => c.name === v) : input.findIndex((c) => c.name.toUpperCase() === v.toUpperCase());
  if (i < 0) throw analysisError(`Column '${v}' not found in the cursor of ${fn}`, loc);
  return i + 1;
};

const intArg = (v: SqlValue, fn: string, what: string, min: number, max: number, loc: Loc): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw analysisError(`${fn}: ${what} must be an integer from ${min} to ${max}`, loc);
  return v;
};

export const tableFunctions = new Map<
  string,
  {
    /** How it is called, for the editor's completion. */
    signature: string;
    make(input: { name: string; type: SqlType }[], args: SqlValue[], loc: Loc, env: TableFunctionEnv): MadeTableFunction;
  }
>();

class Link implements Operator {
  target: Operator = { push: () => {}, advance: () => {}, explain: () => ({ operator: 'Discard', details: {}, then: [] }) };
  push(row: Row) {
    this.target.push(row);
  }
  advance(now: number) {
    this.target.advance(now);
  }
  explain() {
    return this.target.explain();
  }
}

tableFunctions.set('TOP_K_ITEMS_TUMBLING', {
  signature: "TOP_K_ITEMS_TUMBLING(CURSOR(SELECT STREAM ...), 'columnName', K, windowSizeSeconds)",
  make(input, args, loc) {
    const fn = 'TOP_K_ITEMS_TUMBLING';
    if (args.length !== 3) throw analysisError(`${fn} expects a cursor, a column name, K and a window size in seconds`, loc);
    const col = columnArg(input, args[0], fn, loc);
    // Documented bounds: 1 <= K <= 100000, 1 <= windowSize <= 3600 seconds.
    const k = intArg(args[1], fn, 'K', 1, 100000, loc);
    const size = intArg(args[2], fn, 'the window size', 1, 3600, loc);
    const out = new Link();
    return { op: new TopKItems(col, k, size * 1000, out), out, columns: [{ name: input[col - 1].name, type: input[col - 1].type }, { name: 'ITEM_COUNT', type: T.BIGINT }] };
  },
});

tableFunctions.set('COUNT_DISTINCT_ITEMS_TUMBLING', {
  signature: "COUNT_DISTINCT_ITEMS_TUMBLING(CURSOR(SELECT STREAM ...), 'columnName', windowSizeSeconds)",
  make(input, args, loc) {
    const fn = 'COUNT_DISTINCT_ITEMS_TUMBLING';
    if (args.length !== 2) throw analysisError(`${fn} expects a cursor, a column name and a window size in seconds`, loc);
    const col = columnArg(input, args[0], fn, loc);
    const size = intArg(args[1], fn, 'the window size', 1, 3600, loc);
    const out = new Link();
    return { op: new CountDistinctItems(col, size * 1000, out), out, columns: [{ name: 'NUMBER_OF_DISTINCT_ITEMS', type: T.BIGINT }] };
  },
});

for (const explain of [false, true]) {
  const fn = explain ? 'RANDOM_CUT_FOREST_WITH_EXPLANATION' : 'RANDOM_CUT_FOREST';
  tableFunctions.set(fn, {
    signature: `${fn}(CURSOR(SELECT STREAM ...), numberOfTrees, subSampleSize, timeDecay, shingleSize${explain ? ', withDirectionality' : ''})`,
    make(input, args, loc, env) {
      // Parameters and defaults: numberOfTrees 100 (1..1000), subSampleSize 256 (10..1000),
      // timeDecay 100000 (1..), shingleSize 1 (1..30) [, withDirectionality for _WITH_EXPLANATION].
      const numberOfTrees = args[0] === undefined || args[0] === null ? 100 : intArg(args[0], fn, 'numberOfTrees', 1, 1000, loc);
      const subSampleSize = args[1] === undefined || args[1] === null ? 256 : intArg(args[1], fn, 'subSampleSize', 10, 1000, loc);
      const timeDecay = args[2] === undefined || args[2] === null ? 100000 : intArg(args[2], fn, 'timeDecay', 1, Number.MAX_SAFE_INTEGER, loc);
      const shingleSize = args[3] === undefined || args[3] === null ? 1 : intArg(args[3], fn, 'shingleSize', 1, 30, loc);
      // withDirectionality is false by default (KDA SQL reference, RANDOM_CUT_FOREST_WITH_EXPLANATION).
      if (explain && args[4] !== undefined && args[4] !== null && typeof args[4] !== 'boolean')
        throw analysisError(`${fn} expects TRUE or FALSE for withDirectionality`, loc);
      const withDirectionality = explain && args[4] === true;
      const numeric = input.map((c, i) => (isNumeric(c.type) ? i + 1 : -1)).filter((i) => i > 0);
      if (numeric.length === 0) throw analysisError(`${fn} needs at least one numeric column in its cursor`, loc);
      const forest = new RandomCutForest({ numberOfTrees, subSampleSize, timeDecay, shingleSize, rng: env.rng ?? new SeededRng(1) });
      const out = new Link();
      const columns = [...input, { name: 'ANOMALY_SCORE', type: T.DOUBLE }, ...(explain ? [{ name: 'ANOMALY_EXPLANATION', type: { kind: 'VARCHAR', length: 20480 } as SqlType }] : [])];
      return {
        op: new RandomCutForestOperator(forest, numeric, input.map((c) => c.name), subSampleSize, explain, withDirectionality, out),
        out,
        columns,
      };
    },
  });
}
