/**
 * Where a row came from, kept beside the row and never visible to SQL. A source row carries what
 * the application was given with its record (opaque here: the runtime puts the Kinesis record's
 * shard and sequence number there). Operators that pass a row on (filter, ORDER BY) keep it as it
 * is; a projection and a pump's insert copy it to the row they build; a DISTINCT row carries the
 * origin of the first row of its group (the one kept); a tumbling aggregate's row carries an
 * `Aggregated` (how many rows, which window), since it has no single source. Operators that build
 * rows from several (sliding windows, joins) leave it off.
 */
import type { Row } from './compile';

export const ORIGIN: unique symbol = Symbol('origin');

type Carrier = Row & { [ORIGIN]?: unknown };

/** A row computed over a window of rows: it has many sources, not one. */
export class Aggregated {
  constructor(
    /** Rows of the group that made it. */
    readonly rows: number,
    readonly windowStart: number,
    readonly windowEnd: number,
  ) {}
}

export const originOf = (row: Row): unknown => (row as Carrier)[ORIGIN];

export const setOrigin = (row: Row, origin: unknown): void => {
  (row as Carrier)[ORIGIN] = origin;
};

/** Copies `from`'s origin (if any) to `to`: a row built from one row keeps its source. */
export const carryOrigin = (from: Row, to: Row): void => {
  const o = (from as Carrier)[ORIGIN];
  if (o !== undefined) (to as Carrier)[ORIGIN] = o;
};
