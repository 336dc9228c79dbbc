import { analysisError, type SqlCompileError } from '../../errors';
import { groupWindow, NOT_MONOTONIC_GROUP_BY } from '../../planner';
import { selectsOf, type Rule } from '../context';

/**
 * A streaming GROUP BY (or DISTINCT) needs a monotonic time expression, or no group could ever be
 * complete (KDA SQL reference, "GROUP BY clause", Streaming GROUP BY). Stagger windows close by age.
 */
export const MonotonicGroupByRule: Rule = {
  name: 'MonotonicGroupBy',
  check(st, ctx) {
    const errors: SqlCompileError[] = [];
    for (const q of selectsOf(st)) {
      if (q.stagger) continue;
      const exprs = q.groupBy ?? (q.distinct ? q.items.map((i) => i.expr).filter((e) => e.kind !== 'Star') : undefined);
      if (!exprs) continue;
      const scope = ctx.scopeOf(q);
      if (!scope) continue;
      if (!groupWindow(exprs, scope)) errors.push(analysisError(NOT_MONOTONIC_GROUP_BY, (q.groupBy?.[0] ?? q.items[0]).loc));
    }
    return errors;
  },
};
