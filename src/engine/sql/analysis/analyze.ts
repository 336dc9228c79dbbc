import type { Clock } from '../../common/clock';
import type { Statement } from '../ast';
import type { SqlCompileError } from '../errors';
import { T } from '../types';
import type { StreamDef } from '../planner';
import { makeContext } from './context';
import { rules } from './rules';

/**
 * Runs every registered rule over every statement, in script order, with the streams declared
 * so far. Returns all errors found, sorted by position; an empty list means the script is valid
 * as far as the rules can tell (the planner may still find a type error).
 */
export function analyze(statements: Statement[], initial: Map<string, StreamDef>, clock: Clock): SqlCompileError[] {
  const catalog = new Map(initial);
  const errors: SqlCompileError[] = [];
  const seen = new Set<string>();
  for (const st of statements) {
    const ctx = makeContext(new Map(catalog), clock);
    for (const rule of rules) {
      for (const e of rule.check(st, ctx)) {
        const k = `${e.loc.offset}:${e.message}`;
        if (!seen.has(k)) {
          seen.add(k);
          errors.push(e);
        }
      }
    }
    if (st.kind === 'CreateStream')
      catalog.set(st.name.value, { name: st.name.value, columns: [{ name: 'ROWTIME', type: T.TIMESTAMP, hidden: true }, ...st.columns.map((c) => ({ name: c.name.value, type: c.type }))] });
  }
  return errors.sort((a, b) => a.loc.offset - b.loc.offset);
}
