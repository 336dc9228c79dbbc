/** Where a token or AST node starts in the script: 1-based line and column, 0-based offset. */
export interface Loc {
  line: number;
  column: number;
  offset: number;
}

/** Where an AST node or a problem lies: its start, and `end` just past its last character. */
export interface Span extends Loc {
  end: Loc;
}

/** A point as a span of no width (a problem found where a token starts, such as the end of the script). */
export const pointSpan = (loc: Loc): Span => ({ line: loc.line, column: loc.column, offset: loc.offset, end: 'end' in loc ? (loc as Span).end : { line: loc.line, column: loc.column, offset: loc.offset } });

/**
 * A mistake in the script found before it runs (syntax or analysis), rendered with its start
 * position; `end` is where the offending text ends (the start itself when only a point is known).
 */
export class SqlCompileError extends Error {
  /** The message as a tool prints it after `file:line:column: `: `Syntax error: ...` or the analysis text. */
  get shortMessage(): string {
    return this.kind === 'Syntax error' ? `Syntax error: ${this.detail}` : this.detail;
  }
  readonly end: Loc;
  constructor(
    readonly kind: 'Syntax error' | 'Error',
    readonly detail: string,
    readonly loc: Loc | Span,
  ) {
    super(`${kind} at line ${loc.line}, column ${loc.column}: ${detail}`);
    this.name = 'SqlCompileError';
    this.end = pointSpan(loc).end;
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
