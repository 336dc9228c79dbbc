/**
 * The console's transformation functions: the stand-in for the Lambda functions a Firehose delivery
 * stream's record transformation invokes. Plain data, so a snapshot is JSON.
 */

/** Lambda's default timeout and its range (Lambda Developer Guide, "Configure Lambda function timeout"). */
export const DEFAULT_TIMEOUT_SECONDS = 3;
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 900;

export interface TransformFunction {
  /** 1-64 of `[a-zA-Z0-9-_]`, as Lambda names functions. */
  name: string;
  /** `arn:aws:lambda:<region>:<account>:function:<name>`: what a delivery stream's LambdaArn names. */
  arn: string;
  /** JavaScript defining `handler` (see handler.ts). */
  source: string;
  timeoutSeconds: number;
  /** Epoch ms of the last change. */
  lastModified: number;
}

export const FUNCTIONS_SNAPSHOT_VERSION = 1;

export interface FunctionsSnapshot {
  version: typeof FUNCTIONS_SNAPSHOT_VERSION;
  functions: TransformFunction[];
}
