import { analysisError, type SqlCompileError } from '../../errors';
import { aggregateCalls, HAVING_WITHOUT_AGGREGATE } from '../../planner';
import { forEachNode, selectsOf, type Rule } from '../context';

/**
 * Aggregates belong in the select list and HAVING: not in WHERE or GROUP BY, not nested; and
 * HAVING needs an aggregate query. (Ungrouped columns are reported by planning, with their place.)
 */
export const AggregateMisuseRule: Rule = {
  name: 'AggregateMisuse',
  check(st) {
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
      const isAggregate = !!q.groupBy || !!q.stagger || q.distinct || [...q.items.map((i) => i.expr), q.having].some((e) => e && aggregateCalls(e).length > 0);
      if (q.having && !isAggregate) errors.push(analysisError(HAVING_WITHOUT_AGGREGATE, q.having.loc));
    }
    return errors;
  },
};
