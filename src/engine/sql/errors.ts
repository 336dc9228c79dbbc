/** Where a token or AST node starts in the script: 1-based line and column, 0-based offset. */
export interface Loc {
  line: number;
  column: number;
  offset: number;
}

/** A mistake in the script found before it runs (syntax or analysis), rendered with its position. */
export class SqlCompileError extends Error {
  constructor(
    readonly kind: 'Syntax error' | 'Error',
    readonly detail: string,
    readonly loc: Loc,
  ) {
    super(`${kind} at line ${loc.line}, column ${loc.column}: ${detail}`);
    this.name = 'SqlCompileError';
  }
}

export const syntaxError = (detail: string, loc: Loc) => new SqlCompileError('Syntax error', detail, loc);
export const analysisError = (detail: string, loc: Loc) => new SqlCompileError('Error', detail, loc);

/** Several analysis errors at once (the analyser reports all it finds, in script order). */
export class SqlCompileErrors extends Error {
  constructor(readonly errors: SqlCompileError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'SqlCompileErrors';
  }
}
