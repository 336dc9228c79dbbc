import type { Accumulator } from '../aggregates';
import type { Fn, Row } from '../compile';
import { SqlRuntimeError } from '../functions/errors';
import type { SqlValue } from '../types';
import type { TimeWindow } from '../window';
import type { ErrorReporter, Operator, PlanNode } from './operator';
import { Aggregated, carryOrigin, setOrigin } from '../provenance';

export interface AggregateSpec {
  name: string;
  create: () => Accumulator;
  /** The argument; null for COUNT(*). */
  arg: Fn | null;
}

/** A group: the row that opened it (its keys are read from it when the group is emitted) and its accumulators. */
interface Group {
  row: Row;
  accs: Accumulator[];
  /** Rows added to the group. */
  n: number;
}
/** With no aggregates (DISTINCT) a group is just its first row. */
type Entry = Group | Row;
class Bucket {
  constructor(readonly items: Entry[]) {}
}
const firstRow = (e: Entry): Row => (Array.isArray(e) ? e : e.row);

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
  /** Groups of the open bucket; with no aggregates (DISTINCT) the first row itself is stored. */
  private groups = new Map<SqlValue, Entry | Bucket>();
  /** The open bucket's groups in arrival order: the order they are emitted in. */
  private order: Entry[] = [];
  private byString = false;
  /** Scratch [windowEnd, ...keys, ...aggregates] reused for every emitted group (HAVING and the select list read it at once). */
  private readonly aggRow: SqlValue[];
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
      /** DISTINCT whose select list is exactly its keys, in order: rows are emitted straight from the keys. */
      keysAreOutput?: boolean;
    },
  ) {
    this.nKeys = o.keys.length;
    this.nAggs = o.aggs.length;
    this.hashFns = o.hashKeys.map((i) => o.keys[i]);
    this.singleHash = this.hashFns.length === 1 ? this.hashFns[0] : undefined;
    this.aggRow = new Array<SqlValue>(1 + this.nKeys + this.nAggs).fill(null);
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
    let g = this.find(row);
    if (g === undefined) {
      if (this.nAggs === 0) g = row;
      else {
        const accs = new Array<Accumulator>(this.nAggs);
        for (let i = 0; i < this.nAggs; i++) accs[i] = this.o.aggs[i].create();
        g = { row, accs, n: 0 };
      }
      this.add(row, g);
    }
    if (this.nAggs === 0) return;
    const aggs = this.o.aggs;
    const accs = (g as Group).accs;
    (g as Group).n++;
    for (let i = 0; i < this.nAggs; i++) {
      const a = aggs[i].arg;
      accs[i].add(a === null ? 1 : a(row), t);
    }
  }

  /**
   * Finds the group of a row. One key: a Map on its value. Several keys: a Map on the first key's
   * value holding the one group (or a short bucket) with that value, the other keys compared
   * directly, which spares building a composite string per row; a bucket that grows long
   * (a first key with few values) switches the operator to composite string keys.
   */
  private find(row: Row): Entry | undefined {
    const single = this.singleHash;
    if (single !== undefined) {
      const k = single(row);
      return this.groups.get(k === null ? NULL_KEY : k) as Entry | undefined;
    }
    const fns = this.hashFns;
    if (fns.length === 0) return this.order[0];
    if (this.byString) return this.groups.get(this.stringKey(row)) as Entry | undefined;
    const k0 = fns[0](row);
    const b = this.groups.get(k0 === null ? NULL_KEY : k0);
    if (b === undefined) return undefined;
    if (b instanceof Bucket) {
      const items = b.items;
      for (let i = 0; i < items.length; i++) if (this.sameKeys(row, firstRow(items[i]))) return items[i];
      return undefined;
    }
    return this.sameKeys(row, firstRow(b)) ? b : undefined;
  }

  private add(row: Row, g: Entry): void {
    this.order.push(g);
    const fns = this.hashFns;
    if (this.singleHash !== undefined) {
      const k = this.singleHash(row);
      this.groups.set(k === null ? NULL_KEY : k, g);
      return;
    }
    if (fns.length === 0) return;
    if (this.byString) {
      this.groups.set(this.stringKey(row), g);
      return;
    }
    const k0 = fns[0](row);
    const k = k0 === null ? NULL_KEY : k0;
    const b = this.groups.get(k);
    if (b === undefined) this.groups.set(k, g);
    else if (b instanceof Bucket) {
      b.items.push(g);
      if (b.items.length > 32) this.switchToStringKeys();
    } else this.groups.set(k, new Bucket([b, g]));
  }

  private sameKeys(a: Row, b: Row): boolean {
    const fns = this.hashFns;
    for (let i = 1; i < fns.length; i++) if (fns[i](a) !== fns[i](b)) return false;
    return true;
  }

  private stringKey(row: Row): string {
    // A key column has one type, so its values need no type tag to stay apart.
    const fns = this.hashFns;
    let s = '';
    for (let i = 0; i < fns.length; i++) {
      const v = fns[i](row);
      s = s + (v === null ? NULL_KEY : (v as string | number)) + '\u0001';
    }
    return s;
  }

  private switchToStringKeys(): void {
    this.byString = true;
    this.groups.clear();
    for (const g of this.order) this.groups.set(this.stringKey(firstRow(g)), g);
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
    const keys = this.o.keys;
    if (this.o.keysAreOutput && na === 0 && !having) {
      for (const first of this.order as Row[]) {
        try {
          const out = new Array<SqlValue>(nk + 1);
          out[0] = end;
          for (let i = 0; i < nk; i++) out[i + 1] = keys[i](first);
          // A DISTINCT row is its group's first row: it keeps that row's origin.
          carryOrigin(first, out);
          next.push(out);
        } catch (e) {
          if (!(e instanceof SqlRuntimeError)) throw e;
          report(e, first);
        }
      }
      this.reset();
      return;
    }
    const aggRow = this.aggRow;
    aggRow[0] = end;
    for (const entry of this.order) {
      const g = na === 0 ? undefined : (entry as Group);
      const first = g === undefined ? (entry as Row) : g.row;
      for (let i = 0; i < nk; i++) aggRow[1 + i] = keys[i](first);
      for (let i = 0; i < na; i++) aggRow[1 + nk + i] = g!.accs[i].result();
      try {
        if (having && having(aggRow) !== true) continue;
        const out = new Array<SqlValue>(np + 1);
        out[0] = end;
        for (let i = 0; i < np; i++) out[i + 1] = project[i](aggRow);
        if (g === undefined) carryOrigin(first, out);
        else setOrigin(out, new Aggregated(g.n, end - w.width, end));
        next.push(out);
      } catch (e) {
        if (!(e instanceof SqlRuntimeError)) throw e;
        report(e, aggRow.slice());
      }
    }
    this.reset();
  }

  private reset(): void {
    this.groups.clear();
    this.order = [];
    this.byString = false;
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
