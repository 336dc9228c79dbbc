import { AwsError } from '../../common/errors';
import { kErr } from '../errors';
import type { Shard, Stream } from '../store/types';
import { isOpen, listedShard, publicShard, streamOf, type KinesisContext, type StreamRef } from './context';

type ShardFilter = { Type: string; ShardId?: string; Timestamp?: number };

export interface ListShardsInput extends StreamRef {
  ExclusiveStartShardId?: string;
  MaxResults?: number;
  NextToken?: string;
  StreamCreationTimestamp?: number;
  ShardFilter?: ShardFilter;
}

interface Token {
  stream: string;
  arn: string;
  after: string;
  /** The first page's ShardFilter: a NextToken alone pages through the same view (as the KCL calls it). */
  filter?: ShardFilter;
  issuedAt: number;
}

const HOUR = 3_600_000;
/** "Tokens expire after 300 seconds" (API reference, ListShards NextToken). */
export const LIST_SHARDS_TOKEN_LIFETIME_MS = 300_000;

const encodeToken = (t: Token): string =>
  btoa(JSON.stringify(['shards', t.stream, t.arn, t.after, t.filter ?? null, t.issuedAt]));
const decodeToken = (s: string): Token => {
  try {
    const v = JSON.parse(atob(s));
    if (Array.isArray(v) && v[0] === 'shards' && v.length === 6 && typeof v[5] === 'number') {
      return { stream: v[1], arn: v[2], after: v[3], filter: v[4] ?? undefined, issuedAt: v[5] };
    }
  } catch {
    // fall through
  }
  throw kErr.invalidArgument('Invalid NextToken.');
};

/** When a shard closed (ms), or undefined while open. */
const closedAt = (sh: Shard): number | undefined => (isOpen(sh) ? undefined : sh._closedAt);

/**
 * Whether a shard passes a ShardFilter (API reference, ShardFilter). Every listing leaves out
 * shards that closed before the trim horizon (FROM_TRIM_HORIZON, the default: "trim to tip").
 */
const filterFor = (s: Stream, now: number, f: ShardFilter | undefined): ((sh: Shard) => boolean) => {
  const horizon = now - s.RetentionPeriodHours * HOUR;
  const live = listedShard(s, now);
  if (f === undefined) return live;
  switch (f.Type) {
    case 'AFTER_SHARD_ID': {
      const after = f.ShardId;
      if (after === undefined) throw kErr.invalidArgument('ShardId must be provided for the AFTER_SHARD_ID ShardFilter type.');
      return (sh) => sh.ShardId > after && live(sh);
    }
    case 'AT_LATEST':
      return isOpen;
    // Open at the trim horizon: shards that were open then; while the stream is younger than its
    // retention period, the horizon is the stream's start, so its first shards (those without parents).
    case 'AT_TRIM_HORIZON':
      return (sh) => live(sh) && (sh._createdAt <= horizon || sh.ParentShardId === undefined);
    case 'AT_TIMESTAMP':
    case 'FROM_TIMESTAMP': {
      if (f.Timestamp === undefined) throw kErr.invalidArgument(`Timestamp must be provided for the ${f.Type} ShardFilter type.`);
      const t = f.Timestamp * 1000;
      if (f.Type === 'AT_TIMESTAMP') {
        // Started at or before t, and ended at or after t or still open.
        return (sh) => {
          const c = closedAt(sh);
          return sh._createdAt <= t && (c === undefined || c >= t) && live(sh);
        };
      }
      // Open shards and those that ended at or after t; t before the trim horizon counts as the horizon.
      const from = Math.max(t, horizon);
      return (sh) => {
        const c = closedAt(sh);
        return c === undefined || c >= from;
      };
    }
    default:
      // FROM_TRIM_HORIZON
      return live;
  }
};

/** Shards by id, MaxResults (default 1000) at a time, paged by NextToken. */
export const listShards = (k: KinesisContext, input: ListShardsInput) => {
  let after = input.ExclusiveStartShardId;
  let ref: StreamRef = input;
  let filter = input.ShardFilter;
  if (input.NextToken !== undefined) {
    if (input.StreamName !== undefined) throw kErr.invalidArgument('NextToken and StreamName cannot be provided together.');
    if (input.StreamARN !== undefined) throw kErr.invalidArgument('NextToken and StreamARN cannot be provided together.');
    if (after !== undefined) throw kErr.invalidArgument('NextToken and ExclusiveStartShardId cannot be provided together.');
    if (input.StreamCreationTimestamp !== undefined)
      throw kErr.invalidArgument('NextToken and StreamCreationTimestamp cannot be provided together.');
    // A ShardFilter may come again with the NextToken (Apache Beam's KinesisIO sends it on every page).
    const t = decodeToken(input.NextToken);
    if (k.store.now() - t.issuedAt > LIST_SHARDS_TOKEN_LIFETIME_MS) {
      // The exception is the API reference's; its message is not documented, so this text is ours.
      throw new AwsError('ExpiredNextTokenException', `The NextToken has expired: it was issued more than ${LIST_SHARDS_TOKEN_LIFETIME_MS} milliseconds ago.`);
    }
    // By ARN, so a token only ever reads the stream it was issued for, in that stream's region.
    ref = { StreamARN: t.arn };
    after = t.after;
    filter = filter ?? t.filter;
  } else {
    if (input.StreamName === undefined && input.StreamARN === undefined) {
      throw kErr.invalidArgument('Either NextToken or StreamName should be provided.');
    }
    if (filter !== undefined && after !== undefined) {
      throw kErr.invalidArgument('ShardFilter and ExclusiveStartShardId cannot be provided together.');
    }
  }
  const s = streamOf(k, ref);
  // "If you specify a value greater than 1000, at most 1000 results are returned" (API reference, ListShards).
  const max = Math.min(input.MaxResults ?? 1000, 1000);
  const keep = filterFor(s, k.store.now(), filter);
  const shards = s.Shards.filter((sh) => (after === undefined || sh.ShardId > after) && keep(sh));
  const page = shards.slice(0, max);
  const out: { Shards: ReturnType<typeof publicShard>[]; NextToken?: string } = { Shards: page.map(publicShard) };
  if (shards.length > max) {
    const last = page[page.length - 1].ShardId;
    out.NextToken = encodeToken({ stream: s.StreamName, arn: s.StreamARN, after: last, filter, issuedAt: k.store.now() });
  }
  return out;
};
