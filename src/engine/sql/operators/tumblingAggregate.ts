import type { Accumulator } from '../aggregates';
import type { Fn, Row } from '../compile';
import { SqlRuntimeError } from '../functions/errors';
import type { SqlValue } from '../types';
import type { TimeWindow } from '../window';
import type { ErrorReporter, Operator, PlanNode } from './operator';

export interface AggregateSpec {
  name: string;
  create: () => Accumulator;
  /** The argument; null for COUNT(*). */
  arg: Fn | null;
}

interface Group {
  keys: SqlValue[];
  accs: Accumulator[];
}

const NONE = -Infinity;
const NULL_KEY = '\u0000NULL';

/**
 * Tumbling GROUP BY (and SELECT DISTINCT): groups live for one bucket of the ROWTIME window.
 * When a row from a later bucket arrives, or the application clock reaches the bucket's end,
 * every group of the bucket is emitted, stamped with the bucket end as ROWTIME
 * (KDA developer guide, "Tumbling Windows": results are emitted at the end of the window).
 *
 * The aggregate row handed to HAVING and the select list is [windowEnd, ...groupKeys, ...aggregates].
 */
export class TumblingAggregate implements Operator {
  private current = NONE;
  private groups = new Map<SqlValue, Group>();
  private readonly nKeys: number;
  private readonly nAggs: number;
  private readonly hashFns: Fn[];
  private readonly singleHash: Fn | undefined;

  constructor(
    private readonly o: {
      window: TimeWindow;
      keys: Fn[];
      /** Which keys form the hash (the window key is shared by the whole bucket, so it is left out). */
      hashKeys: number[];
      aggs: AggregateSpec[];
      having?: Fn;
      project: Fn[];
      next: Operator;
      report: ErrorReporter;
      label: string;
      describe: Record<string, unknown>;
    },
  ) {
    this.nKeys = o.keys.length;
    this.nAggs = o.aggs.length;
    this.hashFns = o.hashKeys.map((i) => o.keys[i]);
    this.singleHash = this.hashFns.length === 1 ? this.hashFns[0] : undefined;
  }

  push(row: Row): void {
    const t = row[0] as number;
    const w = this.o.window;
    const bucket = Math.floor((t - w.origin) / w.width);
    if (bucket !== this.current) {
      // ROWTIME never goes back within a stream, so a different bucket is a later one.
      if (this.current !== NONE && bucket > this.current) this.flush();
      if (bucket > this.current) this.current = bucket;
    }
    let key: SqlValue;
    const single = this.singleHash;
    if (single !== undefined) {
      key = single(row);
      if (key === null) key = NULL_KEY;
    } else {
      const fns = this.hashFns;
      if (fns.length === 0) key = '';
      else {
        let s = '';
        for (let i = 0; i < fns.length; i++) {
          const v = fns[i](row);
          s += (v === null ? NULL_KEY : typeof v === 'string' ? 's' + v : 'n' + String(v)) + '\u0001';
        }
        key = s;
      }
    }
    let g = this.groups.get(key);
    if (g === undefined) {
      const keys = new Array<SqlValue>(this.nKeys);
      for (let i = 0; i < this.nKeys; i++) keys[i] = this.o.keys[i](row);
      const accs = new Array<Accumulator>(this.nAggs);
      for (let i = 0; i < this.nAggs; i++) accs[i] = this.o.aggs[i].create();
      g = { keys, accs };
      this.groups.set(key, g);
    }
    const aggs = this.o.aggs;
    const accs = g.accs;
    for (let i = 0; i < this.nAggs; i++) {
      const a = aggs[i].arg;
      accs[i].add(a === null ? 1 : a(row), t);
    }
  }

  advance(now: number): void {
    const w = this.o.window;
    if (this.current !== NONE && now >= w.origin + (this.current + 1) * w.width) this.flush();
    this.o.next.advance(now);
  }

  private flush(): void {
    const w = this.o.window;
    const end = w.origin + (this.current + 1) * w.width;
    const { having, project, next, report } = this.o;
    const nk = this.nKeys;
    const na = this.nAggs;
    const np = project.length;
    for (const g of this.groups.values()) {
      const aggRow = new Array<SqlValue>(1 + nk + na);
      aggRow[0] = end;
      for (let i = 0; i < nk; i++) aggRow[1 + i] = g.keys[i];
      for (let i = 0; i < na; i++) aggRow[1 + nk + i] = g.accs[i].result();
      try {
        if (having && having(aggRow) !== true) continue;
        const out = new Array<SqlValue>(np + 1);
        out[0] = end;
        for (let i = 0; i < np; i++) out[i + 1] = project[i](aggRow);
        next.push(out);
      } catch (e) {
        if (!(e instanceof SqlRuntimeError)) throw e;
        report(e, aggRow);
      }
    }
    this.groups.clear();
    this.current = NONE;
  }

  explain(): PlanNode {
    return {
      operator: this.o.label,
      details: { windowMillis: this.o.window.width, ...this.o.describe },
      then: [this.o.next.explain()],
    };
  }
}
