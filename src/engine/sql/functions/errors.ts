/**
 * A run-time error of the SQL engine. The row that caused it goes to error_stream
 * (ERROR_NAME = errorName, MESSAGE = message) and the application keeps running.
 * Source: KDA Developer Guide, "Error Handling" (error_stream schema: ERROR_NAME VARCHAR(32)).
 */
export class SqlRuntimeError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'SqlRuntimeError';
  }
}

/**
 * The ERROR_NAME values this engine writes. KDA's guide lists the causes (schema mismatch,
 * division by zero, coercion failure) but not every name, so the names follow the SQLSTATE
 * condition names of standard SQL, each at most 32 characters as the column allows.
 */
export const ErrorNames = {
  /** A value cannot be converted to the target type (SQLSTATE 22018). */
  CAST: 'Invalid character value for cast',
  /** A number does not fit its target type (SQLSTATE 22003). */
  OUT_OF_RANGE: 'Numeric value out of range',
  /** Division or MOD by zero (SQLSTATE 22012). */
  DIVISION_BY_ZERO: 'Division by zero',
  /** A function argument outside its domain, e.g. LN(0) (SQLSTATE 22023). */
  INVALID_ARGUMENT: 'Invalid parameter value',
  /** A substring/overlay position that is not allowed (SQLSTATE 22011). */
  SUBSTRING_ERROR: 'Substring error',
  /** A datetime string that does not match its format (SQLSTATE 22007). */
  DATETIME_FORMAT: 'Invalid datetime format',
  /** An input record that does not fit the input schema. */
  PARSE: 'Parse error',
} as const;
