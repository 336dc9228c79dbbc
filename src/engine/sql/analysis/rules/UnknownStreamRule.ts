import type { FromItem } from '../../ast';
import type { SqlCompileError } from '../../errors';
import { unknownStream } from '../../planner';
import { selectsOf, type Rule } from '../context';

/** Every stream read or written must have been created earlier in the script (or be the source). */
export const UnknownStreamRule: Rule = {
  name: 'UnknownStream',
  check(st, ctx) {
    const errors: SqlCompileError[] = [];
    if (st.kind === 'CreatePump' && !ctx.catalog.has(st.target.value)) errors.push(unknownStream(st.target.value, st.target.loc, { streams: ctx.catalog }));
    const visit = (f: FromItem) => {
      if (f.kind === 'StreamRef' && !ctx.catalog.has(f.name.value)) errors.push(unknownStream(f.name.value, f.name.loc, { streams: ctx.catalog }));
      if (f.kind === 'Join') {
        visit(f.left);
        visit(f.right);
      }
    };
    for (const q of selectsOf(st)) visit(q.from);
    return errors;
  },
};
