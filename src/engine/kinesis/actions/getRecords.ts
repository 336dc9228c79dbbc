import { AwsError } from '../../common/errors';
import { amzUtcString, kErr } from '../errors';
import { decodeIterator, encodeIterator } from '../store/iterator';
import { seekCounter } from '../store/log';
import { counterOf, seqOf } from '../store/sequence';
import { parseShardId } from '../store/store';
import type { Shard, Stream } from '../store/types';
import type { KinesisContext } from './context';

export interface GetRecordsInput {
  ShardIterator: string;
  Limit?: number;
  StreamARN?: string;
}

/** Iterators live 5 minutes. */
export const ITERATOR_LIFETIME_MS = 300_000;
/**
 * Per-shard read limits (Kinesis quotas): 5 GetRecords calls/s and 2 MiB/s. One call returns at most
 * 10 MiB; after a large read the shard refuses reads until 2 MiB/s has paid it back (AWS: 10 MiB,
 * then 5 seconds of ProvisionedThroughputExceededException).
 */
export const SHARD_READ_CALLS = 5;
export const SHARD_READ_BYTES = 2 * 1_048_576;
export const MAX_GET_RECORDS_BYTES = 10 * 1_048_576;

/** A record as GetRecords and SubscribeToShard events show it (Data in Base64, as awsJson carries blobs). */
export interface PublicRecord {
  SequenceNumber: string;
  /** Seconds. */
  ApproximateArrivalTimestamp: number;
  Data: string;
  PartitionKey: string;
}

/** The record at index `i` of the shard's log. */
export const publicRecord = (sh: Shard, i: number): PublicRecord => {
  const log = sh._log;
  return {
    SequenceNumber: seqOf(sh._seqPrefix, log.counter(i)),
    ApproximateArrivalTimestamp: log.at(i) / 1000,
    Data: log.data(i),
    PartitionKey: log.partitionKey(i),
  };
};

/** The shards a closed shard ended in: what the last read of it carries. */
export const childShardsOf = (s: Stream, sh: Shard) =>
  s.Shards.filter((c) => c.ParentShardId === sh.ShardId || c.AdjacentParentShardId === sh.ShardId).map((c) => ({
    ShardId: c.ShardId,
    ParentShards: [c.ParentShardId, c.AdjacentParentShardId].filter((p): p is string => p !== undefined),
    HashKeyRange: { ...c.HashKeyRange },
  }));

/**
 * Records from the iterator's position: up to Limit (default 10,000) and 10 MiB. At the end of a
 * closed shard the answer carries ChildShards and no NextShardIterator.
 */
export const getRecords = (k: KinesisContext, input: GetRecordsInput) => {
  const started = k.store.now();
  const pos = decodeIterator(input.ShardIterator);
  const now = k.store.now();
  // A forged token with a time no clock can show (negative, past 2^53, not a number) is just invalid.
  if (!pos || !Number.isSafeInteger(pos.issuedAt) || pos.issuedAt < 0 || !(pos.issuedAt <= now)) throw kErr.invalidIterator();
  if (now - pos.issuedAt > ITERATOR_LIFETIME_MS) {
    throw new AwsError(
      'ExpiredIteratorException',
      `Iterator expired. The iterator was created at time ${amzUtcString(pos.issuedAt)} while right now it is ${amzUtcString(now)} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`,
    );
  }
  // An iterator is bound to its stream, which lives in one region: elsewhere the token means nothing.
  if (pos.region !== k.rc.region) throw kErr.invalidIterator();
  const account = k.store.account;
  const s = k.store.streams.get(k.store.arnOf(pos.region, pos.streamName));
  const ix = parseShardId(pos.shardId)!;
  if (!s || s._createdAt !== pos.streamCreatedAt || !k.store.resolve(s) || !s.Shards[ix]) {
    throw kErr.shardDoesNotExist(pos.shardId, pos.streamName, account);
  }
  if (input.StreamARN !== undefined && input.StreamARN !== s.StreamARN) throw kErr.streamNotFound(pos.streamName, account);
  const sh = s.Shards[ix];
  const m = k.metrics;
  const sec = Math.floor(now / 1000);
  if (k.engine.options.enforceThroughput) {
    if (sh._rSec !== sec) {
      sh._rSec = sec;
      sh._rCalls = 0;
    }
    sh._rTokens = Math.min(SHARD_READ_BYTES, sh._rTokens + ((now - sh._rAt) * SHARD_READ_BYTES) / 1000);
    sh._rAt = now;
    if (sh._rCalls + 1 > SHARD_READ_CALLS || sh._rTokens <= 0) {
      m.stream(s, 'ReadProvisionedThroughputExceeded', 1, 'Count');
      if (m.shardLevel(s, 'ReadProvisionedThroughputExceeded'))
        m.shard(s, sh.ShardId, 'ReadProvisionedThroughputExceeded', 1, 'Count');
      throw kErr.rateExceeded(sh.ShardId, s.StreamName, account);
    }
    sh._rCalls++;
  }
  k.store.trim(s, sh);

  // First record at (>=) or after (>) the position: sequence numbers are fixed-width strings.
  const log = sh._log;
  const n = log.end;
  const lo = seekCounter(log, counterOf(pos.seq), pos.after);
  const limit = input.Limit ?? 10000;
  const out: PublicRecord[] = [];
  let bytes = 0;
  let i = lo;
  for (; i < n && out.length < limit; i++) {
    const size = log.size(i);
    if (bytes + size > MAX_GET_RECORDS_BYTES && out.length > 0) break;
    bytes += size;
    out.push(publicRecord(sh, i));
  }
  if (k.engine.options.enforceThroughput) sh._rTokens -= bytes;
  const last = out.length > 0 ? out[out.length - 1] : undefined;
  const lastAt = out.length > 0 ? log.at(i - 1) : 0;
  const caughtUp = i >= n;
  const result: Record<string, unknown> = { Records: out };
  const closed = sh.SequenceNumberRange.EndingSequenceNumber !== undefined;
  if (closed && caughtUp) {
    result.ChildShards = childShardsOf(s, sh);
  } else {
    result.NextShardIterator = encodeIterator({
      ...pos,
      after: last ? true : pos.after,
      seq: last ? last.SequenceNumber : pos.seq,
      issuedAt: now,
    });
  }
  result.MillisBehindLatest = caughtUp ? 0 : Math.max(0, now - log.at(i));

  const age = last ? Math.max(0, now - lastAt) : 0;
  m.stream(s, 'GetRecords.Records', out.length, 'Count');
  m.stream(s, 'GetRecords.Bytes', bytes, 'Bytes');
  m.stream(s, 'GetRecords.Success', 1, 'Count');
  m.stream(s, 'GetRecords.Latency', k.store.now() - started, 'Milliseconds');
  m.stream(s, 'GetRecords.IteratorAgeMilliseconds', age, 'Milliseconds');
  m.stream(s, 'ReadProvisionedThroughputExceeded', 0, 'Count');
  if (m.shardLevel(s, 'OutgoingRecords')) m.shard(s, sh.ShardId, 'OutgoingRecords', out.length, 'Count');
  if (m.shardLevel(s, 'OutgoingBytes')) m.shard(s, sh.ShardId, 'OutgoingBytes', bytes, 'Bytes');
  if (m.shardLevel(s, 'IteratorAgeMilliseconds')) m.shard(s, sh.ShardId, 'IteratorAgeMilliseconds', age, 'Milliseconds');
  return result;
};
