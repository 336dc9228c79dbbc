/** A position in the template source: 1-based line and column. */
export interface SourceLocation {
  line: number;
  column: number;
  /** 0-based offset into the source. */
  offset: number;
}

/**
 * A template problem found before anything is sent: the message names the helper or the
 * construct, and the location points at it. `all` lists every problem found in the template
 * (this one first), so an editor can mark them all at once.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  all: TemplateError[] = [this];
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
  /** `line:column: message`, the form compilers print. */
  format(file?: string): string {
    return `${file ? `${file}:` : ''}${this.line}:${this.column}: ${this.message}`;
  }
}

/** Maps offsets to line and column (1-based, columns counted in UTF-16 units like editors do). */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(source: string) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): SourceLocation {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1, offset };
  }
}
