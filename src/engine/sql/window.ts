import type { Expr } from './ast';
import { UNIT_MS } from './types';

/** A tumbling window over ROWTIME: bucket = floor((ROWTIME - origin) / width). */
export interface TimeWindow {
  width: number;
  origin: number;
}

type IsRowtime = (e: Extract<Expr, { kind: 'Column' }>) => boolean;

/** `e` as (ROWTIME - origin) / div, when it is that simple. */
function affine(e: Expr, isRowtime: IsRowtime): { div: number; origin: number } | undefined {
  switch (e.kind) {
    case 'Column':
      return isRowtime(e) ? { div: 1, origin: 0 } : undefined;
    case 'IntervalOf':
      return affine(e.operand, isRowtime);
    case 'Call':
      return e.name === 'MONOTONIC' && e.args.length === 1 ? affine(e.args[0], isRowtime) : undefined;
    case 'Binary': {
      const a = affine(e.left, isRowtime);
      if (!a || e.right.kind !== 'Literal' || typeof e.right.value !== 'number') return undefined;
      if (e.op === '-' && e.right.type.kind === 'TIMESTAMP' && a.div === 1) return { div: 1, origin: a.origin + e.right.value };
      if (e.op === '/' && e.right.value > 0) return { div: a.div * e.right.value, origin: a.origin };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The tumbling window a GROUP BY expression defines over ROWTIME, if it is one of the forms
 * the KDA guide teaches: `FLOOR(ROWTIME TO unit)`, `STEP(ROWTIME BY INTERVAL ..)`, the epoch idiom
 * `FLOOR((ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)`, or ROWTIME itself.
 * Such an expression is monotonic, so a group can be closed when ROWTIME leaves its bucket
 * (KDA SQL reference, "Monotonic Expressions and Operators").
 */
export function timeWindowOf(e: Expr, isRowtime: IsRowtime): TimeWindow | undefined {
  switch (e.kind) {
    case 'Column':
      return isRowtime(e) ? { width: 1, origin: 0 } : undefined;
    case 'Call':
      return e.name === 'MONOTONIC' && e.args.length === 1 ? timeWindowOf(e.args[0], isRowtime) : undefined;
    case 'FloorTo': {
      const a = affine(e.operand, isRowtime);
      const u = UNIT_MS[e.unit];
      if (!a || !u) return undefined;
      return { width: u * a.div, origin: a.origin };
    }
    case 'Step': {
      const a = affine(e.operand, isRowtime);
      if (!a || a.div !== 1 || e.by.kind !== 'Literal' || typeof e.by.value !== 'number' || e.by.value <= 0) return undefined;
      return { width: e.by.value, origin: 0 };
    }
    case 'Binary':
      // FLOOR(ROWTIME TO MINUTE) + INTERVAL '1' MINUTE moves the label, not the bucket.
      if ((e.op === '+' || e.op === '-') && e.right.kind === 'Literal' && e.right.type.kind === 'INTERVAL_DAY_TIME') return timeWindowOf(e.left, isRowtime);
      return undefined;
    default:
      return undefined;
  }
}
