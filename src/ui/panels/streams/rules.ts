/** Stream names as AWS accepts them (CreateStream: length 1-128, pattern [a-zA-Z0-9_.-]+). */
export const STREAM_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const STREAM_NAME_MAX = 128;

/** Default shard quota per account in us-east-1 (Kinesis quotas page); AWS answers LimitExceededException above it. */
export const SHARD_QUOTA_HINT = 500;

/** What is wrong with a stream name, in AWS's constraint words; undefined when it is fine. */
export const streamNameProblem = (name: string): string | undefined => {
  if (name.length === 0) return 'Enter a stream name.';
  if (name.length > STREAM_NAME_MAX) return `Member must have length less than or equal to ${STREAM_NAME_MAX}`;
  if (!STREAM_NAME_PATTERN.test(name)) return 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+';
  return undefined;
};

/** Parses a whole number typed in a form; undefined when it is not one. */
export const parseWhole = (s: string): number | undefined => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : undefined);

export const shardCountProblem = (s: string): string | undefined => {
  const n = parseWhole(s);
  if (n === undefined) return 'Enter a whole number of shards.';
  if (n < 1) return 'Member must have value greater than or equal to 1';
  if (n > SHARD_QUOTA_HINT) return `More than the default account quota of ${SHARD_QUOTA_HINT} shards: AWS will refuse it.`;
  return undefined;
};

/** Retention: 24 hours to 365 days (8760 hours). */
export const RETENTION_MIN = 24;
export const RETENTION_MAX = 8760;
