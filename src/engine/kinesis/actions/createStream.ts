import { kErr } from '../errors';
import { accountShardLimit, ON_DEMAND_SHARDS } from '../store/store';
import type { StreamMode } from '../store/types';
import type { KinesisContext } from './context';

export interface CreateStreamInput {
  StreamName: string;
  ShardCount?: number;
  StreamModeDetails?: { StreamMode: StreamMode };
  Tags?: Record<string, string>;
}

/** Creates a stream in CREATING; it turns ACTIVE with its shards after the state delay. */
export const createStream = (k: KinesisContext, input: CreateStreamInput): void => {
  const mode = input.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
  let count = input.ShardCount;
  if (mode === 'ON_DEMAND') count = ON_DEMAND_SHARDS;
  else if (count === undefined) throw kErr.invalidArgument('ShardCount is required for a PROVISIONED stream.');
  const { store } = k;
  if (store.streams.has(input.StreamName) && store.resolve(store.streams.get(input.StreamName)!)) {
    throw kErr.streamExists(input.StreamName, store.account);
  }
  // The shard quota applies to provisioned streams only (Kinesis Data Streams quotas and limits).
  if (mode === 'PROVISIONED') {
    const current = store.openShardCount();
    if (current + count > accountShardLimit(k.rc.region)) throw store.shardLimitError(k.rc.region, current, count);
  }
  store.createStream(input.StreamName, k.rc.region, count, mode, input.Tags ?? {});
};
