import { analysisError } from '../../errors';
import type { SqlCompileError } from '../../errors';
import type { Rule } from '../context';

/** INSERT INTO s (cols) SELECT ...: the named target columns exist, and there are as many values as target columns (Calcite's message). */
export const ColumnCountRule: Rule = {
  name: 'ColumnCount',
  check(st, ctx) {
    if (st.kind !== 'CreatePump') return [];
    const target = ctx.catalog.get(st.target.value);
    if (!target) return [];
    const errors: SqlCompileError[] = [];
    for (const n of st.targetColumns ?? [])
      if (!target.columns.some((c, i) => i > 0 && c.name === n.value)) errors.push(analysisError(`Unknown target column '${n.value}'`, n.loc));
    const plan = ctx.plan;
    if (!plan) return errors;
    const n = st.targetColumns ? st.targetColumns.length : target.columns.length - 1;
    if (n !== plan.columns.length) errors.push(analysisError(`Number of INSERT target columns (${n}) does not equal number of source items (${plan.columns.length})`, st.query.loc));
    return errors;
  },
};
