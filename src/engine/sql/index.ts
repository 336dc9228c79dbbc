/**
 * The streaming SQL engine's public surface (Kinesis Data Analytics SQL dialect):
 * - `new Application(script, { clock, inputSchema })`: parse, analyse, plan; then `pushRecord`/`pushRow`,
 *   `advance` as the clock moves, `subscribe` to rows of every in-application stream and error_stream,
 *   `explain()` for the pumps' plans. Script mistakes throw SqlCompileErrors (each with line and column).
 * - `runHeadless(script, records, schema?)`: the `npm run sql` run on virtual time.
 * - `diagnose(script, inputColumns?)`: every error with its range, for an editor's markers (cheap per keystroke).
 * - `dialect`: keywords, types and functions (with signatures) for an editor's highlighting and completion.
 */
export { Application, ERROR_STREAM, SOURCE_STREAM, displayValue, type ApplicationOptions, type InAppStream, type RowListener } from './application';
export { runHeadless, parseInputLines, InputLineError, DEFAULT_START, DEFAULT_RATE, FINAL_ADVANCE_MS, type HeadlessResult, type InputOptions, type InputRecord } from './headless';
export { SqlCompileError, SqlCompileErrors, type Loc, type Span } from './errors';
export { parseScript, parseScriptRecovering, type ParsedScript } from './parser';
export { diagnose, type Diagnostic } from './diagnose';
export { dialect, type Dialect, type DialectFunction, type FunctionKind } from './dialect';
export { printExpr } from './print';
export type { PlanNode } from './operators/operator';
