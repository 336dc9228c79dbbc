import type { Accumulator } from '../aggregates';
import type { Fn, Row } from '../compile';
import { SqlRuntimeError } from '../functions/errors';
import type { SqlValue } from '../types';
import type { ErrorReporter, Operator, PlanNode } from './operator';
import type { AggregateSpec } from './tumblingAggregate';

interface Window {
  closeAt: number;
  keys: SqlValue[];
  accs: Accumulator[];
}

/**
 * Stagger windows (WINDOWED BY STAGGER (PARTITION BY .. RANGE INTERVAL ..)): a window opens for a
 * partition key when its first row arrives and closes RANGE later; rows with that key in between
 * join it (KDA developer guide, "Stagger Windows"). On closing, its row is emitted stamped with the
 * close time. Windows open in ROWTIME order, so the map's insertion order is closing order.
 */
export class StaggerWindow implements Operator {
  private open = new Map<string, Window>();
  constructor(
    private readonly o: {
      rangeMs: number;
      keys: Fn[];
      aggs: AggregateSpec[];
      having?: Fn;
      project: Fn[];
      next: Operator;
      report: ErrorReporter;
    },
  ) {}

  push(row: Row): void {
    const t = row[0] as number;
    this.close(t);
    const keys = this.o.keys.map((f) => f(row));
    const k = keys.map((v) => (v === null ? '\u0000' : typeof v + ':' + String(v))).join('\u0001');
    let w = this.open.get(k);
    if (!w) {
      w = { closeAt: t + this.o.rangeMs, keys, accs: this.o.aggs.map((a) => a.create()) };
      this.open.set(k, w);
    }
    for (let i = 0; i < this.o.aggs.length; i++) {
      const a = this.o.aggs[i].arg;
      w.accs[i].add(a === null ? 1 : a(row), t);
    }
  }

  private close(now: number): void {
    const { having, project, next, report } = this.o;
    for (const [k, w] of this.open) {
      if (w.closeAt > now) break;
      this.open.delete(k);
      const aggRow: SqlValue[] = [w.closeAt, ...w.keys, ...w.accs.map((a) => a.result())];
      try {
        if (having && having(aggRow) !== true) continue;
        next.push([w.closeAt, ...project.map((f) => f(aggRow))]);
      } catch (e) {
        if (!(e instanceof SqlRuntimeError)) throw e;
        report(e, aggRow);
      }
    }
  }

  advance(now: number): void {
    this.close(now);
    this.o.next.advance(now);
  }

  explain(): PlanNode {
    return { operator: 'StaggerWindow', details: { rangeMillis: this.o.rangeMs, keys: this.o.keys.length }, then: [this.o.next.explain()] };
  }
}
