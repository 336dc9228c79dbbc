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
  const region = k.rc.region;
  if (store.findStream(region, input.StreamName)) throw kErr.streamExists(input.StreamName, store.account);
  // The shard quota is per account and region, and counts provisioned streams only (Kinesis Data Streams quotas and limits).
  if (mode === 'PROVISIONED') {
    const current = store.openShardCount(region);
    if (current + count > accountShardLimit(region)) throw store.shardLimitError(region, current, count);
  }
  store.createStream(input.StreamName, region, count, mode, input.Tags ?? {});
};
