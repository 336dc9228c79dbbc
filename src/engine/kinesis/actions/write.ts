import { kErr } from '../errors';
import { bigToHex, findRangeWords, hexToWords, MAX_HASH_KEY } from '../store/hashkeys';
import { md5Words } from '../store/md5';
import type { Shard, Stream } from '../store/types';
import type { KinesisContext } from './context';

/** Per-shard write limits (Kinesis quotas): 1 MiB/s and 1,000 records/s. */
export const SHARD_WRITE_BYTES = 1_048_576;
export const SHARD_WRITE_RECORDS = 1_000;
/** A new ON_DEMAND stream's write capacity, for the whole stream: 4 MB/s and 4,000 records/s. */
export const ON_DEMAND_WRITE_BYTES = 4 * 1_048_576;
export const ON_DEMAND_WRITE_RECORDS = 4_000;
// A record is at most 1 MiB with its partition key (AWS docs). Over it, the error text is ours: AWS's is not documented.
export const MAX_RECORD_BYTES = 1_048_576;
export const MAX_PUT_RECORDS_BYTES = 5 * 1_048_576;

const KEY = new Uint32Array(4);

/** The open shard holding a record's hash key: its ExplicitHashKey, or MD5 of its partition key. */
export const shardForRecord = (s: Stream, partitionKey: string, explicit: string | undefined): Shard => {
  if (explicit === undefined) md5Words(partitionKey, KEY);
  else hexToWords(explicitHashKeyHex(explicit), KEY);
  return s.Shards[s._open[findRangeWords(s._openStartWords, KEY)]];
};

/** An ExplicitHashKey as 32-digit hex; InvalidArgumentException outside [0, 2^128-1]. */
export const explicitHashKeyHex = (explicit: string): string => {
  const n = BigInt(explicit);
  if (n > MAX_HASH_KEY) {
    throw kErr.invalidArgument(
      `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${explicit}`,
    );
  }
  return bigToHex(n);
};


/**
 * Whether one more record of `size` bytes fits the write limits in the current second; counts it
 * if so. Limits are enforced only when ctx.options.enforceThroughput is on.
 */
export const admit = (k: KinesisContext, s: Stream, sh: Shard, size: number, sec: number): boolean => {
  if (!k.engine.options.enforceThroughput) return true;
  if (s.StreamModeDetails.StreamMode === 'ON_DEMAND') {
    if (s._wSec !== sec) {
      s._wSec = sec;
      s._wBytes = 0;
      s._wRecords = 0;
    }
    if (s._wRecords + 1 > ON_DEMAND_WRITE_RECORDS || s._wBytes + size > ON_DEMAND_WRITE_BYTES) return false;
    s._wRecords++;
    s._wBytes += size;
    return true;
  }
  if (sh._wSec !== sec) {
    sh._wSec = sec;
    sh._wBytes = 0;
    sh._wRecords = 0;
  }
  if (sh._wRecords + 1 > SHARD_WRITE_RECORDS || sh._wBytes + size > SHARD_WRITE_BYTES) return false;
  sh._wRecords++;
  sh._wBytes += size;
  return true;
};
