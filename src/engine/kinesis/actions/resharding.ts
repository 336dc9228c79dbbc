import { kErr } from '../errors';
import { shardIdName } from '../store/store';
import type { Shard, Stream } from '../store/types';
import { isOpen, type KinesisContext } from './context';

/** The shard a request names: ResourceNotFoundException "Could not find shard ..." otherwise. */
export const shardToReshard = (k: KinesisContext, s: Stream, ix: number, verb: 'merging' | 'splitting'): Shard => {
  const sh = s.Shards[ix];
  if (!sh) throw kErr.shardNotFound(shardIdName(ix), s.StreamName, k.store.account);
  if (!isOpen(sh)) {
    throw kErr.invalidArgument(
      `Shard ${sh.ShardId} in stream ${s.StreamName} under account ${k.store.account} has already been merged or split, and thus is not eligible for ${verb}.`,
    );
  }
  return sh;
};
