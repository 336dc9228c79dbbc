/**
 * Kinesis state, kept under AWS's field names so describing a stream is mostly stripping the
 * private (`_`-prefixed) fields. Everything is plain data: a snapshot is JSON.
 */

export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';
export type ConsumerStatus = 'CREATING' | 'ACTIVE' | 'DELETING';

/** An enhanced fan-out consumer registered with a stream (RegisterStreamConsumer). */
export interface StreamConsumer {
  ConsumerName: string;
  /** `<StreamARN>/consumer/<ConsumerName>:<ConsumerCreationTimestamp>` */
  ConsumerARN: string;
  ConsumerStatus: ConsumerStatus;
  /** Seconds, as AWS sends it. */
  ConsumerCreationTimestamp: number;
  /** When CREATING turns ACTIVE, or DELETING ends with the consumer gone. */
  _statusUntil: number;
}

import type { RecordLog } from './log';

export interface Shard {
  ShardId: string;
  ParentShardId?: string;
  AdjacentParentShardId?: string;
  HashKeyRange: { StartingHashKey: string; EndingHashKey: string };
  SequenceNumberRange: { StartingSequenceNumber: string; EndingSequenceNumber?: string };
  /** Hash range as 32-digit hex, for string comparison. */
  _startHex: string;
  _endHex: string;
  _index: number;
  _createdAt: number;
  /** When the shard closed (resharding), if it did. */
  _closedAt?: number;
  /** Sequence numbers are this prefix + a zero-padded counter. */
  _seqPrefix: string;
  _counter: number;
  /** The records (columns; retention trims the head). */
  _log: RecordLog;
  /** Write window (1-second buckets). */
  _wSec: number;
  _wBytes: number;
  _wRecords: number;
  /** Read calls in the current second. */
  _rSec: number;
  _rCalls: number;
  /**
   * Read allowance in bytes, refilled at 2 MiB/s up to 2 MiB, as of `_rAt`. A call may take more
   * than is left (up to 10 MiB), driving it negative: the shard then refuses reads until it refills.
   */
  _rTokens: number;
  _rAt: number;
}

export type PendingChange =
  | { kind: 'create'; shardCount: number }
  | { kind: 'split'; shard: number; newStartingHashKey: string }
  | { kind: 'merge'; shard: number; adjacent: number }
  | { kind: 'updateShardCount'; target: number }
  | { kind: 'delete' };

export interface Stream {
  StreamName: string;
  /** `arn:<partition>:kinesis:<region>:<account>:stream/<name>`: the stream's identity (the store's key). */
  StreamARN: string;
  StreamStatus: StreamStatus;
  StreamModeDetails: { StreamMode: StreamMode };
  RetentionPeriodHours: number;
  /** Seconds, as AWS sends it. */
  StreamCreationTimestamp: number;
  EncryptionType: 'NONE';
  EnhancedMonitoring: Array<{ ShardLevelMetrics: string[] }>;
  Shards: Shard[];
  /** Registered enhanced fan-out consumers, in registration order. */
  _consumers: StreamConsumer[];
  /** The region the stream lives in (streams are scoped per account and region). */
  _region: string;
  _createdAt: number;
  /** When the current CREATING/UPDATING/DELETING state ends, and what happens then. */
  _statusUntil: number;
  _pending?: PendingChange;
  _tags: Record<string, string>;
  /** Indices of open shards, sorted by starting hash key, and those keys (routing table). */
  _open: number[];
  _openStarts: string[];
  /** The same starts as 4 unsigned 32-bit words each, flattened (numeric routing). */
  _openStartWords: number[];
  /** Stream-level write window (ON_DEMAND capacity). */
  _wSec: number;
  _wBytes: number;
  _wRecords: number;
}

/**
 * Version 3 holds durable fields only: no records (the emulator saves them apart, as bulk data) and
 * nothing derived (routing tables, hash ranges as hex, throttle windows are rebuilt on restore), so an
 * internal change does not change the save format. Version 2 (whole streams with their records,
 * each carrying `_region`) and version 1 (the same without regions) are still read.
 */
export const KINESIS_SNAPSHOT_VERSION = 3;

/** Rebuilt on restore, never saved. */
export type DerivedShardField = '_startHex' | '_endHex' | '_log' | '_wSec' | '_wBytes' | '_wRecords' | '_rSec' | '_rCalls' | '_rTokens' | '_rAt';
export type DerivedStreamField = '_open' | '_openStarts' | '_openStartWords' | '_wSec' | '_wBytes' | '_wRecords';

export type DurableShard = Omit<Shard, DerivedShardField>;
/** Snapshots written before consumers existed have no `_consumers`: restore() reads them as none. */
export type DurableStream = Omit<Stream, DerivedStreamField | 'Shards' | '_consumers'> & { Shards: DurableShard[]; _consumers?: StreamConsumer[] };

export interface KinesisSnapshot {
  version: typeof KINESIS_SNAPSHOT_VERSION;
  streams: DurableStream[];
}

/** Version 2: whole streams, records included, each with `_region`. */
export interface KinesisSnapshotV2 {
  version: 2;
  streams: Stream[];
}

/** Version 1: streams keyed by name only, without a region; restore() reads them as us-east-1 streams. */
export interface KinesisSnapshotV1 {
  version: 1;
  streams: Array<Omit<Stream, '_region'>>;
}

export type AnyKinesisSnapshot = KinesisSnapshot | KinesisSnapshotV2 | KinesisSnapshotV1;

/** Whether restore() can read `x`: a Kinesis snapshot of the current version or an older one. */
export const isReadableKinesisSnapshot = (x: unknown): x is AnyKinesisSnapshot => {
  const s = x as { version?: unknown; streams?: unknown } | null | undefined;
  return (s?.version === KINESIS_SNAPSHOT_VERSION || s?.version === 2 || s?.version === 1) && Array.isArray(s.streams);
};
