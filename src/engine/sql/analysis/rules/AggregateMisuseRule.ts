import { analysisError, type SqlCompileError } from '../../errors';
import { aggregateCalls } from '../../planner';
import { attempt, forEachNode, selectsOf, type Rule } from '../context';

/**
 * Aggregates belong in the select list and HAVING: not in WHERE or GROUP BY, not nested; and
 * HAVING needs an aggregate query. (Ungrouped columns are reported by the planner with their place.)
 */
export const AggregateMisuseRule: Rule = {
  name: 'AggregateMisuse',
  check(st, ctx) {
    const errors: SqlCompileError[] = [];
    for (const q of selectsOf(st)) {
      if (q.where) for (const c of aggregateCalls(q.where)) errors.push(analysisError('Aggregate expression is illegal in WHERE clause', c.loc));
      for (const g of q.groupBy ?? []) for (const c of aggregateCalls(g)) errors.push(analysisError('Aggregate expression is illegal in GROUP BY clause', c.loc));
      for (const it of q.items)
        for (const c of aggregateCalls(it.expr))
          forEachNode(c.args, (e) => {
            if (e !== c && aggregateCalls(e).length > 0 && e.kind === 'Call') {
              errors.push(analysisError('Aggregate expressions cannot be nested', e.loc));
              return false;
            }
          });
      const isAggregate = !!q.groupBy || !!q.stagger || q.distinct || q.items.some((i) => aggregateCalls(i.expr).length > 0);
      if (q.having && !isAggregate) errors.push(analysisError('HAVING clause requires GROUP BY or an aggregate', q.having.loc));
      // Ungrouped columns in the select list: planning reports "Expression 'X' is not being grouped".
      if (errors.length === 0 && isAggregate) {
        const r = attempt(() => ctx.plan(q));
        if (r.error && /is not being grouped/.test(r.error.message)) errors.push(r.error);
      }
    }
    return errors;
  },
};
