import { AwsError, isAwsError } from '../common/errors';
import { base64DecodedLength, validate, type Shapes } from '../common/validation';
import type { KinesisConsumer, ShardInfo, ShardPosition, StartingPosition } from '../kinesis/consumer';
import {
  CONSUMER_APPS_SNAPSHOT_VERSION,
  DEFAULT_WORKERS,
  LEASE_FAILOVER_MS,
  MAX_RECORDS_PER_READ,
  MAX_WORKERS,
  MIN_WORKERS,
  READ_INTERVAL_MS,
  RECENT_DATA_CHARS,
  RECENT_RECORDS,
  type Checkpoint,
  type ConsumerApplication,
  type ConsumerApplicationView,
  type ConsumerAppsSnapshot,
  type CreateConsumerApplicationInput,
  type Lease,
  type LeaseState,
  type Worker,
} from './types';

/** The KCL names its lease table after the application, so the name follows DynamoDB's table names. */
const shapes: Shapes = {
  ApplicationName: { type: 'String', required: true, regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 3, lengthLessThanOrEqual: 255 },
  Workers: { type: 'Integer', greaterThanOrEqual: MIN_WORKERS, lessThanOrEqual: MAX_WORKERS },
  InitialPosition: { type: 'String', required: true, enum: ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] },
};

const keyOf = (region: string, name: string) => `${region}|${name}`;
const isDone = (c: Checkpoint) => c === 'SHARD_END';
const workerIds = (n: number): Worker[] => Array.from({ length: n }, (_, i) => ({ id: `worker-${i + 1}`, running: true }));

/** When a stopped worker's leases expire: it renewed them up to the moment it stopped. */
const expiryOf = (w: Worker | undefined): number => (w?.running === false && w.stoppedAt !== undefined ? w.stoppedAt + LEASE_FAILOVER_MS : -Infinity);

/**
 * Runs the consumer applications on the emulator's clock, as KCL workers would: each `advance` syncs
 * the lease table with the stream's shards, hands out expired leases and balances them across the
 * running workers, and has each owner read its shards (GetRecords through the Kinesis consumer, so the
 * shard's 5 reads/s and 2 MiB/s are shared with every other reader) and checkpoint after each batch.
 * A shard's lease is not processed until every parent lease reached SHARD_END: records of one partition
 * key stay in order across a reshard.
 */
export class ConsumerApplications {
  readonly applications = new Map<string, ConsumerApplication>();
  /** Where each lease's next read starts (app key|shard): rebuilt from the checkpoint after a restore or a new owner. */
  private readonly positions = new Map<string, ShardPosition>();
  private readonly nextReadAt = new Map<string, number>();

  constructor(
    private readonly consumer: KinesisConsumer,
    private readonly now: () => number,
  ) {}

  /** Creates an application with its lease table; the stream must exist. */
  create(input: CreateConsumerApplicationInput): ConsumerApplicationView {
    const workers = input.workers ?? DEFAULT_WORKERS;
    validate({ ApplicationName: input.name, Workers: workers, InitialPosition: input.initialPosition }, shapes);
    if (input.initialPosition === 'AT_TIMESTAMP' && (input.timestamp === undefined || !Number.isFinite(input.timestamp)))
      throw new AwsError('InvalidArgumentException', 'An AT_TIMESTAMP initial position needs a timestamp.');
    const key = keyOf(input.region, input.name);
    if (this.applications.has(key)) throw new AwsError('ResourceInUseException', `Consumer application ${input.name} already exists.`);
    const app: ConsumerApplication = {
      name: input.name,
      region: input.region,
      streamName: input.streamName,
      streamCreatedAt: this.consumer.streamCreatedAt(input.region, input.streamName),
      initialPosition: input.initialPosition,
      ...(input.initialPosition === 'AT_TIMESTAMP' ? { timestamp: input.timestamp } : {}),
      createdAt: this.now(),
      workers: workerIds(workers),
      leases: [],
    };
    this.sync(app);
    this.assign(app, this.now());
    this.applications.set(key, app);
    return this.view(app, this.now());
  }

