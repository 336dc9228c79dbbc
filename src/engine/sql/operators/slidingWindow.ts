import type { Accumulator } from '../aggregates';
import type { Fn, Row } from '../compile';
import type { SqlValue } from '../types';
import type { Operator, PlanNode } from './operator';

/** One analytic call: an aggregate over the window, or LAG(x, n). */
export interface AnalyticCall {
  name: string;
  /** null for COUNT(*). */
  arg: Fn | null;
  acc?: Accumulator;
  /** LAG: how many rows back, and the value when there is no such row. */
  lag?: { offset: number; dflt: Fn | null };
}

export interface SlidingWindowSpec {
  partition: Fn[];
  /** RANGE window in ms (rows with ROWTIME >= now - range), or ROWS n PRECEDING. */
  rangeMs?: number;
  rows?: number;
  calls: AnalyticCall[];
  /** Index in the extended row where this window's results start. */
  firstSlot: number;
}

interface Buffer {
  rows: Row[];
  head: number;
}

/**
 * Sliding windows (WINDOW w AS (PARTITION BY .. RANGE INTERVAL .. PRECEDING | ROWS n PRECEDING), OVER):
 * one output row per input row, aggregating the rows of its partition that arrived so far within
 * the window, the current row included (KDA SQL reference, "WINDOW Clause (Sliding Windows)";
 * rows with the same ROWTIME that arrive later are not in the window, as the "Window examples" page shows).
 * The extended row [...input, ...results] goes to the select list.
 */
export class SlidingWindow implements Operator {
  private readonly parts: Map<SqlValue, Buffer>[];
  private readonly width: number;
  constructor(
    private readonly specs: SlidingWindowSpec[],
    inputWidth: number,
    private readonly next: Operator,
    private readonly describe: Record<string, unknown>[],
  ) {
    this.parts = specs.map(() => new Map());
    this.width = inputWidth + specs.reduce((n, s) => n + s.calls.length, 0);
  }

  push(row: Row): void {
    const t = row[0] as number;
    const ext = new Array<SqlValue>(this.width);
    for (let i = 0; i < row.length; i++) ext[i] = row[i];
    for (let s = 0; s < this.specs.length; s++) {
      const spec = this.specs[s];
      let key: SqlValue = '';
      if (spec.partition.length === 1) key = spec.partition[0](row);
      else if (spec.partition.length > 1) key = spec.partition.map((f) => { const v = f(row); return v === null ? '\u0000' : typeof v + ':' + String(v); }).join('\u0001');
      const map = this.parts[s];
      let buf = map.get(key);
      if (!buf) {
        buf = { rows: [], head: 0 };
        map.set(key, buf);
      }
      buf.rows.push(row);
      if (spec.rangeMs !== undefined) {
        const from = t - spec.rangeMs;
        while ((buf.rows[buf.head][0] as number) < from) buf.head++;
      } else {
        const keep = (spec.rows ?? 0) + 1;
        if (buf.rows.length - buf.head > keep) buf.head = buf.rows.length - keep;
      }
      if (buf.head > 1024 && buf.head * 2 > buf.rows.length) {
        buf.rows = buf.rows.slice(buf.head);
        buf.head = 0;
      }
      const rows = buf.rows;
      const end = rows.length;
      for (let c = 0; c < spec.calls.length; c++) {
        const call = spec.calls[c];
        let v: SqlValue;
        if (call.lag) {
          const i = end - 1 - call.lag.offset;
          v = i >= buf.head ? (call.arg ? call.arg(rows[i]) : null) : call.lag.dflt ? call.lag.dflt(row) : null;
        } else {
          const acc = call.acc!;
          acc.reset();
          const arg = call.arg;
          for (let i = buf.head; i < end; i++) acc.add(arg === null ? 1 : arg(rows[i]), rows[i][0] as number);
          v = acc.result();
        }
        ext[spec.firstSlot + c] = v;
      }
    }
    this.next.push(ext);
  }

  /** Partitions whose rows all fell out of a RANGE window are dropped, so memory stays bounded. */
  advance(now: number): void {
    for (let s = 0; s < this.specs.length; s++) {
      const r = this.specs[s].rangeMs;
      if (r === undefined) continue;
      for (const [k, buf] of this.parts[s]) {
        const last = buf.rows[buf.rows.length - 1];
        if ((last[0] as number) < now - r) this.parts[s].delete(k);
      }
    }
    this.next.advance(now);
  }

  explain(): PlanNode {
    return { operator: 'SlidingWindow', details: { windows: this.describe }, then: [this.next.explain()] };
  }
}
