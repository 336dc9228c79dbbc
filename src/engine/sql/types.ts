/**
 * SQL types of the Kinesis Data Analytics dialect and how their values live at run time.
 *
 * Run-time values are plain JS, chosen for speed (rows are arrays indexed by column):
 * - NULL: `null`
 * - BOOLEAN: boolean
 * - TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL: number
 * - CHAR, VARCHAR: string
 * - VARBINARY: Uint8Array
 * - TIMESTAMP: number, epoch milliseconds UTC
 * - DATE: number, epoch milliseconds at 00:00 UTC of that day
 * - TIME: number, milliseconds since midnight
 * - INTERVAL (day-time): number of milliseconds; INTERVAL (year-month): number of months
 */
export type SqlType =
  | { kind: 'BOOLEAN' }
  | { kind: 'TINYINT' }
  | { kind: 'SMALLINT' }
  | { kind: 'INTEGER' }
  | { kind: 'BIGINT' }
  | { kind: 'REAL' }
  | { kind: 'DOUBLE' }
  | { kind: 'DECIMAL'; precision: number; scale: number }
  | { kind: 'CHAR'; length: number }
  | { kind: 'VARCHAR'; length: number }
  | { kind: 'VARBINARY'; length: number }
  | { kind: 'DATE' }
  | { kind: 'TIME' }
  | { kind: 'TIMESTAMP' }
  | { kind: 'INTERVAL_DAY_TIME' }
  | { kind: 'INTERVAL_YEAR_MONTH' }
  /** The type of a bare NULL literal before coercion. */
  | { kind: 'NULL' }
  /** An argument a function accepts whatever its type (e.g. COUNT(*)). */
  | { kind: 'ANY' };

export type SqlTypeKind = SqlType['kind'];

export type SqlValue = null | boolean | number | string | Uint8Array;

export const T = {
  BOOLEAN: { kind: 'BOOLEAN' },
  TINYINT: { kind: 'TINYINT' },
  SMALLINT: { kind: 'SMALLINT' },
  INTEGER: { kind: 'INTEGER' },
  BIGINT: { kind: 'BIGINT' },
  REAL: { kind: 'REAL' },
  DOUBLE: { kind: 'DOUBLE' },
  DATE: { kind: 'DATE' },
  TIME: { kind: 'TIME' },
  TIMESTAMP: { kind: 'TIMESTAMP' },
  INTERVAL_DAY_TIME: { kind: 'INTERVAL_DAY_TIME' },
  INTERVAL_YEAR_MONTH: { kind: 'INTERVAL_YEAR_MONTH' },
  NULL: { kind: 'NULL' },
  ANY: { kind: 'ANY' },
} as const satisfies Record<string, SqlType>;

export const varchar = (length: number): SqlType => ({ kind: 'VARCHAR', length });
export const char = (length: number): SqlType => ({ kind: 'CHAR', length });
export const varbinary = (length: number): SqlType => ({ kind: 'VARBINARY', length });
export const decimal = (precision: number, scale: number): SqlType => ({ kind: 'DECIMAL', precision, scale });

const INTEGRAL = new Set<SqlTypeKind>(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);
const NUMERIC = new Set<SqlTypeKind>(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'REAL', 'DOUBLE', 'DECIMAL']);
const CHARACTER = new Set<SqlTypeKind>(['CHAR', 'VARCHAR']);
const DATETIME = new Set<SqlTypeKind>(['DATE', 'TIME', 'TIMESTAMP']);

export const isIntegral = (t: SqlType) => INTEGRAL.has(t.kind);
export const isNumeric = (t: SqlType) => NUMERIC.has(t.kind);
export const isCharacter = (t: SqlType) => CHARACTER.has(t.kind);
export const isDatetime = (t: SqlType) => DATETIME.has(t.kind);
export const isInterval = (t: SqlType) => t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH';
/** A literal NULL or an ANY-typed operand fits every operator and function parameter. */
export const isWild = (t: SqlType) => t.kind === 'NULL' || t.kind === 'ANY';

/** Milliseconds in each day-time unit (FLOOR, STEP, EXTRACT, interval literals). */
export const UNIT_MS: Readonly<Record<string, number>> = { DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, MILLISECOND: 1 };

/** The type as SQL writes it: `VARCHAR(16)`, `DECIMAL(8,2)`, `TIMESTAMP`. */
export const formatType = (t: SqlType): string => {
  switch (t.kind) {
    case 'DECIMAL':
      return `DECIMAL(${t.precision},${t.scale})`;
    case 'CHAR':
    case 'VARCHAR':
    case 'VARBINARY':
      return `${t.kind}(${t.length})`;
    case 'INTERVAL_DAY_TIME':
      return 'INTERVAL DAY TO SECOND';
    case 'INTERVAL_YEAR_MONTH':
      return 'INTERVAL YEAR TO MONTH';
    default:
      return t.kind;
  }
};
