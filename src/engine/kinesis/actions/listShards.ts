import { kErr } from '../errors';
import type { Shard } from '../store/types';
import { isOpen, publicShard, streamOf, type KinesisContext, type StreamRef } from './context';

export interface ListShardsInput extends StreamRef {
  ExclusiveStartShardId?: string;
  MaxResults?: number;
  NextToken?: string;
  StreamCreationTimestamp?: number;
  ShardFilter?: { Type: string; ShardId?: string; Timestamp?: number };
}

interface Token {
  stream: string;
  arn: string;
  after: string;
}

const encodeToken = (t: Token): string => btoa(JSON.stringify(['shards', t.stream, t.arn, t.after]));
const decodeToken = (s: string): Token => {
  try {
    const v = JSON.parse(atob(s));
    if (Array.isArray(v) && v[0] === 'shards' && v.length === 4) return { stream: v[1], arn: v[2], after: v[3] };
  } catch {
    // fall through
  }
  throw kErr.invalidArgument('Invalid NextToken.');
};

/** Whether a shard passes a ShardFilter (times in seconds, as the API sends them). */
const filterFor = (f: NonNullable<ListShardsInput['ShardFilter']>): ((sh: Shard) => boolean) => {
  switch (f.Type) {
    case 'AFTER_SHARD_ID':
      if (f.ShardId === undefined) throw kErr.invalidArgument('ShardId must be provided for the AFTER_SHARD_ID ShardFilter type.');
      return (sh) => sh.ShardId > f.ShardId!;
    case 'AT_LATEST':
      return isOpen;
    case 'AT_TIMESTAMP':
    case 'FROM_TIMESTAMP': {
      if (f.Timestamp === undefined)
        throw kErr.invalidArgument(`Timestamp must be provided for the ${f.Type} ShardFilter type.`);
      const t = f.Timestamp * 1000;
      return f.Type === 'AT_TIMESTAMP'
        ? (sh) => sh._createdAt <= t && (sh._closedAt === undefined || sh._closedAt > t)
        : (sh) => sh._closedAt === undefined || sh._closedAt > t;
    }
    default:
      // AT_TRIM_HORIZON, FROM_TRIM_HORIZON: every shard still in the stream.
      return () => true;
  }
};

/** Shards by id, MaxResults (default 1000) at a time, paged by NextToken. */
export const listShards = (k: KinesisContext, input: ListShardsInput) => {
  let after = input.ExclusiveStartShardId;
  let ref: StreamRef = input;
  if (input.NextToken !== undefined) {
    if (input.StreamName !== undefined) throw kErr.invalidArgument('NextToken and StreamName cannot be provided together.');
    if (input.StreamARN !== undefined) throw kErr.invalidArgument('NextToken and StreamARN cannot be provided together.');
    if (after !== undefined) throw kErr.invalidArgument('NextToken and ExclusiveStartShardId cannot be provided together.');
    if (input.ShardFilter !== undefined) throw kErr.invalidArgument('NextToken and ShardFilter cannot be provided together.');
    if (input.StreamCreationTimestamp !== undefined)
      throw kErr.invalidArgument('NextToken and StreamCreationTimestamp cannot be provided together.');
    const t = decodeToken(input.NextToken);
    ref = { StreamName: t.stream };
    after = t.after;
  } else if (input.StreamName === undefined && input.StreamARN === undefined) {
    throw kErr.invalidArgument('Either NextToken or StreamName should be provided.');
  }
  if (input.ShardFilter !== undefined && after !== undefined) {
    throw kErr.invalidArgument('ShardFilter and ExclusiveStartShardId cannot be provided together.');
  }
  const s = streamOf(k, ref);
  const max = input.MaxResults ?? 1000;
  let shards = s.Shards;
  if (after !== undefined) shards = shards.filter((sh) => sh.ShardId > after!);
  if (input.ShardFilter) shards = shards.filter(filterFor(input.ShardFilter));
  const page = shards.slice(0, max);
  const out: { Shards: ReturnType<typeof publicShard>[]; NextToken?: string } = { Shards: page.map(publicShard) };
  if (shards.length > max) out.NextToken = encodeToken({ stream: s.StreamName, arn: s.StreamARN, after: page[page.length - 1].ShardId });
  return out;
};
