import type { EmulatorSnapshotV1 } from '../engine/emulator';
import { isRecordChunk, type RecordChunk } from '../engine/kinesis/module';
import type { StoredChunks } from './persistence';

/**
 * Reading saves of storage format 1, written before service modules: the emulator's snapshot of
 * version 1 (Kinesis and CloudWatch side by side) with every shard's records stored apart in chunks
 * keyed by shard. The reader puts the records back into the snapshot's shards (where a version-1
 * snapshot kept them), so the emulator's own migration reads the result. Frozen: nothing writes
 * this format any more.
 */

export interface StoredShardV1 {
  /** `region|stream|streamCreatedAt|shardIndex`; in saves without `region`, `stream|streamCreatedAt|shardIndex`. */
  key: string;
  /** Absent in saves written before streams were regional: read as {@link LEGACY_REGION}. */
  region?: string;
  firstCounter: number;
  chunks: number[];
  savedUpTo: number;
}

export interface StoredStateV1 {
  format: 1;
  savedAt: number;
  clock?: unknown;
  snapshot: EmulatorSnapshotV1;
  shards: StoredShardV1[];
}

/** The region of shards saved without one (the emulator's only region before streams were regional). */
export const LEGACY_REGION = 'us-east-1';

const shardKey = (region: string, stream: string, createdAt: number, index: number) => `${region}|${stream}|${createdAt}|${index}`;
const chunkKey = (shard: string, chunk: number) => `${shard}|${String(chunk).padStart(10, '0')}`;

interface ShardV1 {
  _index: number;
  _log: { counter: number[]; at: number[]; data: string[]; partitionKey: string[]; size: number[]; head: number };
}
interface StreamV1 {
  StreamName: string;
  _createdAt: number;
  _region?: string;
  Shards: ShardV1[];
}

/** A version-1 snapshot with every shard's records put back, and how many records that is. Throws on a broken save. */
export const readFormat1 = (state: StoredStateV1, chunks: StoredChunks): { snapshot: EmulatorSnapshotV1; records: number } => {
  const snapshot = state.snapshot;
  const streams = (snapshot.kinesis as { streams?: StreamV1[] } | undefined)?.streams;
  if (!Array.isArray(state.shards) || !Array.isArray(streams)) throw new Error('it is incomplete');
  // Shards saved without a region are read as LEGACY_REGION's; their chunks keep their old keys (meta.key).
  const byKey = new Map<string, StoredShardV1>();
  let legacy = false;
  for (const sh of state.shards) {
    if (typeof sh.region === 'string') byKey.set(sh.key, sh);
    else {
      legacy = true;
      byKey.set(`${LEGACY_REGION}|${sh.key}`, sh);
    }
  }
  const regionOf = (stream: StreamV1) => stream._region ?? LEGACY_REGION;
  // A legacy shard of a stream outside LEGACY_REGION (no region in its key) goes to it when no LEGACY_REGION stream claims it.
  const claimed = new Set(streams.filter((st) => regionOf(st) === LEGACY_REGION).map((st) => `${st.StreamName}|${st._createdAt}`));
  let records = 0;
  for (const stream of streams) {
    const region = regionOf(stream);
    for (const sh of stream.Shards) {
      let meta = byKey.get(shardKey(region, stream.StreamName, stream._createdAt, sh._index));
      if (meta === undefined && legacy && region !== LEGACY_REGION && !claimed.has(`${stream.StreamName}|${stream._createdAt}`)) {
        const old = byKey.get(shardKey(LEGACY_REGION, stream.StreamName, stream._createdAt, sh._index));
        if (old !== undefined && old.region === undefined) meta = old;
      }
      const log: ShardV1['_log'] = { counter: [], at: [], data: [], partitionKey: [], size: [], head: 0 };
      for (const n of [...(meta?.chunks ?? [])].sort((a, b) => a - b)) {
        const c = chunks.get(chunkKey(meta!.key, n));
        if (!isRecordChunk(c)) throw new Error(`a chunk of records of ${stream.StreamName} is missing`);
        const chunk: RecordChunk = c;
        for (let i = 0; i < chunk.counter.length; i++) {
          if (chunk.counter[i] < meta!.firstCounter) continue;
          log.counter.push(chunk.counter[i]);
          log.at.push(chunk.at[i]);
          log.data.push(chunk.data[i]);
          log.partitionKey.push(chunk.partitionKey[i]);
          log.size.push(chunk.size[i]);
        }
      }
      records += log.counter.length;
      // A plain object of the old save being rebuilt, not engine state.
      sh._log = log;
    }
  }
  return { snapshot, records };
};
