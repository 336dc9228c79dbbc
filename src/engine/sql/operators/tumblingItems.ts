import type { Row } from '../compile';
import type { SqlValue } from '../types';
import type { Operator, PlanNode } from './operator';

/** Shared tumbling-over-ROWTIME bucket logic of the *_ITEMS_TUMBLING table functions. */
abstract class TumblingItems implements Operator {
  private bucket = -Infinity;
  constructor(
    protected readonly col: number,
    protected readonly widthMs: number,
    protected readonly next: Operator,
  ) {}
  protected abstract add(v: SqlValue): void;
  protected abstract emit(end: number): void;
  push(row: Row): void {
    const b = Math.floor((row[0] as number) / this.widthMs);
    if (b > this.bucket) {
      if (this.bucket !== -Infinity) this.emit((this.bucket + 1) * this.widthMs);
      this.bucket = b;
    }
    this.add(row[this.col]);
  }
  advance(now: number): void {
    if (this.bucket !== -Infinity && now >= (this.bucket + 1) * this.widthMs) {
      this.emit((this.bucket + 1) * this.widthMs);
      this.bucket = -Infinity;
    }
    this.next.advance(now);
  }
  abstract explain(): PlanNode;
}

/**
 * TOP_K_ITEMS_TUMBLING: the K most frequent values of a column per tumbling window, most frequent
 * first, one row each [value, count]. Counts here are exact (AWS approximates; exact counts are
 * among the answers its approximation may give).
 */
export class TopKItems extends TumblingItems {
  private counts = new Map<SqlValue, number>();
  constructor(col: number, private readonly k: number, widthMs: number, next: Operator) {
    super(col, widthMs, next);
  }
  protected add(v: SqlValue): void {
    if (v === null) return;
    this.counts.set(v, (this.counts.get(v) ?? 0) + 1);
  }
  protected emit(end: number): void {
    const top = [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, this.k);
    this.counts.clear();
    for (const [v, n] of top) this.next.push([end, v, n]);
  }
  explain(): PlanNode {
    return { operator: 'TopKItemsTumbling', details: { k: this.k, windowMillis: this.widthMs }, then: [this.next.explain()] };
  }
}

/** COUNT_DISTINCT_ITEMS_TUMBLING: the number of distinct values per window (exact; AWS is exact up to 10,000 items). */
export class CountDistinctItems extends TumblingItems {
  private seen = new Set<SqlValue>();
  protected add(v: SqlValue): void {
    if (v !== null) this.seen.add(v);
  }
  protected emit(end: number): void {
    const n = this.seen.size;
    this.seen.clear();
    this.next.push([end, n]);
  }
  explain(): PlanNode {
    return { operator: 'CountDistinctItemsTumbling', details: { windowMillis: this.widthMs }, then: [this.next.explain()] };
  }
}
