/**
 * An error as AWS reports it: `code` is the exception type (`ResourceNotFoundException`),
 * `message` the exact text AWS sends. The protocol layer puts both in the service's envelope.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number = 400,
    /** Members AWS sends beside the message for this error (DiscoverInputSchema's RawInputRecords, say). */
    readonly fields?: Record<string, unknown>,
  ) {
    super(message);
    this.name = code;
  }
}

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;
