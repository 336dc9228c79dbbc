import { aggregateFunctions, ANALYTIC_ONLY } from '../../aggregates';
import { isKnownScalar } from '../../compile';
import { analysisError, type SqlCompileError } from '../../errors';
import { tableFunctions } from '../../operators/tableFunctions';
import { forEachNode, inputExprs, selectsOf, type Rule } from '../context';

/** A call to a function the dialect does not have is an error before the application runs. */
export const UnknownFunctionRule: Rule = {
  name: 'UnknownFunction',
  check(st, ctx) {
    void ctx;
    const errors: SqlCompileError[] = [];
    for (const q of selectsOf(st)) {
      if (q.from.kind === 'TableFunction' && !tableFunctions.has(q.from.name)) errors.push(analysisError(`No match found for function signature ${q.from.name}`, q.from.loc));
      forEachNode([...inputExprs(q), ...(q.orderBy ?? []).map((o) => o.expr)], (e) => {
        if (e.kind !== 'Call') return;
        if (isKnownScalar(e.name) || aggregateFunctions.has(e.name) || ANALYTIC_ONLY.has(e.name)) return;
        errors.push(analysisError(`No match found for function signature ${e.name}(${e.args.map(() => '<ANY>').join(', ')})`, e.loc));
      });
    }
    return errors;
  },
};
