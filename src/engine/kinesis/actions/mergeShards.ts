import { kErr } from '../errors';
import { requestedShardIndex, requireActive, streamOf, type KinesisContext, type StreamRef } from './context';
import { shardToReshard } from './resharding';

export interface MergeShardsInput extends StreamRef {
  ShardToMerge: string;
  AdjacentShardToMerge: string;
}

/** Closes two adjacent shards and, after the state delay, opens one child covering both ranges. */
export const mergeShards = (k: KinesisContext, input: MergeShardsInput): void => {
  const ia = requestedShardIndex(k, input, input.ShardToMerge);
  const ib = requestedShardIndex(k, input, input.AdjacentShardToMerge);
  const s = streamOf(k, input);
  requireActive(k, s);
  const a = shardToReshard(k, s, ia, 'merging');
  const b = shardToReshard(k, s, ib, 'merging');
  // ShardToMerge must be the lower range: AWS refuses the pair given the other way round
  // (kinesalite's suite, run against AWS).
  const adjacent = BigInt(a.HashKeyRange.EndingHashKey) + 1n === BigInt(b.HashKeyRange.StartingHashKey);
  if (!adjacent) {
    throw kErr.invalidArgument(
      `Shards ${a.ShardId} and ${b.ShardId} in stream ${s.StreamName} under account ${k.store.account} are not an adjacent pair of shards eligible for merging`,
    );
  }
  k.store.beginChange(s, 'UPDATING', { kind: 'merge', shard: a._index, adjacent: b._index });
};
