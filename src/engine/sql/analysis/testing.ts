/** Helpers for the rule tests: run one rule over the last statement of a script. */
import { VirtualClock } from '../../common/clock';
import { parseScript } from '../parser';
import type { StreamDef } from '../planner';
import { T, varchar } from '../types';
import { analyzeScript } from './analyze';
import type { Rule } from './context';

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

/** Messages (with line:column) the rule reports for the last statement; earlier statements declare streams and pumps. */
export function check(rule: Rule, script: string): string[] {
  const { statements } = parseScript(script);
  const catalog = new Map<string, StreamDef>([[sourceStream.name, sourceStream]]);
  const { statements: analysed } = analyzeScript({ statements }, catalog, { clock: new VirtualClock(0), rules: [rule] });
  return analysed[analysed.length - 1].ruleErrors.map((e) => `${e.loc.line}:${e.loc.column}: ${e.detail}`);
}
