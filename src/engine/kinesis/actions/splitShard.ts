import { kErr } from '../errors';
import { accountShardLimit } from '../store/store';
import { requestedShardIndex, requireActive, streamOf, type KinesisContext, type StreamRef } from './context';
import { shardToReshard } from './resharding';

export interface SplitShardInput extends StreamRef {
  ShardToSplit: string;
  NewStartingHashKey: string;
}

/**
 * Closes the shard and, after the state delay, opens two children: [start, key-1] and [key, end].
 */
export const splitShard = (k: KinesisContext, input: SplitShardInput): void => {
  const ix = requestedShardIndex(k, input, input.ShardToSplit);
  const s = streamOf(k, input);
  requireActive(k, s);
  const sh = shardToReshard(k, s, ix, 'splitting');
  const current = k.store.openShardCount(k.rc.region);
  if (current + 1 > accountShardLimit(k.rc.region)) throw k.store.shardLimitError(k.rc.region, current, 1);
  const key = BigInt(input.NewStartingHashKey);
  const { StartingHashKey: start, EndingHashKey: end } = sh.HashKeyRange;
  if (key <= BigInt(start) + 1n || key >= BigInt(end)) {
    throw kErr.invalidArgument(
      `NewStartingHashKey ${input.NewStartingHashKey} used in SplitShard() on shard ${sh.ShardId} in stream ${s.StreamName} ` +
        `under account ${k.store.account} is not both greater than one plus the shard's StartingHashKey ${start} ` +
        `and less than the shard's EndingHashKey ${end}.`,
    );
  }
  k.store.beginChange(s, 'UPDATING', { kind: 'split', shard: sh._index, newStartingHashKey: input.NewStartingHashKey });
};
