import { CloudWatchService } from './cloudwatch/service';
import { MetricStore, type MetricStoreSnapshot } from './cloudwatch/store';
import { RealClock, type Clock } from './common/clock';
import { nullMetricsSink } from './common/metrics';
import { PlatformRng, type Rng } from './common/rng';
import type { FirehoseService } from './firehose/service';
import { firehoseAndS3 } from './firehose/wiring';
import { KinesisService } from './kinesis/service';
import { emptyLog, type RecordLog } from './kinesis/store/log';
import { isReadableKinesisSnapshot, KINESIS_SNAPSHOT_VERSION, type KinesisSnapshot } from './kinesis/store/types';
import { defaultEngineOptions, type EngineContext, type EngineOptions } from './protocol/context';
import type { HttpRequestLike, HttpResponseLike } from './protocol/http';
import { Router } from './protocol/router';
import { recordUsage, trimToCap, type CapTrim, type RecordUsage } from './recordCap';
import type { S3Service } from './s3/service';

export interface EmulatorConfig {
  clock?: Clock;
  rng?: Rng;
  options?: Partial<EngineOptions>;
  accountId?: string;
  defaultRegion?: string;
}

/** Bumped whenever the shape of {@link EmulatorSnapshot} (or of a service's part) changes. */
export const EMULATOR_SNAPSHOT_VERSION = 1;

/** Every service's state as plain, JSON-safe data: what survives a page reload. */
export interface EmulatorSnapshot {
  version: typeof EMULATOR_SNAPSHOT_VERSION;
  kinesis: KinesisSnapshot;
  metrics: MetricStoreSnapshot;
}

/** One shard's records, shared (not copied) for savers that store records apart from the rest. */
export interface ShardRecords {
  /** The stream's region: same-named streams in two regions are two streams. */
  region: string;
  stream: string;
  /** The stream's creation time: a stream deleted and made again under the same name is another stream. */
  streamCreatedAt: number;
  shardIndex: number;
  /** Read only. Live records sit at `head..length-1`. */
  log: RecordLog;
}

/** A snapshot the emulator cannot read: written by another version of the console, or not a snapshot. */
export class SnapshotVersionError extends Error {
  constructor(readonly found: unknown) {
    super(`unsupported emulator snapshot version ${JSON.stringify(found) ?? 'undefined'}`);
    this.name = 'SnapshotVersionError';
  }
}

/**
 * The composition root: every emulated service behind one router. The worker, the Node
 * server and the tests all build the emulator here, so they run the same code.
 */
export class Emulator {
  readonly ctx: EngineContext;
  readonly router: Router;
  /** CloudWatch's metric store; also `ctx.metrics`, where services report (set before any service is built). */
  readonly metrics: MetricStore;
  /** Kinesis Data Streams (its snapshot()/restore() carry the streams across reloads). */
  readonly kinesis: KinesisService;
  /** Firehose delivering into S3 (`firehose.advance(now)` flushes buffers that are due). */
  readonly firehose: FirehoseService;
  readonly s3: S3Service;

  constructor(config: EmulatorConfig = {}) {
    this.ctx = {
      clock: config.clock ?? new RealClock(),
      rng: config.rng ?? new PlatformRng(),
      metrics: nullMetricsSink,
      options: { ...defaultEngineOptions, ...config.options },
      accountId: config.accountId ?? '000000000000',
      defaultRegion: config.defaultRegion ?? 'us-east-1',
    };
    this.metrics = new MetricStore(this.ctx.clock, {}, this.ctx.defaultRegion);
    this.ctx.metrics = this.metrics;
    this.router = new Router(this.ctx);
    // Services register here.
    this.router.register((this.kinesis = new KinesisService(this.ctx)));
    this.router.register(new CloudWatchService({ clock: this.ctx.clock, store: this.metrics }));
    ({ firehose: this.firehose, s3: this.s3 } = firehoseAndS3(this.ctx));
    this.router.register(this.firehose);
    this.router.register(this.s3);
  }

  handle(req: HttpRequestLike): Promise<HttpResponseLike> {
    return this.router.handle(req);
  }

  /** A deep copy of every service's state (retention applied). */
  snapshot(): EmulatorSnapshot {
    return { version: EMULATOR_SNAPSHOT_VERSION, kinesis: this.kinesis.snapshot(), metrics: this.metrics.snapshot() };
  }

  /**
   * The snapshot with every shard's records left out, plus the live record logs by reference: the
   * cheap form for a saver that writes records incrementally (records are most of the state).
   */
  snapshotWithoutRecords(): { snapshot: EmulatorSnapshot; records: ShardRecords[] } {
    const store = this.kinesis.store;
    store.sweep();
    const streams = [...store.streams.values()];
    const records: ShardRecords[] = streams.flatMap((s) =>
      s.Shards.map((sh) => ({ region: s._region, stream: s.StreamName, streamCreatedAt: s._createdAt, shardIndex: sh._index, log: sh._log })),
    );
    const light = streams.map((s) => ({ ...s, Shards: s.Shards.map((sh) => ({ ...sh, _log: emptyLog() })) }));
    return {
      snapshot: { version: EMULATOR_SNAPSHOT_VERSION, kinesis: { version: KINESIS_SNAPSHOT_VERSION, streams: structuredClone(light) }, metrics: this.metrics.snapshot() },
      records,
    };
  }

  /** Replaces every service's state. Throws {@link SnapshotVersionError} (and changes nothing) on a snapshot of another version. */
  restore(snapshot: EmulatorSnapshot): void {
    const s = snapshot as Partial<EmulatorSnapshot> | null;
    if (s?.version !== EMULATOR_SNAPSHOT_VERSION) throw new SnapshotVersionError(s?.version);
    if (s.kinesis === undefined || !isReadableKinesisSnapshot(s.kinesis)) throw new SnapshotVersionError(`kinesis ${String(s.kinesis?.version)}`);
    if (s.metrics?.version !== 1 || !Array.isArray(s.metrics.series)) throw new SnapshotVersionError(`metrics ${String(s.metrics?.version)}`);
    this.kinesis.restore(s.kinesis);
    this.metrics.restore(s.metrics);
  }

  /** Live records across every stream (retention applied). */
  recordUsage(): RecordUsage {
    return recordUsage(this.kinesis.store);
  }

  /** Over `maxBytes` of records, drops the oldest (across all streams) down to `keepBytes`. */
  trimRecordsToCap(maxBytes: number, keepBytes = maxBytes): CapTrim {
    return trimToCap(this.kinesis.store, maxBytes, keepBytes);
  }
}
