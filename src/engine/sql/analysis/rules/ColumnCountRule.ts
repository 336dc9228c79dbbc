import { analysisError } from '../../errors';
import { attempt, type Rule } from '../context';

/** INSERT INTO s SELECT ...: as many values as target columns (Calcite's message). */
export const ColumnCountRule: Rule = {
  name: 'ColumnCount',
  check(st, ctx) {
    if (st.kind !== 'CreatePump') return [];
    const target = ctx.catalog.get(st.target.value);
    const { value: plan } = attempt(() => ctx.plan(st.query));
    if (!target || !plan) return [];
    const n = st.targetColumns ? st.targetColumns.length : target.columns.length - 1;
    if (n === plan.columns.length) return [];
    return [analysisError(`Number of INSERT target columns (${n}) does not equal number of source items (${plan.columns.length})`, st.query.loc)];
  },
};
