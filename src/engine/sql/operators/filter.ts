import type { Fn, Row } from '../compile';
import type { Operator, PlanNode } from './operator';

/** WHERE / HAVING: passes a row on only when the predicate is TRUE (not FALSE, not UNKNOWN). */
export class Filter implements Operator {
  constructor(
    private readonly predicate: Fn,
    private readonly next: Operator,
    private readonly text: string,
  ) {}
  push(row: Row): void {
    if (this.predicate(row) === true) this.next.push(row);
  }
  advance(now: number): void {
    this.next.advance(now);
  }
  explain(): PlanNode {
    return { operator: 'Filter', details: { condition: this.text }, then: [this.next.explain()] };
  }
}
