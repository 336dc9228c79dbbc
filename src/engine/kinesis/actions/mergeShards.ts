import { kErr } from '../errors';
import { requireActive, streamOf, type KinesisContext, type StreamRef } from './context';
import { shardToReshard } from './resharding';

export interface MergeShardsInput extends StreamRef {
  ShardToMerge: string;
  AdjacentShardToMerge: string;
}

/** Closes two adjacent shards and, after the state delay, opens one child covering both ranges. */
export const mergeShards = (k: KinesisContext, input: MergeShardsInput): void => {
  const s = streamOf(k, input);
  requireActive(k, s);
  const a = shardToReshard(k, s, input.ShardToMerge, 'merging');
  const b = shardToReshard(k, s, input.AdjacentShardToMerge, 'merging');
  const adjacent =
    BigInt(a.HashKeyRange.EndingHashKey) + 1n === BigInt(b.HashKeyRange.StartingHashKey) ||
    BigInt(b.HashKeyRange.EndingHashKey) + 1n === BigInt(a.HashKeyRange.StartingHashKey);
  if (!adjacent) {
    throw kErr.invalidArgument(
      `Shards ${a.ShardId} and ${b.ShardId} in stream ${s.StreamName} under account ${k.store.account} are not an adjacent pair of shards eligible for merging`,
    );
  }
  k.store.beginChange(s, 'UPDATING', { kind: 'merge', shard: a._index, adjacent: b._index });
};
