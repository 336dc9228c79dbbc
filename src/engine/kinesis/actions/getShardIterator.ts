import { isAwsError } from '../../common/errors';
import { kErr } from '../errors';
import { encodeIterator } from '../store/iterator';
import { seekTime } from '../store/log';
import { parseSeq, seqOf } from '../store/sequence';
import { shardIdName } from '../store/store';
import type { Stream } from '../store/types';
import { requestedShardIndex, requestedStreamName, streamOf, type KinesisContext, type StreamRef } from './context';

export type ShardIteratorType = 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

export interface GetShardIteratorInput extends StreamRef {
  ShardId: string;
  ShardIteratorType: ShardIteratorType;
  StartingSequenceNumber?: string;
  /** Seconds since the epoch (the JSON protocol's timestamp). */
  Timestamp?: number;
}

const mustSpecify = (type: string, withSeq: boolean) =>
  kErr.invalidArgument(
    'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or ' +
      `(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified ${type} and ${withSeq ? 'also a' : 'no'} StartingSequenceNumber.`,
  );

/** An iterator valid for 5 minutes on the shard, at the position the type asks for. */
export const getShardIterator = (k: KinesisContext, input: GetShardIteratorInput) => {
  const account = k.store.account;
  const name = requestedStreamName(input);
  const ix = requestedShardIndex(k, input, input.ShardId);
  const shardId = shardIdName(ix);
  let s: Stream;
  try {
    s = streamOf(k, input);
  } catch (e) {
    if (isAwsError(e) && e.code === 'ResourceNotFoundException') throw kErr.shardDoesNotExist(shardId, name, account);
    throw e;
  }
  const sh = s.Shards[ix];
  if (!sh) throw kErr.shardDoesNotExist(shardId, s.StreamName, account);
  k.store.trim(s, sh);
  const type = input.ShardIteratorType;
  const start = input.StartingSequenceNumber;
  const now = k.store.now();
  let after = false;
  let seq: string;
  if (start !== undefined && (type === 'TRIM_HORIZON' || type === 'LATEST')) throw mustSpecify(type, true);
  if (type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') {
    if (start === undefined) throw mustSpecify(type, false);
    const p = parseSeq(start);
    if (!p) {
      throw kErr.invalidArgument(
        `StartingSequenceNumber ${start} used in GetShardIterator on shard ${shardId} in stream ${s.StreamName} under account ${account} is invalid.`,
      );
    }
    if (p.shardIndex !== ix) {
      throw kErr.invalidArgument(
        `Invalid StartingSequenceNumber. It encodes ${shardIdName(p.shardIndex)}, while it was used in a call to a shard with ${shardId}`,
      );
    }
    if (p.createdAt !== sh._createdAt) {
      throw kErr.invalidArgument(
        `StartingSequenceNumber ${start} used in GetShardIterator on shard ${shardId} in stream ${s.StreamName} under account ${account} is invalid because it did not come from this stream.`,
      );
    }
    seq = start;
    after = type === 'AFTER_SEQUENCE_NUMBER';
  } else if (type === 'TRIM_HORIZON') {
    seq = sh.SequenceNumberRange.StartingSequenceNumber;
  } else if (type === 'LATEST') {
    seq = seqOf(sh._seqPrefix, sh._counter);
    after = true;
  } else {
    if (input.Timestamp === undefined) {
      throw kErr.invalidArgument(
        'Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.',
      );
    }
    const t = Math.round(input.Timestamp * 1000);
    if (t > now) {
      throw kErr.invalidArgument(
        `The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${t}, currentTimestampInMillis: ${now}`,
      );
    }
    const log = sh._log;
    const i = seekTime(log, t);
    if (i < log.end) seq = seqOf(sh._seqPrefix, log.counter(i));
    else {
      seq = seqOf(sh._seqPrefix, sh._counter);
      after = true;
    }
  }
  return {
    ShardIterator: encodeIterator({
      region: s._region,
      streamName: s.StreamName,
      streamCreatedAt: s._createdAt,
      shardId: sh.ShardId,
      after,
      seq,
      issuedAt: now,
    }),
  };
};
