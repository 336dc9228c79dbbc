/** Helpers for the rule tests: run one rule over the last statement of a script. */
import { VirtualClock } from '../../common/clock';
import { parseScript } from '../parser';
import type { StreamDef } from '../planner';
import { T, varchar } from '../types';
import { makeContext, type Rule } from './context';

/** SOURCE_SQL_STREAM_001 as the workshop's schema discovery makes it. */
export const sourceStream: StreamDef = {
  name: 'SOURCE_SQL_STREAM_001',
  columns: [
    { name: 'ROWTIME', type: T.TIMESTAMP, hidden: true },
    { name: 'APPROXIMATE_ARRIVAL_TIME', type: T.TIMESTAMP, hidden: true },
    { name: 'sensorId', type: varchar(16) },
    { name: 'eventTimeStamp', type: varchar(16) },
    { name: 'ambientTemp', type: T.INTEGER },
    { name: 'measuredTemp', type: T.INTEGER },
  ],
};

/** Messages (with line:column) the rule reports for the last statement; earlier CREATE STREAMs declare streams. */
export function check(rule: Rule, script: string): string[] {
  const { statements } = parseScript(script);
  const catalog = new Map<string, StreamDef>([[sourceStream.name, sourceStream]]);
  for (const st of statements.slice(0, -1))
    if (st.kind === 'CreateStream')
      catalog.set(st.name.value, { name: st.name.value, columns: [{ name: 'ROWTIME', type: T.TIMESTAMP, hidden: true }, ...st.columns.map((c) => ({ name: c.name.value, type: c.type }))] });
  const ctx = makeContext(catalog, new VirtualClock(0));
  return rule.check(statements[statements.length - 1], ctx).map((e) => `${e.loc.line}:${e.loc.column}: ${e.detail}`);
}
