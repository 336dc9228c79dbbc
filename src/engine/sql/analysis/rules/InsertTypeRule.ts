import { analysisError, type SqlCompileError } from '../../errors';
import { canCast } from '../../functions/cast';
import { formatType } from '../../types';
import type { Rule } from '../context';

/** Each selected value must be assignable to its target column (KDA SQL reference, "CAST" conversions). */
export const InsertTypeRule: Rule = {
  name: 'InsertType',
  check(st, ctx) {
    if (st.kind !== 'CreatePump') return [];
    const target = ctx.catalog.get(st.target.value);
    const plan = ctx.plan;
    if (!target || !plan) return [];
    const cols = target.columns.slice(1);
    const targets = st.targetColumns ? st.targetColumns.map((n) => cols.find((c) => c.name === n.value)) : cols;
    if (targets.length !== plan.columns.length) return [];
    const errors: SqlCompileError[] = [];
    plan.columns.forEach((src, i) => {
      const t = targets[i];
      if (!t || canCast(t.type, src.type)) return;
      const loc = st.query.items[Math.min(i, st.query.items.length - 1)].loc;
      errors.push(analysisError(`Cannot assign to target field '${t.name}' of type ${formatType(t.type)} from source field '${src.name}' of type ${formatType(src.type)}`, loc));
    });
    return errors;
  },
};
