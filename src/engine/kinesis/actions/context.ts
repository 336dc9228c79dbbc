import type { EngineContext, RequestContext } from '../../protocol/context';
import { kErr } from '../errors';
import type { KinesisMetrics } from '../metrics';
import { parseShardId, streamNameOfArn, type KinesisStore } from '../store/store';
import type { Shard, Stream } from '../store/types';

/** What every action is handed. */
export interface KinesisContext {
  store: KinesisStore;
  engine: EngineContext;
  rc: RequestContext;
  metrics: KinesisMetrics;
}

export interface StreamRef {
  StreamName?: string;
  StreamARN?: string;
}

/**
 * The stream a request names, by StreamName, StreamARN or both (AWS accepts either; both must agree),
 * within the request's region: a name resolves in `rc.region`; an ARN names its own region and
 * account, and one of another region or account than the request's is not found there.
 */
/** The stream name a request gives (from its ARN when it gives only that), for messages before the lookup. */
export const requestedStreamName = (input: StreamRef): string =>
  input.StreamName ?? (input.StreamARN === undefined ? '' : streamNameOfArn(input.StreamARN));

/**
 * A shard id's index. AWS checks the id's syntax before it looks the stream up: a malformed id
 * is "Could not find shard <id>" even when the stream does not exist either (kinesalite's suite, run on AWS).
 */
export const requestedShardIndex = (k: KinesisContext, input: StreamRef, shardId: string): number => {
  const ix = parseShardId(shardId);
  if (ix === undefined) throw kErr.shardNotFound(shardId, requestedStreamName(input), k.store.account);
  return ix;
};

export const streamOf = (k: KinesisContext, input: StreamRef): Stream => {
  const { StreamName: name, StreamARN: arn } = input;
  if (arn === undefined) {
    if (name === undefined) throw kErr.invalidArgument('Either StreamName or StreamARN should be provided.');
    return k.store.getStream(k.rc.region, name);
  }
  const fromArn = streamNameOfArn(arn);
  if (name !== undefined && name !== fromArn) {
    throw kErr.invalidArgument(`StreamARN ${arn} and StreamName ${name} do not refer to the same stream.`);
  }
  // The ARN is the store's key, so its partition, region and account must all match a stream's.
  const s = k.store.streams.get(arn);
  if (!s || s._region !== k.rc.region || !k.store.resolve(s)) throw kErr.streamNotFound(fromArn, k.store.account);
  return s;
};

/** ResourceInUseException unless the stream is ACTIVE. */
export const requireActive = (k: KinesisContext, s: Stream): void => {
  if (s.StreamStatus !== 'ACTIVE') throw kErr.notActive(s.StreamName, k.store.account, s.StreamStatus);
};

/** Puts see a CREATING or DELETING stream as missing (kinesalite, checked against AWS). */
export const requireWritable = (k: KinesisContext, s: Stream): void => {
  if (s.StreamStatus !== 'ACTIVE' && s.StreamStatus !== 'UPDATING') throw kErr.streamNotFound(s.StreamName, k.store.account);
};

export const isOpen = (sh: Shard): boolean => sh.SequenceNumberRange.EndingSequenceNumber === undefined;

/**
 * Whether a shard is still listed: open, or closed no earlier than the trim horizon (now minus the
 * retention period). A closed shard whose records have all expired drops out of DescribeStream and
 * ListShards (API reference, ShardFilter: the default FROM_TRIM_HORIZON is "trim to tip").
 */
export const listedShard = (s: Stream, now: number): ((sh: Shard) => boolean) => {
  const horizon = now - s.RetentionPeriodHours * 3_600_000;
  return (sh) => isOpen(sh) || (sh._closedAt ?? now) >= horizon;
};

/** A shard as AWS shows it: the private fields stripped. */
export const publicShard = (sh: Shard) => {
  const out: Record<string, unknown> = { ShardId: sh.ShardId };
  if (sh.ParentShardId) out.ParentShardId = sh.ParentShardId;
  if (sh.AdjacentParentShardId) out.AdjacentParentShardId = sh.AdjacentParentShardId;
  out.HashKeyRange = { ...sh.HashKeyRange };
  out.SequenceNumberRange = { ...sh.SequenceNumberRange };
  return out as {
    ShardId: string;
    ParentShardId?: string;
    AdjacentParentShardId?: string;
    HashKeyRange: Shard['HashKeyRange'];
    SequenceNumberRange: Shard['SequenceNumberRange'];
  };
};
