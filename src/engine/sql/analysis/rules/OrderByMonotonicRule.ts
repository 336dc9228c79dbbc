import { analysisError, type SqlCompileError } from '../../errors';
import { NOT_MONOTONIC_ORDER_BY } from '../../planner';
import { timeWindowOf } from '../../window';
import { selectsOf, type Rule } from '../context';

/** A streaming ORDER BY must start with a monotonic time expression (KDA SQL reference, "ORDER BY clause"). */
export const OrderByMonotonicRule: Rule = {
  name: 'OrderByMonotonic',
  check(st) {
    const errors: SqlCompileError[] = [];
    for (const q of selectsOf(st)) {
      const first = q.orderBy?.[0]?.expr;
      if (!first) continue;
      const isRowtime = (c: { name: { value: string } }) => c.name.value === 'ROWTIME';
      if (!timeWindowOf(first, isRowtime)) errors.push(analysisError(NOT_MONOTONIC_ORDER_BY, first.loc));
    }
    return errors;
  },
};
