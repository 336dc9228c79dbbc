import type { Fn, Row } from '../compile';
import type { SqlValue } from '../types';
import type { Operator, PlanNode } from './operator';

/**
 * Stream-to-stream join (inner, or LEFT OUTER). Each side keeps the rows of its window (RANGE of its OVER clause;
 * none means rows of the same ROWTIME only, the `ON a.ROWTIME = b.ROWTIME` form); a new row on one
 * side is matched against the other side's window. The joined row is [ROWTIME, ...left, ...right]
 * with ROWTIME the later of the two (KDA SQL reference, "JOIN clause": stream-to-stream joins).
 */
export class StreamJoin {
  /** LEFT OUTER JOIN: left rows not matched yet, emitted with NULLs once no right row can match them. */
  private unmatched = new Set<Row>();
  private leftRows: Row[] = [];
  private rightRows: Row[] = [];
  private lastAdvance = -Infinity;
  readonly left: Operator;
  readonly right: Operator;

  constructor(
    private readonly o: { leftWidth: number; rightWidth: number; leftRangeMs: number; rightRangeMs: number; on: Fn; next: Operator; text: string; leftOuter?: boolean },
  ) {
    const side = (isLeft: boolean): Operator => ({
      push: (row) => this.arrive(row, isLeft),
      advance: (now) => this.advance(now),
      explain: () => this.explain(),
    });
    this.left = side(true);
    this.right = side(false);
  }

  private arrive(row: Row, isLeft: boolean): void {
    const t = row[0] as number;
    const { leftWidth, rightWidth, on, next } = this.o;
    // The other side's rows qualify when they are inside that side's window as seen from t.
    const others = isLeft ? this.rightRows : this.leftRows;
    const range = isLeft ? this.o.rightRangeMs : this.o.leftRangeMs;
    (isLeft ? this.leftRows : this.rightRows).push(row);
    if (isLeft && this.o.leftOuter) this.unmatched.add(row);
    for (const other of others) {
      const ot = other[0] as number;
      if (ot < t - range || ot > t) continue;
      const l = isLeft ? row : other;
      const r = isLeft ? other : row;
      const joined = new Array<SqlValue>(1 + leftWidth + rightWidth);
      joined[0] = Math.max(l[0] as number, r[0] as number);
      for (let i = 0; i < leftWidth; i++) joined[1 + i] = l[i];
      for (let i = 0; i < rightWidth; i++) joined[1 + leftWidth + i] = r[i];
      if (on(joined) === true) {
        this.unmatched.delete(l);
        next.push(joined);
      }
    }
  }

  /** Left rows whose every possible partner has arrived (a right row matches up to the left window's end). */
  private releaseUnmatched(now: number): void {
    const { leftWidth, rightWidth, leftRangeMs, next } = this.o;
    for (const l of this.unmatched) {
      if ((l[0] as number) + leftRangeMs >= now) break;
      this.unmatched.delete(l);
      const joined = new Array<SqlValue>(1 + leftWidth + rightWidth).fill(null);
      // Stamped with the moment the left row could no longer find a partner.
      joined[0] = (l[0] as number) + leftRangeMs;
      for (let i = 0; i < leftWidth; i++) joined[1 + i] = l[i];
      next.push(joined);
    }
  }

  private advance(now: number): void {
    if (now === this.lastAdvance) return;
    this.lastAdvance = now;
    if (this.o.leftOuter) this.releaseUnmatched(now);
    const keep = (rows: Row[], range: number) => rows.filter((r) => (r[0] as number) >= now - range);
    this.leftRows = keep(this.leftRows, this.o.leftRangeMs);
    this.rightRows = keep(this.rightRows, this.o.rightRangeMs);
    this.o.next.advance(now);
  }

  explain(): PlanNode {
    return {
      operator: 'StreamJoin',
      details: { type: this.o.leftOuter ? 'LEFT' : 'INNER', on: this.o.text, leftWindowMillis: this.o.leftRangeMs, rightWindowMillis: this.o.rightRangeMs },
      then: [this.o.next.explain()],
    };
  }
}
