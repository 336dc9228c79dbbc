import type { Row } from '../compile';
import { SqlRuntimeError } from '../functions/errors';
import type { ErrorReporter, Operator, PlanNode } from './operator';

/**
 * Reads an in-application stream: the entry of a pump's pipeline. A run-time error raised
 * while the row flows through the pipeline sends that row to error_stream; the pump goes on.
 */
export class Scan implements Operator {
  constructor(
    readonly streamName: string,
    private readonly next: Operator,
    private readonly report: ErrorReporter,
  ) {}
  push(row: Row): void {
    try {
      this.next.push(row);
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.report(e, row, this.streamName);
    }
  }
  advance(now: number): void {
    try {
      this.next.advance(now);
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.report(e, undefined);
    }
  }
  explain(): PlanNode {
    return { operator: 'Scan', details: { stream: this.streamName }, then: [this.next.explain()] };
  }
}
