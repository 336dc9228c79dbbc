import type { Fn, Row } from '../compile';
import type { SqlValue } from '../types';
import type { TimeWindow } from '../window';
import type { Operator, PlanNode } from './operator';

/**
 * Streaming ORDER BY led by a monotonic time expression: rows are held per bucket of that
 * expression and released sorted by the remaining keys once a later bucket starts or the clock
 * passes the bucket (KDA SQL reference, "ORDER BY clause").
 */
export class OrderBy implements Operator {
  private batch: Row[] = [];
  private bucket = -Infinity;
  constructor(
    private readonly o: { window: TimeWindow; keys: { fn: Fn; desc: boolean }[]; next: Operator },
  ) {}

  push(row: Row): void {
    const w = this.o.window;
    const b = Math.floor(((row[0] as number) - w.origin) / w.width);
    if (b > this.bucket) {
      this.release();
      this.bucket = b;
    }
    this.batch.push(row);
  }

  private release(): void {
    if (this.batch.length === 0) return;
    const keys = this.o.keys;
    const cmp = (a: SqlValue, b: SqlValue): number => {
      if (a === b) return 0;
      if (a === null) return -1;
      if (b === null) return 1;
      return a < b ? -1 : 1;
    };
    const decorated = this.batch.map((r, i) => ({ r, i, k: keys.map((k) => k.fn(r)) }));
    decorated.sort((x, y) => {
      for (let j = 0; j < keys.length; j++) {
        const c = cmp(x.k[j], y.k[j]);
        if (c !== 0) return keys[j].desc ? -c : c;
      }
      return x.i - y.i;
    });
    this.batch = [];
    for (const d of decorated) this.o.next.push(d.r);
  }

  advance(now: number): void {
    const w = this.o.window;
    if (this.batch.length > 0 && now >= w.origin + (this.bucket + 1) * w.width) this.release();
    this.o.next.advance(now);
  }

  explain(): PlanNode {
    return { operator: 'OrderBy', details: { keys: this.o.keys.length, bucketMillis: this.o.window.width }, then: [this.o.next.explain()] };
  }
}
