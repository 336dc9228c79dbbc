/**
 * What an editor needs from the SQL engine: the dialect's words, and the problems in a script
 * with the ranges to underline. Pure; the emulator worker calls it so typing never waits on it.
 */
import { VirtualClock } from '../common/clock';
import { Application } from './application';
import type { RecordColumn } from './discovery/discover';
import { RESERVED_WORDS } from './discovery/reserved';
import { SqlCompileErrors } from './errors';
import { scalarFunctions } from './functions/registry';

export interface SqlDialectWords {
  keywords: string[];
  types: string[];
  functions: { name: string; signature: string; description?: string }[];
}

/** SQL types a column or CAST can name. */
export const SQL_TYPE_NAMES = ['BIGINT', 'BINARY', 'BOOLEAN', 'CHAR', 'DATE', 'DECIMAL', 'DOUBLE', 'INTEGER', 'INTERVAL', 'NUMERIC', 'REAL', 'SMALLINT', 'TIME', 'TIMESTAMP', 'TINYINT', 'VARBINARY', 'VARCHAR'];

const STREAMING_WORDS = ['PUMP', 'STREAM', 'WINDOW', 'WINDOWED', 'STAGGER', 'PRECEDING', 'RANGE', 'ROWS', 'PARTITION', 'OVER', 'REPLACE', 'CURSOR', 'STEP', 'ROWTIME'];

export const sqlDialect = (): SqlDialectWords => {
  const types = new Set(SQL_TYPE_NAMES);
  const functions = [...scalarFunctions.values()].map((f) => ({
    name: f.name,
    signature: `${f.name}(${f.minArgs === f.maxArgs ? `${f.minArgs} argument${f.minArgs === 1 ? '' : 's'}` : `${f.minArgs} to ${f.maxArgs === Infinity ? 'any number of' : f.maxArgs} arguments`})`,
  }));
  const fnNames = new Set(functions.map((f) => f.name));
  const keywords = [...new Set([...RESERVED_WORDS, ...STREAMING_WORDS])].filter((w) => !types.has(w) && !fnNames.has(w)).sort();
  return { keywords, types: [...types], functions: functions.sort((a, b) => a.name.localeCompare(b.name)) };
};

export interface SqlProblem {
  message: string;
  severity: 'error' | 'warning';
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Every problem the engine finds in `script`, given the source's columns; none for an empty script. */
export const diagnoseSql = (script: string, columns: RecordColumn[]): SqlProblem[] => {
  if (script.trim() === '') return [];
  try {
    new Application(script, {
      clock: new VirtualClock(0),
      inputSchema: { RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } }, RecordColumns: columns },
    });
    return [];
  } catch (e) {
    if (!(e instanceof SqlCompileErrors)) return [{ message: e instanceof Error ? e.message : String(e), severity: 'error', startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 }];
    const lines = script.split('\n');
    return e.errors.map((x) => {
      const line = lines[x.loc.line - 1] ?? '';
      const word = /^("([^"]|"")*"|'([^']|'')*'|[\w$]+|.)/.exec(line.slice(x.loc.column - 1))?.[0] ?? ' ';
      return {
        message: x.kind === 'Syntax error' ? `Syntax error: ${x.detail}` : x.detail,
        severity: 'error' as const,
        startLineNumber: x.loc.line,
        startColumn: x.loc.column,
        endLineNumber: x.loc.line,
        endColumn: x.loc.column + word.length,
      };
    });
  }
};
