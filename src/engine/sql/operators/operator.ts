import type { Row } from '../compile';

/** A plan node as plain data, for `explain()` output and the console's plan view. */
export interface PlanNode {
  operator: string;
  details: Record<string, unknown>;
  /** The operators this one pushes its rows to (plans read from source to sink). */
  then: PlanNode[];
}

/**
 * A push-based streaming operator. Rows carry ROWTIME (epoch ms) at index 0.
 * `advance(now)` tells it the application clock reached `now`, so windows that ended can close.
 */
export interface Operator {
  push(row: Row): void;
  advance(now: number): void;
  explain(): PlanNode;
}

/** Where run-time errors go (error_stream), with the row that caused them. */
export type ErrorReporter = (error: unknown, row: Row | undefined, streamName?: string) => void;

/** The end of a pipeline: hands each row to a callback. */
export class Sink implements Operator {
  constructor(
    private readonly out: (row: Row) => void,
    private readonly label = 'Sink',
  ) {}
  push(row: Row): void {
    this.out(row);
  }
  advance(): void {}
  explain(): PlanNode {
    return { operator: this.label, details: {}, then: [] };
  }
}
