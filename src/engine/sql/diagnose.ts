/**
 * Diagnostics for an editor: every syntax and analysis error of a script, each with the range of
 * text it is about, from one parse (that goes on past broken statements) and one analysis pass
 * (each query planned once). Cheap enough to run on every keystroke.
 */
import { VirtualClock } from '../common/clock';
import { analyzeScript } from './analysis/analyze';
import { builtInStreams } from './application';
import type { InputSchema } from './discovery/discover';
import type { Loc } from './errors';
import { parseScriptRecovering } from './parser';

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** How the rendered message starts: `Syntax error` or `Error`. */
  kind: 'Syntax error' | 'Error';
  /** The problem alone, e.g. `Column 'SENSORID' not found in any table; did you mean "sensorId"?`. */
  message: string;
  /** As the engine renders it: `Syntax error at line 3, column 7: expected ...`. */
  text: string;
  /** Where the offending text starts (1-based line and column, 0-based offset)... */
  start: Loc;
  /** ...and just past where it ends (equal to `start` when only a point is known, such as the end of the script). */
  end: Loc;
}

/**
 * All diagnostics of `script`, in script order. `inputColumns` are SOURCE_SQL_STREAM_001's columns
 * (the input schema's RecordColumns, as schema discovery returns them); without them the source
 * stream has only ROWTIME and APPROXIMATE_ARRIVAL_TIME, so its other columns are reported unknown.
 */
export function diagnose(script: string, inputColumns?: InputSchema['RecordColumns']): Diagnostic[] {
  const parsed = parseScriptRecovering(script);
  const catalog = new Map(builtInStreams(inputColumns).map((s) => [s.name, s]));
  const { errors } = analyzeScript(parsed, catalog, { clock: new VirtualClock(0) });
  return [...parsed.errors, ...errors]
    .sort((a, b) => a.loc.offset - b.loc.offset)
    .map((e) => ({
      severity: 'error',
      kind: e.kind,
      message: e.detail,
      text: e.message,
      start: { line: e.loc.line, column: e.loc.column, offset: e.loc.offset },
      end: e.end,
    }));
}
