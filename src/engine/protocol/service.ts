import type { AwsError } from '../common/errors';
import type { HttpRequestLike, HttpResponseLike } from './http';
import type { RequestContext } from './context';
import type { BinaryMembers } from './cbor';

/**
 * A service spoken in awsJson (1.0 or 1.1): the request names its operation in
 * `X-Amz-Target: <targetPrefix>.<Operation>` and carries a JSON body.
 */
export interface JsonService {
  readonly kind: 'json';
  /** e.g. `Kinesis_20131202` */
  readonly targetPrefix: string;
  /** `1.0` (CloudWatch) or `1.1` (Kinesis, Firehose, Kinesis Analytics). */
  readonly jsonVersion: '1.0' | '1.1';
  hasOperation(operation: string): boolean;
  /** Validates and runs one operation. Throws AwsError for AWS errors. */
  call(operation: string, input: Record<string, unknown>, rc: RequestContext): unknown | Promise<unknown>;
  /**
   * Optional: shape an error for this service (CloudWatch's query-compatible errors add a header).
   * The default envelope is `{"__type": code, "message": text}` with `x-amzn-ErrorType`.
   */
  errorHeaders?(code: string): Record<string, string>;
  /** Optional: per operation, the output members CBOR carries as bytes or tagged times (services CBOR clients use). */
  readonly binaryOutputs?: Readonly<Record<string, BinaryMembers>>;
}

/** A REST service (S3): matched on method and path. */
export interface RestService {
  readonly kind: 'rest';
  matches(req: HttpRequestLike): boolean;
  handle(req: HttpRequestLike, rc: RequestContext): Promise<HttpResponseLike> | HttpResponseLike;
  /** The service's error envelope for `e` (S3's XML error document); without it, the JSON one. */
  errorResponse?(e: AwsError, req: HttpRequestLike, rc: RequestContext): HttpResponseLike;
}

export type Service = JsonService | RestService;
