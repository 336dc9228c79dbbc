import type { SqlCompileError } from '../../errors';
import { attempt, forEachNode, inputExprs, selectsOf, type Rule } from '../context';

/**
 * Every column must exist in the streams of its FROM clause. The message offers the closest
 * name, which catches the classic slip of the workshop: `sensorId` unquoted folds to SENSORID.
 */
export const UnknownColumnRule: Rule = {
  name: 'UnknownColumn',
  check(st, ctx) {
    const errors: SqlCompileError[] = [];
    for (const q of selectsOf(st)) {
      const scope = ctx.scopeOf(q);
      if (!scope) continue;
      forEachNode(inputExprs(q), (e) => {
        if (e.kind !== 'Column') return;
        const r = attempt(() => scope.resolve(e));
        if (r.error) errors.push(r.error);
      });
    }
    return errors;
  },
};