  /** The applications reading a stream, by name. */
  list(region: string, streamName: string): ConsumerApplicationView[] {
    const now = this.now();
    return [...this.applications.values()]
      .filter((a) => a.region === region && a.streamName === streamName)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => this.view(a, now));
  }

  delete(region: string, name: string): void {
    const app = this.get(region, name);
    this.forget(app);
    this.applications.delete(keyOf(region, name));
  }

  /** Starts or stops one worker. A stopped worker's leases go to the others once they expire. */
  setWorkerRunning(region: string, name: string, workerId: string, running: boolean): ConsumerApplicationView {
    const app = this.get(region, name);
    const w = app.workers.find((x) => x.id === workerId);
    if (!w) throw new AwsError('ResourceNotFoundException', `Consumer application ${name} has no worker ${workerId}.`);
    if (w.running !== running) {
      w.running = running;
      if (running) delete w.stoppedAt;
      else w.stoppedAt = this.now();
    }
    this.assign(app, this.now());
    return this.view(app, this.now());
  }

  private get(region: string, name: string): ConsumerApplication {
    const app = this.applications.get(keyOf(region, name));
    if (!app) throw new AwsError('ResourceNotFoundException', `Consumer application ${name} not found.`);
    return app;
  }

  /**
   * Does the work due by `now`. Returns when it next needs to run and whether durable state
   * (leases, checkpoints) changed.
   */
  advance(now: number): { next: number | undefined; changed: boolean } {
    let next = Infinity;
    let changed = false;
    for (const app of this.applications.values()) {
      const before = JSON.stringify(app);
      next = Math.min(next, this.run(app, now));
      if (JSON.stringify(app) !== before) changed = true;
    }
    return { next: next < Infinity ? next : undefined, changed };
  }

  private run(app: ConsumerApplication, now: number): number {
    try {
      const createdAt = this.consumer.streamCreatedAt(app.region, app.streamName);
      if (createdAt !== app.streamCreatedAt) {
        // The stream was deleted and made again: a new stream, a new lease table.
        this.forget(app);
        app.streamCreatedAt = createdAt;
        app.leases = [];
      }
      this.sync(app);
      delete app.problem;
    } catch (e) {
      if (!isAwsError(e)) throw e;
      app.problem = e.message;
      return app.workers.some((w) => w.running) ? now + READ_INTERVAL_MS : Infinity;
    }
    this.assign(app, now);
    let next = Infinity;
    const byId = new Map(app.leases.map((l) => [l.shardId, l]));
    // In shard order: a parent read to its end in this pass lets its children start in the same pass.
    for (const lease of app.leases) {
      const s = this.stateOf(app, lease, byId, now);
      if (s.state === 'unassigned' && s.expiresAt !== undefined) next = Math.min(next, s.expiresAt);
      if (s.state !== 'processing') continue;
      const k = `${keyOf(app.region, app.name)}|${lease.shardId}`;
      const due = this.nextReadAt.get(k) ?? -Infinity;
      if (now < due) {
        next = Math.min(next, due);
        continue;
      }
      this.read(app, lease, k);
      this.nextReadAt.set(k, now + READ_INTERVAL_MS);
      next = Math.min(next, now + READ_INTERVAL_MS);
    }
    // New shards (a reshard) are found by the next sync while any worker runs.
    if (app.workers.some((w) => w.running)) next = Math.min(next, now + READ_INTERVAL_MS);
    return next;
  }

  /** One GetRecords call for a lease, then a checkpoint of what it returned. */
  private read(app: ConsumerApplication, lease: Lease, k: string): void {
    const position = this.positions.get(k) ?? this.consumer.position(app.region, app.streamName, lease.shardId, this.startOf(app, lease));
    const r = this.consumer.readShard(app.region, app.streamName, position, MAX_RECORDS_PER_READ);
    if (r.throttled) {
      this.positions.set(k, position);
      lease.throttled++;
      return;
    }
    lease.processed += r.records.length;
    lease.millisBehindLatest = r.millisBehindLatest;
    if (r.records.length > 0) {
      lease.recent = [
        ...lease.recent,
        ...r.records.slice(-RECENT_RECORDS).map((x) => ({
          sequenceNumber: x.sequenceNumber,
          partitionKey: x.partitionKey,
          data: x.data.slice(0, RECENT_DATA_CHARS),
          size: base64DecodedLength(x.data),
          arrivalTime: x.arrivalTime,
        })),
      ].slice(-RECENT_RECORDS);
      lease.checkpoint = { sequenceNumber: r.records[r.records.length - 1].sequenceNumber };
    }
    if (r.childShardIds) {
      // Read to its end: the shard is finished, and its lease frees its worker for the children.
      lease.checkpoint = 'SHARD_END';
      delete lease.owner;
      this.positions.delete(k);
      this.nextReadAt.delete(k);
      return;
    }
    this.positions.set(k, r.position);
  }

  /** Where a lease's reading starts: after its checkpoint, or at the application's initial position. */
  private startOf(app: ConsumerApplication, lease: Lease): StartingPosition {
    const c = lease.checkpoint;
    if (typeof c === 'object') return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: c.sequenceNumber };
    if (c === 'AT_TIMESTAMP') return { type: 'AT_TIMESTAMP', timestamp: app.timestamp ?? app.createdAt };
    if (c === 'LATEST') return { type: 'LATEST' };
    return { type: 'TRIM_HORIZON' };
  }

  /**
   * Adds a lease for every shard not in the table yet. The first sync places each lease at the initial
   * position (with LATEST, closed shards are finished already: nothing new lands in them); shards that
   * appear later are children of a reshard and are read from their first record.
   */
  private sync(app: ConsumerApplication): void {
    const first = app.leases.length === 0;
    const shards: ShardInfo[] = this.consumer.listShards(app.region, app.streamName);
    const known = new Set(app.leases.map((l) => l.shardId));
    for (const sh of shards) {
      if (known.has(sh.shardId)) continue;
      const checkpoint: Checkpoint = !first ? 'TRIM_HORIZON' : app.initialPosition === 'LATEST' && !sh.open ? 'SHARD_END' : app.initialPosition;
      app.leases.push({
        shardId: sh.shardId,
        parentShardIds: [sh.parentShardId, sh.adjacentParentShardId].filter((p): p is string => p !== undefined),
        leaseCounter: 0,
        checkpoint,
        processed: 0,
        recent: [],
        throttled: 0,
      });
    }
    app.leases.sort((a, b) => a.shardId.localeCompare(b.shardId));
  }

  /**
   * Expired leases (no owner, or a stopped owner past the failover time) go to the running worker with
   * the fewest; then leases move from the busiest running worker to the idlest until they differ by at
   * most one. Every take counts in the lease counter.
   */
  private assign(app: ConsumerApplication, now: number): void {
    const running = app.workers.filter((w) => w.running);
    const workers = new Map(app.workers.map((w) => [w.id, w]));
    const open = app.leases.filter((l) => !isDone(l.checkpoint));
    for (const l of app.leases) if (isDone(l.checkpoint)) delete l.owner;
    if (running.length === 0) return;
    const held = (id: string) => open.filter((l) => l.owner === id);
    const take = (l: Lease, to: string) => {
      l.owner = to;
      l.leaseCounter++;
      this.positions.delete(`${keyOf(app.region, app.name)}|${l.shardId}`);
    };
    const fewest = () => running.reduce((a, b) => (held(b.id).length < held(a.id).length ? b : a));
    for (const l of open) {
      const owner = l.owner === undefined ? undefined : workers.get(l.owner);
      const expired = !owner || (!owner.running && now >= expiryOf(owner));
      if (expired) take(l, fewest().id);
    }
    for (;;) {
      const most = running.reduce((a, b) => (held(b.id).length > held(a.id).length ? b : a));
      const least = fewest();
      const from = held(most.id);
      if (from.length - held(least.id).length <= 1) break;
      take(from[from.length - 1], least.id);
    }
  }

  private stateOf(app: ConsumerApplication, lease: Lease, byId: Map<string, Lease>, now: number): LeaseState {
    if (isDone(lease.checkpoint)) return { state: 'shard-end' };
    // A parent no longer in the table (gone with its stream's retention) does not hold its children back.
    const parents = lease.parentShardIds.filter((p) => {
      const pl = byId.get(p);
      return pl !== undefined && !isDone(pl.checkpoint);
    });
    if (parents.length > 0) return { state: 'waiting-for-parent', parents };
    const owner = lease.owner === undefined ? undefined : app.workers.find((w) => w.id === lease.owner);
    if (owner?.running) return { state: 'processing', owner: owner.id };
    if (owner && now < expiryOf(owner)) return { state: 'unassigned', heldBy: owner.id, expiresAt: expiryOf(owner) };
    return { state: 'unassigned' };
  }

  private view(app: ConsumerApplication, now: number): ConsumerApplicationView {
    const byId = new Map(app.leases.map((l) => [l.shardId, l]));
    return {
      ...structuredClone(app),
      workers: app.workers.map((w) => ({ ...w, leases: app.leases.filter((l) => l.owner === w.id).length })),
      leases: app.leases.map((l) => ({ ...structuredClone(l), ...this.stateOf(app, l, byId, now) })),
      processed: app.leases.reduce((n, l) => n + l.processed, 0),
    };
  }

  /** Drops an application's read positions (its leases start from their checkpoints again). */
  private forget(app: ConsumerApplication): void {
    const prefix = `${keyOf(app.region, app.name)}|`;
    for (const m of [this.positions, this.nextReadAt]) for (const k of [...m.keys()]) if (k.startsWith(prefix)) m.delete(k);
  }

  snapshot(): ConsumerAppsSnapshot {
    return { version: CONSUMER_APPS_SNAPSHOT_VERSION, applications: [...this.applications.values()].map((a) => structuredClone(a)) };
  }

  /** Replaces every application; reads resume from the checkpoints. */
  restore(s: ConsumerAppsSnapshot): void {
    this.applications.clear();
    this.positions.clear();
    this.nextReadAt.clear();
    for (const a of s.applications) this.applications.set(keyOf(a.region, a.name), structuredClone(a));
  }
}
