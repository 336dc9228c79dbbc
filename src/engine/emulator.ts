import type { CloudWatchExports } from './cloudwatch/module';
import type { MetricStore } from './cloudwatch/store';
import { RealClock, type Clock } from './common/clock';
import type { AwsError } from './common/errors';
import { nullMetricsSink } from './common/metrics';
import { PlatformRng, type Rng } from './common/rng';
import type { KinesisExports } from './kinesis/module';
import type { KinesisService } from './kinesis/service';
import { buildModules, SnapshotVersionError, type BulkCollection, type ModuleFactory, type ServiceModule, type VersionedState } from './module';
import { serviceModules } from './modules';
import { defaultEngineOptions, type EngineContext, type EngineHooks, type EngineOptions } from './protocol/context';
import type { HttpRequestLike, HttpResponseLike } from './protocol/http';
import { Router } from './protocol/router';
import { storageUsage, trimToCap, type CapTrim, type RecordUsage } from './recordCap';

export { SnapshotVersionError } from './module';

export interface EmulatorConfig {
  clock?: Clock;
  rng?: Rng;
  options?: Partial<EngineOptions>;
  accountId?: string;
  defaultRegion?: string;
  /** The services to run; every registered one (`modules.ts`) when omitted. */
  modules?: readonly ModuleFactory[];
  /** What the host lends the engine: the transformation function runner, a wake-up call. */
  hooks?: EngineHooks;
}

/**
 * Bumped whenever the shape of {@link EmulatorSnapshot} itself changes (a service's part carries
 * its own version). Version 1 held `kinesis` and `metrics` side by side; restore() still reads it.
 */
export const EMULATOR_SNAPSHOT_VERSION = 2;

/** One bulk collection's items from position `first` on, in chunks as the module wrote them. */
export interface BulkEntry {
  first: number;
  chunks: unknown[];
}

/**
 * A snapshot to restore from: bulk chunks may be any iterable, which a saver's storage may read on
 * demand, one chunk at a time (see {@link BulkData.load}). Every {@link EmulatorSnapshot} is one.
 */
export interface RestorableSnapshot {
  version: typeof EMULATOR_SNAPSHOT_VERSION;
  services: Record<string, VersionedState>;
  /** `count`, where known: how many items the chunks hold from `first` on (lets a module size its store once). */
  bulk: Record<string, Record<string, { first: number; chunks: Iterable<unknown>; count?: number }>>;
}

/** Every service's state as plain, JSON-safe data: what survives a page reload. */
export interface EmulatorSnapshot {
  version: typeof EMULATOR_SNAPSHOT_VERSION;
  /** Module name -> its durable state. */
  services: Record<string, VersionedState>;
  /** Module name -> collection key -> items. */
  bulk: Record<string, Record<string, BulkEntry>>;
}

/** Version 1 of the snapshot: Kinesis (records inside its shards) and CloudWatch's metric store. */
export interface EmulatorSnapshotV1 {
  version: 1;
  kinesis: unknown;
  metrics: unknown;
}

/** One module's bulk collection, shared (not copied) for savers that store bulk data apart from the rest. */
export interface ModuleCollection {
  module: string;
  collection: BulkCollection;
}

/** A module's `advance` threw: what the scheduler reports. */
export type AdvanceErrorReport = (module: string, error: unknown) => void;

/** After a module throws in `advance`, it is tried again this much later (emulated time). */
export const ADVANCE_RETRY_MS = 1000;

/** Reads version 1 as version 2; anything else that is not version 2 throws. */
const migrate = (snapshot: unknown): RestorableSnapshot => {
  const s = snapshot as { version?: unknown } | null;
  if (s?.version === 1) {
    const v1 = s as EmulatorSnapshotV1;
    return { version: EMULATOR_SNAPSHOT_VERSION, services: { kinesis: v1.kinesis as VersionedState, cloudwatch: v1.metrics as VersionedState }, bulk: {} };
  }
  if (s?.version !== EMULATOR_SNAPSHOT_VERSION) throw new SnapshotVersionError(s?.version);
  const v2 = s as Partial<RestorableSnapshot>;
  if (typeof v2.services !== 'object' || v2.services === null) throw new SnapshotVersionError('without services');
  return { version: EMULATOR_SNAPSHOT_VERSION, services: v2.services, bulk: v2.bulk ?? {} };
};

/**
 * The composition root: every registered service module behind one router. The worker, the Node
 * server and the tests all build the emulator here, so they run the same code.
 */
export class Emulator {
  readonly ctx: EngineContext;
  private readonly factories: readonly ModuleFactory[];
  private modules: ServiceModule[];
  private routerOf: Router;

  constructor(config: EmulatorConfig = {}) {
    this.ctx = {
      clock: config.clock ?? new RealClock(),
      rng: config.rng ?? new PlatformRng(),
      // Modules report metrics through the CloudWatch module's exports (see kinesis/module.ts), not here.
      metrics: nullMetricsSink,
      options: { ...defaultEngineOptions, ...config.options },
      accountId: config.accountId ?? '000000000000',
      defaultRegion: config.defaultRegion ?? 'us-east-1',
      ...(config.hooks ? { hooks: config.hooks } : {}),
    };
    this.factories = config.modules ?? serviceModules;
    this.modules = buildModules(this.factories, this.ctx);
    this.routerOf = this.route(this.modules);
  }

