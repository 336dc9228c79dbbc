import { SHARD_LEVEL_METRICS } from '../validations/common';
import { requireActive, streamOf, type KinesisContext, type StreamRef } from './context';

export interface EnhancedMonitoringInput extends StreamRef {
  ShardLevelMetrics: string[];
}

const ALL = SHARD_LEVEL_METRICS.filter((m) => m !== 'ALL');
const expand = (ms: string[]): string[] => (ms.includes('ALL') ? [...ALL] : ms);

/** Turns shard-level metrics on or off; answers with the metrics before and after. */
export const changeEnhancedMonitoring = (k: KinesisContext, input: EnhancedMonitoringInput, on: boolean) => {
  const s = streamOf(k, input);
  requireActive(k, s);
  const current = [...s.EnhancedMonitoring[0].ShardLevelMetrics];
  const asked = new Set(expand(input.ShardLevelMetrics));
  const desired = on ? ALL.filter((m) => current.includes(m) || asked.has(m)) : current.filter((m) => !asked.has(m));
  s.EnhancedMonitoring[0].ShardLevelMetrics = desired;
  return {
    StreamName: s.StreamName,
    StreamARN: s.StreamARN,
    CurrentShardLevelMetrics: current,
    DesiredShardLevelMetrics: [...desired],
  };
};
