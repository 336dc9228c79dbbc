/** Default shard quota per account in us-east-1 (Kinesis quotas page); AWS answers LimitExceededException above it. */
export const SHARD_QUOTA_HINT = 500;

import { parseWhole } from '../../lib/forms';

export { parseWhole };

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
