import type { Fn, Row } from '../compile';
import type { Operator, PlanNode } from './operator';
import { carryOrigin } from '../provenance';

/** The select list: builds the output row [ROWTIME, ...values]; ROWTIME and the row's origin pass through. */
export class Project implements Operator {
  private readonly n: number;
  constructor(
    private readonly exprs: Fn[],
    private readonly next: Operator,
    private readonly names: string[],
    /** The select list as SQL text, one entry per column. */
    private readonly texts: string[] = [],
  ) {
    this.n = exprs.length;
  }
  push(row: Row): void {
    const n = this.n;
    const out = new Array(n + 1);
    out[0] = row[0];
    const e = this.exprs;
    for (let i = 0; i < n; i++) out[i + 1] = e[i](row);
    carryOrigin(row, out);
    this.next.push(out);
  }
  advance(now: number): void {
    this.next.advance(now);
  }
  explain(): PlanNode {
    return { operator: 'Project', details: { columns: this.names, ...(this.texts.length ? { select: this.texts } : {}) }, then: [this.next.explain()] };
  }
}
