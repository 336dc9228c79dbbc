/**
 * Consumer applications: the console's stand-in for a Kinesis Client Library (KCL) application. Each
 * has a lease table (one lease per shard, as the KCL keeps in DynamoDB) and a few workers that share
 * the leases, read their shards with GetRecords and checkpoint what they processed. Plain data, so
 * a snapshot is JSON.
 */

/** Where an application starts in the shards that exist when it is created (the KCL's initialPositionInStream). */
export type InitialPosition = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

/**
 * A lease's checkpoint, as the KCL writes it: a sequence number once records were processed, the initial
 * position before that, SHARD_END once the shard is closed and read to its end.
 */
export type Checkpoint = InitialPosition | 'SHARD_END' | { sequenceNumber: string };

export interface RecentRecord {
  sequenceNumber: string;
  partitionKey: string;
  /** The start of the data, in Base64 (at most {@link RECENT_DATA_CHARS} characters). */
  data: string;
  /** The record's size in bytes (data only). */
  size: number;
  /** Arrival time, epoch ms. */
  arrivalTime: number;
}

export interface Lease {
  shardId: string;
  /** The shards this one continues (a split has one parent, a merge two). */
  parentShardIds: string[];
  /** The worker holding the lease, if any. */
  owner?: string;
  /** Goes up each time the lease is taken or renewed by a new owner. */
  leaseCounter: number;
  checkpoint: Checkpoint;
  /** Records processed from this shard. */
  processed: number;
  recent: RecentRecord[];
  /** MillisBehindLatest of the last read. */
  millisBehindLatest?: number;
  /** Reads refused by the shard's read limits (5 calls/s, 2 MiB/s shared with every reader). */
  throttled: number;
}

export interface Worker {
  id: string;
  running: boolean;
  /**
   * When it stopped (epoch ms). A running worker renews its leases all the time, so its leases expire
   * {@link LEASE_FAILOVER_MS} after this.
   */
  stoppedAt?: number;
}

export interface ConsumerApplication {
  /** 3-255 of `[a-zA-Z0-9_.-]`: the KCL names its lease table after the application. */
  name: string;
  region: string;
  streamName: string;
  /** The stream's creation time: a stream made again under the same name starts a fresh lease table. */
  streamCreatedAt: number;
  initialPosition: InitialPosition;
  /** For AT_TIMESTAMP: epoch ms. */
  timestamp?: number;
  createdAt: number;
  workers: Worker[];
  /** By shard id, in shard order. */
  leases: Lease[];
  /** Why the application cannot read (its stream is gone), when it cannot. */
  problem?: string;
}

/** The KCL's failoverTimeMillis default: a lease not renewed for this long may be taken by another worker. */
export const LEASE_FAILOVER_MS = 10_000;
/** The KCL's idleTimeBetweenReadsInMillis default: each shard is read about once a second. */
export const READ_INTERVAL_MS = 1_000;
/** Records one GetRecords call of a worker asks for (the KCL's maxRecords default). */
export const MAX_RECORDS_PER_READ = 10_000;
/** Records each lease keeps for display. */
export const RECENT_RECORDS = 5;
/** Base64 characters of each recent record's data kept (about 250 bytes). */
export const RECENT_DATA_CHARS = 336;
export const MIN_WORKERS = 1;
export const MAX_WORKERS = 4;
export const DEFAULT_WORKERS = 2;

export const CONSUMER_APPS_SNAPSHOT_VERSION = 1;

export interface ConsumerAppsSnapshot {
  version: typeof CONSUMER_APPS_SNAPSHOT_VERSION;
  applications: ConsumerApplication[];
}

/** What a lease is doing, derived from the table and the clock. */
export type LeaseState =
  | { state: 'processing'; owner: string }
  | { state: 'waiting-for-parent'; parents: string[] }
  | { state: 'shard-end' }
  /** No running worker holds it; `heldBy` names a stopped worker whose lease has not expired yet. */
  | { state: 'unassigned'; heldBy?: string; expiresAt?: number };

/** A lease as the console shows it. */
export type LeaseView = Lease & LeaseState;

export interface ConsumerApplicationView extends Omit<ConsumerApplication, 'leases' | 'workers'> {
  workers: Array<Worker & { leases: number }>;
  leases: LeaseView[];
  /** Records processed from every shard. */
  processed: number;
}

export interface CreateConsumerApplicationInput {
  region: string;
  streamName: string;
  name: string;
  initialPosition: InitialPosition;
  /** For AT_TIMESTAMP: epoch ms. */
  timestamp?: number;
  workers?: number;
}
