import { kErr } from '../errors';
import { accountShardLimit } from '../store/store';
import { requireActive, streamOf, type KinesisContext, type StreamRef } from './context';

export interface UpdateShardCountInput extends StreamRef {
  TargetShardCount: number;
  ScalingType: 'UNIFORM_SCALING';
}

/**
 * UNIFORM_SCALING: after the state delay the open shards close and TargetShardCount even shards
 * replace them. AWS's default limits: at most double, at least half the open shard count.
 */
export const updateShardCount = (k: KinesisContext, input: UpdateShardCountInput) => {
  const s = streamOf(k, input);
  requireActive(k, s);
  if (s.StreamModeDetails.StreamMode === 'ON_DEMAND') {
    throw kErr.invalidArgument(`UpdateShardCount is not supported for stream ${s.StreamName} under account ${k.store.account} in ON_DEMAND mode.`);
  }
  const current = s._open.length;
  const target = input.TargetShardCount;
  const counts = `Current open shard count: ${current}, Target shard count: ${target}`;
  const limit = accountShardLimit(k.rc.region);
  if (target > limit) {
    throw kErr.limitExceeded(`Target shard count or number of open shards cannot be greater than ${limit}. ${counts}`);
  }
  if (target > current * 2) {
    throw kErr.limitExceeded(`UpdateShardCount cannot scale up over double your current open shard count. ${counts}`);
  }
  if (target * 2 < current) {
    throw kErr.limitExceeded(`UpdateShardCount cannot scale down below half your current open shard count. ${counts}`);
  }
  const total = k.store.openShardCount(k.rc.region);
  if (total - current + target > limit) throw k.store.shardLimitError(k.rc.region, total, target - current);
  k.store.beginChange(s, 'UPDATING', { kind: 'updateShardCount', target });
  return { StreamName: s.StreamName, CurrentShardCount: current, TargetShardCount: target, StreamARN: s.StreamARN };
};
