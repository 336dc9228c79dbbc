/**
 * The dialect as data, for an editor's highlighting and completion: every keyword, type and
 * function the engine knows, read from the same lists and registries the lexer, parser and
 * planner use (so the editor never offers what the engine would reject, nor misses what it takes).
 */
import { aggregateFunctions, ANALYTIC_ONLY } from './aggregates';
import { ERROR_STREAM, SOURCE_STREAM } from './application';
import { scalarFunctions } from './functions/registry';
import { CLAUSE_KEYWORDS, CONTEXTUAL_KEYWORDS, DIALECT_KEYWORDS, NILADIC_FUNCTIONS, PSEUDO_COLUMNS, RESERVED_WORDS, TIME_UNITS, TYPE_NAMES } from './keywords';
import { tableFunctions } from './operators/tableFunctions';

export type FunctionKind = 'scalar' | 'aggregate' | 'analytic' | 'table' | 'niladic';

export interface DialectFunction {
  name: string;
  kind: FunctionKind;
  /** How it is called: `SUBSTRING(arg1, arg2[, arg3])`, `COUNT(*)`, `CURRENT_ROW_TIMESTAMP`. */
  signature: string;
  minArgs: number;
  maxArgs: number;
}

export interface Dialect {
  name: string;
  /** Words that cannot be unquoted names (quote them: `"TIMESTAMP"`). */
  reservedWords: string[];
  /** Every keyword to highlight: reserved words, the dialect's own and the contextual ones. */
  keywords: string[];
  /** Keywords that start or end a clause (SELECT, FROM, WHERE, ...): good first completions. */
  clauseKeywords: string[];
  types: string[];
  timeUnits: string[];
  /** Columns every stream has without declaring them. */
  pseudoColumns: string[];
  functions: DialectFunction[];
  /** Streams every application has. */
  streams: string[];
  /** Quote characters: 'text' for strings, "Name" for case-sensitive names; -- and /* *\/ comments. */
  stringQuote: "'";
  identifierQuote: '"';
  lineComment: '--';
  blockComment: ['/*', '*/'];
}

const args = (min: number, max: number): string => {
  const names = Array.from({ length: Math.min(max, 6) }, (_, i) => `arg${i + 1}`);
  const required = names.slice(0, min).join(', ');
  const optional = names.slice(min);
  if (optional.length === 0) return required;
  return `${required}${required ? '[, ' : '['}${optional.join('[, ')}${']'.repeat(optional.length)}`;
};

/** Functions SQL:2008 calls with words between the arguments (the parser's special forms). */
const SPECIAL_FORMS: Record<string, string> = {
  POSITION: 'POSITION(search IN text)',
  OVERLAY: 'OVERLAY(text PLACING replacement FROM start[ FOR length])',
  TRIM: 'TRIM([BOTH | LEADING | TRAILING] [chars] FROM text)',
};

function functionList(): DialectFunction[] {
  const out: DialectFunction[] = [];
  for (const name of NILADIC_FUNCTIONS) out.push({ name, kind: 'niladic', signature: name, minArgs: 0, maxArgs: 0 });
  for (const f of scalarFunctions.values())
    out.push({ name: f.name, kind: 'scalar', signature: SPECIAL_FORMS[f.name] ?? `${f.name}(${args(f.minArgs, f.maxArgs)})`, minArgs: f.minArgs, maxArgs: f.maxArgs });
  for (const f of aggregateFunctions.values())
    out.push({ name: f.name, kind: 'aggregate', signature: f.name === 'COUNT' ? 'COUNT(*)' : `${f.name}([DISTINCT] ${args(f.minArgs, f.maxArgs)})`, minArgs: f.minArgs, maxArgs: f.maxArgs });
  for (const name of ANALYTIC_ONLY) out.push({ name, kind: 'analytic', signature: `${name}(expr[, offset[, default]]) OVER (...)`, minArgs: 1, maxArgs: 3 });
  for (const [name, f] of tableFunctions) out.push({ name, kind: 'table', signature: `TABLE(${f.signature})`, minArgs: 1, maxArgs: 1 });
  // The special forms the parser reads itself.
  out.push({ name: 'FLOOR', kind: 'scalar', signature: 'FLOOR(expr TO unit)', minArgs: 1, maxArgs: 1 });
  out.push({ name: 'CEIL', kind: 'scalar', signature: 'CEIL(expr TO unit)', minArgs: 1, maxArgs: 1 });
  out.push({ name: 'STEP', kind: 'scalar', signature: "STEP(ROWTIME BY INTERVAL '10' SECOND)", minArgs: 2, maxArgs: 2 });
  out.push({ name: 'EXTRACT', kind: 'scalar', signature: 'EXTRACT(unit FROM expr)', minArgs: 1, maxArgs: 1 });
  out.push({ name: 'CAST', kind: 'scalar', signature: 'CAST(expr AS type)', minArgs: 1, maxArgs: 1 });
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.signature.localeCompare(b.signature));
}

const sorted = (words: Iterable<string>) => [...new Set(words)].sort();

/** The Kinesis Data Analytics SQL dialect as this engine reads it. */
export const dialect: Dialect = {
  name: 'kinesis-analytics-sql',
  reservedWords: sorted([...RESERVED_WORDS, ...DIALECT_KEYWORDS]),
  keywords: sorted([...RESERVED_WORDS, ...DIALECT_KEYWORDS, ...CONTEXTUAL_KEYWORDS, ...CLAUSE_KEYWORDS]),
  clauseKeywords: sorted(CLAUSE_KEYWORDS),
  types: [...TYPE_NAMES],
  timeUnits: [...TIME_UNITS],
  pseudoColumns: [...PSEUDO_COLUMNS],
  functions: functionList(),
  streams: [SOURCE_STREAM, ERROR_STREAM],
  stringQuote: "'",
  identifierQuote: '"',
  lineComment: '--',
  blockComment: ['/*', '*/'],
};
