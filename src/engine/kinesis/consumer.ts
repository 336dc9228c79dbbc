import { isAwsError } from '../common/errors';
import { getRecords } from './actions/getRecords';
import { getShardIterator } from './actions/getShardIterator';
import { decodeIterator, encodeIterator } from './store/iterator';
import type { KinesisService } from './service';

/** Where to start reading a shard. `timestamp` is epoch ms. */
export type StartingPosition =
  | { type: 'TRIM_HORIZON' }
  | { type: 'LATEST' }
  | { type: 'AT_TIMESTAMP'; timestamp: number }
  | { type: 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER'; sequenceNumber: string };

/** Where a reader is in one shard: at (>=) or after (>) a sequence number. Plain data, to checkpoint. */
export interface ShardPosition {
  shardId: string;
  sequenceNumber: string;
  after: boolean;
}

export interface ShardInfo {
  shardId: string;
  parentShardId?: string;
  adjacentParentShardId?: string;
  hashKeyRange: { StartingHashKey: string; EndingHashKey: string };
  /** False once resharding closed it. */
  open: boolean;
}

export interface ConsumedRecord {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  /** Base64, as it was put. */
  data: string;
  /** Arrival time, epoch ms. */
  arrivalTime: number;
}

/** One read of one shard: records, or `throttled` (over 5 calls/s or 2 MiB/s) with nothing read. */
export type ShardRead =
  | {
      throttled: false;
      records: ConsumedRecord[];
      /** Where the next read starts. */
      position: ShardPosition;
      millisBehindLatest: number;
      /** Set when the shard is closed and read to its end: the shards that continue it. */
      childShardIds?: string[];
    }
  | { throttled: true; position: ShardPosition };

/**
 * How another service (an analytics application's input, a Firehose source) reads a stream, without
 * reaching into the store: each read is a GetRecords call (the same action, so it counts in the
 * stream's GetRecords metrics and is held to the per-shard read limits), but throttling is a result,
 * not an exception. Other AWS errors (a stream that is gone) are thrown as GetRecords throws them.
 */
export interface KinesisConsumer {
  /** When the stream was created (epoch ms): a stream made again under the same name is another stream. */
  streamCreatedAt(region: string, streamName: string): number;
  /** Every shard of the stream, closed ones included, in shard order. */
  listShards(region: string, streamName: string): ShardInfo[];
  /** A position in a shard, as GetShardIterator would place it (same checks and errors). */
  position(region: string, streamName: string, shardId: string, start: StartingPosition): ShardPosition;
  /** Up to `limit` records from `position`. */
  readShard(region: string, streamName: string, position: ShardPosition, limit: number): ShardRead;
  /** A reader over the whole stream that follows resharding. */
  reader(region: string, streamName: string, start: ReaderStart, checkpoint?: StreamCheckpoint): StreamReader;
}

export type ReaderStart = Extract<StartingPosition, { type: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP' }>;

/** A stream reader's progress: per shard, where it is or that it is read to its end. Plain data. */
export interface StreamCheckpoint {
  /** The stream's creation time: a stream made again under the same name starts afresh. */
  streamCreatedAt: number;
  shards: Record<string, ShardPosition | 'done'>;
}

export interface StreamRead {
  records: ConsumedRecord[];
  /** Shards that refused this read (they are read again next time). */
  throttledShardIds: string[];
  millisBehindLatest: number;
}

const rc = (region: string) => ({ region, requestId: 'internal' });

export const kinesisConsumer = (service: KinesisService): KinesisConsumer => {
  const store = service.store;
  const consumer: KinesisConsumer = {
    streamCreatedAt: (region, streamName) => store.getStream(region, streamName)._createdAt,

    listShards(region, streamName) {
      return store.getStream(region, streamName).Shards.map((sh) => ({
        shardId: sh.ShardId,
        ...(sh.ParentShardId ? { parentShardId: sh.ParentShardId } : {}),
        ...(sh.AdjacentParentShardId ? { adjacentParentShardId: sh.AdjacentParentShardId } : {}),
        hashKeyRange: { ...sh.HashKeyRange },
        open: sh.SequenceNumberRange.EndingSequenceNumber === undefined,
      }));
    },

    position(region, streamName, shardId, start) {
      const { ShardIterator } = getShardIterator(service.actionContext(rc(region)), {
        StreamName: streamName,
        ShardId: shardId,
        ShardIteratorType: start.type,
        ...(start.type === 'AT_TIMESTAMP' ? { Timestamp: start.timestamp / 1000 } : {}),
        ...(start.type === 'AT_SEQUENCE_NUMBER' || start.type === 'AFTER_SEQUENCE_NUMBER' ? { StartingSequenceNumber: start.sequenceNumber } : {}),
      });
      const p = decodeIterator(ShardIterator)!;
      return { shardId: p.shardId, sequenceNumber: p.seq, after: p.after };
    },

    readShard(region, streamName, position, limit) {
      const s = store.getStream(region, streamName);
      const iterator = encodeIterator({
        region,
        streamName,
        streamCreatedAt: s._createdAt,
        shardId: position.shardId,
        after: position.after,
        seq: position.sequenceNumber,
        issuedAt: store.now(),
      });
      let out: ReturnType<typeof getRecords>;
      try {
        out = getRecords(service.actionContext(rc(region)), { ShardIterator: iterator, Limit: limit });
      } catch (e) {
        if (isAwsError(e) && e.code === 'ProvisionedThroughputExceededException') return { throttled: true, position };
        throw e;
      }
      const records = (out.Records as Array<{ SequenceNumber: string; ApproximateArrivalTimestamp: number; Data: string; PartitionKey: string }>).map((r) => ({
        shardId: position.shardId,
        sequenceNumber: r.SequenceNumber,
        partitionKey: r.PartitionKey,
        data: r.Data,
        arrivalTime: Math.round(r.ApproximateArrivalTimestamp * 1000),
      }));
      const next = typeof out.NextShardIterator === 'string' ? decodeIterator(out.NextShardIterator) : undefined;
      const last = records.at(-1);
      return {
        throttled: false,
        records,
        position: next
          ? { shardId: position.shardId, sequenceNumber: next.seq, after: next.after }
          : last
            ? { shardId: position.shardId, sequenceNumber: last.sequenceNumber, after: true }
            : position,
        millisBehindLatest: out.MillisBehindLatest as number,
        ...(Array.isArray(out.ChildShards) ? { childShardIds: (out.ChildShards as Array<{ ShardId: string }>).map((c) => c.ShardId) } : {}),
      };
    },

    reader: (region, streamName, start, checkpoint) => new StreamReader(consumer, consumer.streamCreatedAt(region, streamName), region, streamName, start, checkpoint),
  };
  return consumer;
};

/**
 * Reads a whole stream the way the KCL does: a shard's children are read only after the shard is
 * read to its end, so records of one partition key come out in order across a reshard.
 */
export class StreamReader {
  private state: StreamCheckpoint;
  private started: boolean;
  private turn = 0;

  constructor(
    private readonly consumer: KinesisConsumer,
    streamCreatedAt: number,
    readonly region: string,
    readonly streamName: string,
    private readonly start: ReaderStart,
    checkpoint?: StreamCheckpoint,
  ) {
    const resume = checkpoint?.streamCreatedAt === streamCreatedAt;
    this.state = resume ? structuredClone(checkpoint) : { streamCreatedAt, shards: {} };
    this.started = resume;
  }

  /** Where the reader is: pass it back to `reader()` to carry on after a restart. */
  checkpoint(): StreamCheckpoint {
    return structuredClone(this.state);
  }

  /** Shards whose parents are read to their end (or gone) join the read. */
  private discover(): void {
    const shards = this.consumer.listShards(this.region, this.streamName);
    const present = new Set(shards.map((s) => s.shardId));
    const first = !this.started;
    this.started = true;
    for (const sh of shards) {
      if (this.state.shards[sh.shardId] !== undefined) continue;
      const parents = [sh.parentShardId, sh.adjacentParentShardId].filter((p): p is string => p !== undefined && present.has(p));
      if (!parents.every((p) => this.state.shards[p] === 'done')) continue;
      let start: StartingPosition = this.start;
      if (first && this.start.type === 'LATEST' && !sh.open) {
        // Nothing new will land in a closed shard: LATEST starts at its children.
        this.state.shards[sh.shardId] = 'done';
        continue;
      }
      // Shards that appear later (children) are read from their first record.
      if (!first && this.start.type === 'LATEST') start = { type: 'TRIM_HORIZON' };
      this.state.shards[sh.shardId] = this.consumer.position(this.region, this.streamName, sh.shardId, start);
    }
  }

  /** Up to `limit` records, at most one GetRecords call per shard. */
  read(limit: number): StreamRead {
    this.discover();
    const ids = Object.keys(this.state.shards).filter((id) => this.state.shards[id] !== 'done');
    const records: ConsumedRecord[] = [];
    const throttledShardIds: string[] = [];
    let millisBehindLatest = 0;
    // Start one shard further each call, so a full `limit` from one shard does not starve the others.
    const offset = ids.length > 0 ? this.turn++ % ids.length : 0;
    for (let k = 0; k < ids.length && records.length < limit; k++) {
      const id = ids[(offset + k) % ids.length];
      const r = this.consumer.readShard(this.region, this.streamName, this.state.shards[id] as ShardPosition, limit - records.length);
      if (r.throttled) {
        throttledShardIds.push(id);
        continue;
      }
      records.push(...r.records);
      millisBehindLatest = Math.max(millisBehindLatest, r.millisBehindLatest);
      this.state.shards[id] = r.childShardIds ? 'done' : r.position;
    }
    return { records, throttledShardIds, millisBehindLatest };
  }
}
