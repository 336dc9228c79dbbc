import { analysisError } from '../../errors';
import type { Rule } from '../context';

/** A stream or pump may be created once, unless CREATE OR REPLACE says it replaces the earlier one. */
export const DuplicateObjectRule: Rule = {
  name: 'DuplicateObject',
  check(st, ctx) {
    if (st.kind === 'Query' || st.orReplace) return [];
    const name = st.name.value;
    if (st.kind === 'CreateStream' && ctx.catalog.has(name)) return [analysisError(`Stream '${name}' already exists`, st.name.loc)];
    if (st.kind === 'CreatePump' && ctx.pumps.has(name)) return [analysisError(`Pump '${name}' already exists`, st.name.loc)];
    return [];
  },
};
