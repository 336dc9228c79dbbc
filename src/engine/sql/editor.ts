/**
 * What an editor needs from the SQL engine, in the shape Monaco takes it: the dialect's words, and
 * every problem in a script with the range to underline. Pure; the emulator worker calls it so
 * typing never waits on it.
 */
import type { RecordColumn } from './discovery/discover';
import { diagnose } from './diagnose';
import { dialect } from './dialect';

export interface SqlDialectWords {
  keywords: string[];
  types: string[];
  functions: { name: string; signature: string; description?: string }[];
}

export const sqlDialect = (): SqlDialectWords => {
  const types = new Set(dialect.types);
  const functions = new Set(dialect.functions.map((f) => f.name));
  return {
    // A word that names a type or a function is highlighted as one, not as a keyword.
    keywords: dialect.keywords.filter((k) => !types.has(k) && !functions.has(k)),
    types: [...dialect.types],
    functions: dialect.functions.map((f) => ({ name: f.name, signature: f.signature })),
  };
};

/** A problem in editor coordinates (lines and columns from 1, end exclusive). */
export interface SqlProblem {
  message: string;
  severity: 'error' | 'warning';
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * Every problem the engine finds in `script`, given the source's columns. A problem known only at a
 * point (the end of the script) is widened to one character so an editor can show it.
 */
export const diagnoseSql = (script: string, columns: RecordColumn[]): SqlProblem[] =>
  diagnose(script, columns).map((d) => {
    const point = d.end.offset <= d.start.offset;
    return {
      message: d.kind === 'Syntax error' ? `Syntax error: ${d.message}` : d.message,
      severity: d.severity,
      startLineNumber: d.start.line,
      startColumn: point && d.start.column > 1 ? d.start.column - 1 : d.start.column,
      endLineNumber: point ? d.start.line : d.end.line,
      endColumn: point ? (d.start.column > 1 ? d.start.column : d.start.column + 1) : d.end.column,
    };
  });