  private route(modules: ServiceModule[]): Router {
    const router = new Router(this.ctx);
    for (const m of modules) if (m.service) router.register(m.service);
    return router;
  }

  get router(): Router {
    return this.routerOf;
  }

  /** The names of the running modules, in registration order. */
  get moduleNames(): string[] {
    return this.modules.map((m) => m.name);
  }

  /** A module's exports (its narrow interface); throws when no module of that name runs. */
  exports<T>(name: string): T {
    const m = this.modules.find((x) => x.name === name);
    if (!m) throw new Error(`no service module "${name}"`);
    return m.exports as T;
  }

  /** Kinesis Data Streams, for the console's own tools and tests. */
  get kinesis(): KinesisService {
    return this.exports<KinesisExports>('kinesis').service;
  }

  /** CloudWatch's metric store, where services report. */
  get metrics(): MetricStore {
    return this.exports<CloudWatchExports>('cloudwatch').store;
  }

  handle(req: HttpRequestLike): Promise<HttpResponseLike> {
    return this.routerOf.handle(req);
  }

  /** `e` as the answer to `req`, in its service's error envelope (see Router.failure). */
  failure(req: HttpRequestLike, e: AwsError): HttpResponseLike {
    return this.routerOf.failure(req, e);
  }

  /**
   * Whether a request changes nothing worth saving: a JSON operation its module marks read-only, a
   * REST request its module calls read-only. Unknown requests count as changes.
   */
  isReadOnly(req: HttpRequestLike): boolean {
    const target = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1];
    if (typeof target === 'string') {
      const [prefix, op] = target.split('.');
      const m = this.modules.find((x) => x.service?.kind === 'json' && x.service.targetPrefix === prefix);
      return m !== undefined && op !== undefined && Object.hasOwn(m.operations, op) && m.operations[op] === 'read';
    }
    const rest = this.modules.find((x) => x.service?.kind === 'rest' && x.service.matches(req));
    return rest?.isReadOnly?.(req) ?? false;
  }

  /** Every module's durable state, bulk data left out (the cheap part for an incremental saver). */
  private services(): Record<string, VersionedState> {
    return Object.fromEntries(this.modules.map((m) => [m.name, m.snapshot()]));
  }

  /** A deep copy of every service's state (retention applied), bulk data included. */
  snapshot(): EmulatorSnapshot {
    const services = this.services();
    const bulk: EmulatorSnapshot['bulk'] = {};
    for (const { module, collection } of this.bulkCollections()) {
      const range = collection.range();
      if (range === undefined) continue;
      (bulk[module] ??= {})[collection.key] = { first: range.first, chunks: [collection.read(range.first, range.last + 1).chunk] };
    }
    return { version: EMULATOR_SNAPSHOT_VERSION, services, bulk };
  }

  /**
   * The snapshot without bulk data, plus every module's bulk collections by reference: the cheap
   * form for a saver that writes bulk data incrementally (records are most of the state).
   */
  snapshotWithoutBulk(): { snapshot: EmulatorSnapshot; collections: ModuleCollection[] } {
    const collections = this.bulkCollections();
    return { snapshot: { version: EMULATOR_SNAPSHOT_VERSION, services: this.services(), bulk: {} }, collections };
  }

  private bulkCollections(): ModuleCollection[] {
    return this.modules.flatMap((m) => (m.bulk ? m.bulk.collections().map((collection) => ({ module: m.name, collection })) : []));
  }

  /**
   * Replaces every service's state; reads the current version and version 1. A module absent from
   * the snapshot (a service added since) starts empty. Throws {@link SnapshotVersionError} (and
   * changes nothing) on a snapshot it cannot read.
   */
  restore(snapshot: RestorableSnapshot | EmulatorSnapshotV1): void {
    const s = migrate(snapshot);
    // Into new modules, swapped in only when every part was read.
    const modules = buildModules(this.factories, this.ctx);
    for (const m of modules) {
      const state = s.services[m.name];
      if (state !== undefined) m.restore(state);
    }
    for (const m of modules) {
      const bulk = s.bulk[m.name];
      if (!bulk || !m.bulk) continue;
      for (const [key, entry] of Object.entries(bulk)) m.bulk.load(key, entry.chunks, entry.first, entry.count);
    }
    this.modules = modules;
    this.routerOf = this.route(modules);
  }

  /**
   * Runs every module's work due by `now`; returns when the next is due (undefined: none). A module
   * that throws is reported and tried again {@link ADVANCE_RETRY_MS} later; the others run regardless.
   */
  advance(now: number, report: AdvanceErrorReport = () => {}): number | undefined {
    let next: number | undefined;
    for (const m of this.modules) {
      if (!m.advance) continue;
      let due: number | undefined;
      try {
        due = m.advance(now);
      } catch (e) {
        report(m.name, e);
        due = now + ADVANCE_RETRY_MS;
      }
      if (due !== undefined && (next === undefined || due < next)) next = due;
    }
    return next;
  }

  /** What every module holds (retention applied). */
  recordUsage(): RecordUsage {
    return storageUsage(this.modules);
  }

  /** Over `maxBytes` of stored items, drops the oldest (across all modules) down to `keepBytes`. */
  trimRecordsToCap(maxBytes: number, keepBytes = maxBytes): CapTrim {
    return trimToCap(this.modules, maxBytes, keepBytes);
  }
}
