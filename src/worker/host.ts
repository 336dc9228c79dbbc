import type { AnalyticsExports } from '../engine/analytics/module';
import { ScaledClock } from '../engine/common/clock';
import type { ConsumerAppsExports } from '../engine/consumerApps/module';
import type { ConsumerApplicationView } from '../engine/consumerApps/types';
import type { FunctionsExports, PutFunctionInput } from '../engine/functions/module';
import { AwsError, isAwsError } from '../engine/common/errors';
import { parseStreamArn } from '../engine/kinesis/store/store';
import type { FunctionStore } from '../engine/functions/store';
import { Emulator, type EmulatorConfig } from '../engine/emulator';
import { noUsage, type CapTrim, type RecordUsage } from '../engine/recordCap';
import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';
import { Scheduler } from '../engine/scheduler';
import { Persister, SaveScheduler, platformSaveTimers, type PersistentStorage, type SaveTimers, type StoredClock } from './persistence';
import { diagnoseSql, sqlDialect } from '../engine/sql/editor';
import { WorkerCommand, type AnalyticsRows, type SqlDialect, type SqlDiagnostic, type ClockReading, type ClockState, type ConsoleApi, type CreateConsumerApplication, type StartingPosition, type SubscriptionPoll, type HttpReply, type HttpCall, type StorageNotice, type StorageStatus, type TransformFunctionInfo, type WorkshopImport } from './protocol';
import { GroupCommit } from './groupCommit';
import { SubscriptionSessions } from './subscriptions';
import { decodeWorkshop, encodeWorkshop, WorkshopFileError } from './workshopFile';
import { CAP_LOW_WATER, DEFAULT_RECORD_CAP, droppedInWords, formatBytes, MIN_RECORD_CAP } from './storageUnits';

export { DEFAULT_RECORD_CAP, formatBytes, MIN_RECORD_CAP } from './storageUnits';
/** At most one notice of the same kind per this long (a generator over the cap trims every second). */
const NOTICE_GAP_MS = 30_000;

export type EmulatorHostConfig = Omit<EmulatorConfig, 'clock'> & {
  clock?: ScaledClock;
  /** Where to save state between page loads; without it the emulator lives in memory only. */
  storage?: PersistentStorage;
  /** Why there is no storage, for the user. */
  noStorageReason?: string;
  timers?: SaveTimers;
  /**
   * Runs before the emulator sees a request (AWS mode's local analytics looks up the real streams the
   * request names). An AwsError it throws is the request's answer.
   */
  beforeRequest?: (request: HttpRequestLike) => Promise<void>;
  /** What went wrong lately reading or writing these resource ARNs (AWS mode's local analytics), for analyticsRows. */
  resourceProblems?: (arns: string[]) => string[];
};

/**
 * The pure part of the worker: one emulator on a clock that can be sped up, and the
 * functions that answer each command. The worker entry and the in-thread fallback both
 * use it, so tests exercise the same code without a Worker.
 *
 * With a storage, the last saved state is restored before the first request is answered, and
 * acknowledged means durable: a request that may write (and a console action that changes state) is
 * answered only once a save that began after it has committed ({@link GroupCommit}: concurrent
 * writers share one save); reads are answered at once. Changes made by timed work (a stream turning
 * ACTIVE, an application's output, a Firehose delivery) are saved shortly after ({@link SaveScheduler}).
 * Every save, reset and cap change runs on one serial path, never two at once. Either way a cap on
 * stored bytes (Kinesis records, S3 objects, Firehose buffers) is kept: over it the oldest records
 * and objects go (buffers wait for delivery, never dropped), and the user is told.
 */
export class EmulatorHost implements ConsoleApi {
  readonly clockSource: ScaledClock;
  /** Resolves once the saved state (if any) is restored; requests wait for it. */
  readonly ready: Promise<void>;
  private current: Emulator;
  private readonly timers: SaveTimers;
  private readonly scheduler: SaveScheduler;
  /** Runs the modules' timed work on the emulator's clock. */
  private readonly ticker: Scheduler;
  private persister?: Persister;
  private noStorageReason?: string;
  private maxRecordBytes = DEFAULT_RECORD_CAP;
  private usage: RecordUsage = noUsage();
  private lastSave?: StorageStatus['lastSave'];
  private restored?: StorageStatus['restored'];
  private trimmedRecords = 0;
  /** Items each service lost to the cap since the start (or a reset), by module name. */
  private trimmed: Record<string, number> = {};
  private notices: StorageNotice[] = [];
  private noticeId = 0;
  private lastNoticeAt = new Map<string, number>();
  /** SubscribeToShard sessions of the page (see subscribeToShard). */
  private readonly subscriptions = new SubscriptionSessions(() => this.current);
  /** Saves, resets and cap changes run one after another. */
  private chain: Promise<unknown> = Promise.resolve();
  /** The save that acknowledges writes: one for every writer waiting at the time. */
  private readonly commits: GroupCommit;

  constructor(private readonly config: EmulatorHostConfig = {}) {
    this.clockSource = config.clock ?? new ScaledClock();
    this.timers = config.timers ?? platformSaveTimers;
    this.current = this.build();
    this.persister = config.storage && new Persister(config.storage, () => this.timers.now());
    this.noStorageReason = config.storage ? undefined : (config.noStorageReason ?? 'this browser offers no IndexedDB here');
    this.scheduler = new SaveScheduler(() => this.serial(() => this.tick()), this.timers);
    this.commits = new GroupCommit(() => this.serial(() => this.tick(true)));
    this.ready = this.persister ? this.serial(() => this.restore()) : Promise.resolve();
    this.ticker = new Scheduler(
      (now) => {
        const next = this.current.advance(now, (module, e) => this.reportAdvanceError(module, e));
        // Timed work may have changed state (rows written, a delivery made): saved soon after.
        this.scheduler.poke();
        return next;
      },
      this.clockSource,
      this.timers,
      (e) => this.reportAdvanceError('emulator', e),
    );
    void this.ready.then(() => this.ticker.start());
  }

  private reportAdvanceError(module: string, e: unknown): void {
    this.notify('warning', `advance-${module}`, `The emulated ${module} service failed in its timed work (${e instanceof Error ? e.message : String(e)}); it is tried again in a second.`);
  }

  private build(): Emulator {
    const { storage: _s, noStorageReason: _r, timers: _t, beforeRequest: _b, resourceProblems: _p, ...config } = this.config;
    return new Emulator({
      ...config,
      clock: this.clockSource,
      hooks: {
        ...config.hooks,
        // A transformation finished: deliver what it returned now, and save it soon after.
        wake: () => {
          config.hooks?.wake?.();
          this.ticker.poke();
          this.scheduler.poke();
        },
        // Timed work moved durable state (checkpoints): save it soon.
        changed: () => {
          config.hooks?.changed?.();
          this.scheduler.poke();
        },
      },
    });
  }

  private get functions(): FunctionStore {
    return this.current.exports<FunctionsExports>('functions').store;
  }

  // Each waits for the saved state: a restore replaces the emulator, and a function put before it would be lost.
  async putTransformFunction(input: PutFunctionInput): Promise<{ arn: string }> {
    await this.ready;
    const { arn } = this.functions.put(input);
    await this.committed();
    return { arn };
  }

  async listTransformFunctions(): Promise<TransformFunctionInfo[]> {
    await this.ready;
    return this.functions.list().map(({ name, arn, source, timeoutSeconds }) => ({ name, arn, source, timeoutSeconds }));
  }

  async deleteTransformFunction(name: string): Promise<void> {
    await this.ready;
    this.functions.delete(name);
    await this.committed();
  }

  private consumerApps(streamARN: string) {
    const stream = parseStreamArn(streamARN);
    if (!stream) throw new AwsError('InvalidArgumentException', `${streamARN} is not a stream ARN.`);
    return { stream, apps: this.current.exports<ConsumerAppsExports>('consumerApps').applications };
  }

  async consumerApplications(streamARN: string): Promise<ConsumerApplicationView[]> {
    await this.ready;
    const { stream, apps } = this.consumerApps(streamARN);
    return apps.list(stream.region, stream.name);
  }

  async createConsumerApplication(input: CreateConsumerApplication): Promise<ConsumerApplicationView> {
    await this.ready;
    const { stream, apps } = this.consumerApps(input.streamARN);
    const { streamARN: _arn, ...rest } = input;
    const view = apps.create({ ...rest, region: stream.region, streamName: stream.name });
    this.ticker.poke();
    await this.committed();
    return view;
  }

  async setConsumerWorker(streamARN: string, name: string, workerId: string, running: boolean): Promise<ConsumerApplicationView> {
    await this.ready;
    const { stream, apps } = this.consumerApps(streamARN);
    const view = apps.setWorkerRunning(stream.region, name, workerId, running);
    this.ticker.poke();
    await this.committed();
    return view;
  }

  async deleteConsumerApplication(streamARN: string, name: string): Promise<void> {
    await this.ready;
    const { stream, apps } = this.consumerApps(streamARN);
    apps.delete(stream.region, name);
    await this.committed();
  }

  get emulator(): Emulator {
    return this.current;
  }

  handle(request: HttpRequestLike): Promise<HttpResponseLike> {
    return this.current.handle(request);
  }

  /**
   * Answers one HTTP message; never throws (a failure becomes `ok: false`). A request that may write
   * is answered after a save that includes it has committed; when that save fails, with a 500 the
   * SDK retries (the change stays in memory, so a retried write may be applied twice, as with AWS).
   */
  async answer(msg: HttpCall): Promise<HttpReply> {
    await this.ready;
    const reply = (response: HttpResponseLike): HttpReply => ({ cmd: WorkerCommand.Http, id: msg.id, ok: true, response });
    let response: HttpResponseLike;
    const readOnly = this.current.isReadOnly(msg.request);
    try {
      await this.config.beforeRequest?.(msg.request);
    } catch (e) {
      if (isAwsError(e)) return reply(this.current.failure(msg.request, e));
      return { cmd: WorkerCommand.Http, id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    try {
      response = await this.handle(msg.request);
    } catch (e) {
      return { cmd: WorkerCommand.Http, id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (readOnly) return reply(response);
    // The work the change makes due runs now, so the save below takes it in too.
    this.ticker.run();
    // An AWS error changed nothing to wait for; whatever it may have touched is saved soon after.
    if (response.statusCode >= 400) {
      this.scheduler.poke();
      return reply(response);
    }
    try {
      await this.committed();
    } catch (e) {
      return reply(this.current.failure(msg.request, unsaved(msg.request, e)));
    }
    return reply(response);
  }

  /**
   * Resolves once a save that began now has committed (with no storage, at once: the cap is kept
   * shortly after); rejects when that save failed.
   */
  private async committed(): Promise<void> {
    if (!this.persister) {
      this.scheduler.poke();
      return;
    }
    await this.commits.commit();
  }

  clock(): ClockState {
    return { now: this.clockSource.now(), speed: this.clockSource.speed };
  }

  clockReading(): ClockReading {
    return this.clockSource.reading();
  }

  async setSpeed(speed: number): Promise<ClockState> {
    this.clockSource.setSpeed(speed);
    this.ticker.run();
    const state = this.clock();
    await this.committed();
    return state;
  }

  async skip(ms: number): Promise<ClockState> {
    this.clockSource.skip(ms);
    this.ticker.run();
    const state = this.clock();
    await this.committed();
    return state;
  }

  async reset(): Promise<void> {
    this.scheduler.cancel();
    await this.serial(async () => {
      this.subscriptions.clear();
      this.current = this.build();
      this.ticker.poke();
      this.usage = noUsage();
      this.trimmedRecords = 0;
      this.trimmed = {};
      try {
        await this.persister?.clear();
      } catch (e) {
        this.notify('warning', 'storage-error', `The saved emulator state could not be deleted: ${String(e)}`);
      }
    });
  }

  async exportWorkshop(progress?: unknown): Promise<Uint8Array> {
    await this.ready;
    // The same snapshot the saver and restore use: every module's state and its bulk collections.
    return encodeWorkshop(this.current.snapshot(), this.clock(), this.timers.now(), progress);
  }

  async importWorkshop(bytes: Uint8Array): Promise<WorkshopImport> {
    await this.ready;
    const { doc, snapshot } = decodeWorkshop(bytes, this.current.moduleNames);
    // Read into a new emulator first: a file that fails half way changes nothing.
    const next = this.build();
    try {
      next.restore(snapshot);
    } catch (e) {
      throw new WorkshopFileError(
        `The file's service state could not be read (${e instanceof Error ? e.message : String(e)}); nothing was changed.`,
      );
    }
    this.scheduler.cancel();
    await this.serial(async () => {
      this.subscriptions.clear();
      this.current = next;
      // Time carries on from the later of now and the export (never backwards, as on reload), at the file's speed.
      const ahead = doc.clock.now - this.clockSource.now();
      if (ahead > 0) this.clockSource.skip(ahead);
      this.clockSource.setSpeed(doc.clock.speed);
      this.ticker.poke();
      this.trimmedRecords = 0;
      this.trimmed = {};
      try {
        await this.persister?.clear();
      } catch (e) {
        this.notify(
          'warning',
          'storage-error',
          `The saved emulator state could not be replaced: ${String(e)}`,
        );
      }
      // Applies the cap and saves the whole imported state.
      await this.tick(true);
    });
    return {
      exportedAt: doc.exportedAt,
      ...(doc.progress === undefined ? {} : { progress: doc.progress }),
      streams: this.usage.streams,
      records: this.usage.records,
    };
  }

  async storage(): Promise<StorageStatus> {
    await this.ready;
    return this.status();
  }

  async setRecordCap(bytes: number): Promise<StorageStatus> {
    if (!Number.isFinite(bytes) || bytes < MIN_RECORD_CAP) throw new RangeError(`The cap must be at least ${formatBytes(MIN_RECORD_CAP)}`);
    this.maxRecordBytes = Math.floor(bytes);
    await this.serial(async () => {
      await this.persister?.storage.saveSettings({ maxRecordBytes: this.maxRecordBytes }).catch(() => {});
      await this.tick();
    });
    return this.status();
  }

  async flush(): Promise<void> {
    await this.ready;
    if (!this.persister || !this.scheduler.pending) return this.scheduler.flush();
    // A failed save is reported by a notice; the page is going away and cannot do more.
    await this.commits.commit().catch(() => {});
  }

  /** Ends the timed work and saves what is pending: this emulator is being replaced (the saved state stays). */
  async stop(): Promise<void> {
    this.ticker.stop();
    await this.flush();
  }

  analyticsRows(applicationArn: string, limit?: number): AnalyticsRows {
    const { runtime, store } = this.current.exports<AnalyticsExports>('analytics');
    const tail = runtime.tail(applicationArn, 0, limit);
    const app = store.applications.get(applicationArn);
    const arns = app
      ? [...app.Inputs, ...app.Outputs].flatMap((x) => {
          const d = 'InputId' in x ? (x.KinesisStreamsInputDescription ?? x.KinesisFirehoseInputDescription) : (x.KinesisStreamsOutputDescription ?? x.KinesisFirehoseOutputDescription);
          return d ? [d.ResourceARN] : [];
        })
      : [];
    const problems = this.config.resourceProblems?.(arns) ?? [];
    return {
      ...tail,
      plans: runtime.explain(applicationArn) ?? [],
      ...(app?._statusReason ? { statusReason: app._statusReason } : {}),
      ...(problems.length ? { problems } : {}),
    };
  }

  async subscribeToShard(consumerARN: string, shardId: string, startingPosition: StartingPosition): Promise<string> {
    await this.ready;
    return this.subscriptions.subscribe(consumerARN, shardId, startingPosition);
  }

  pollSubscription(id: string): SubscriptionPoll {
    return this.subscriptions.poll(id);
  }

  closeSubscription(id: string): void {
    this.subscriptions.close(id);
  }

  sqlDialect(): SqlDialect {
    return sqlDialect();
  }

  diagnoseSql(script: string, columns: { Name: string; SqlType: string; Mapping?: string }[]): SqlDiagnostic[] {
    return diagnoseSql(script, columns);
  }

  private status(): StorageStatus {
    return {
      persistence: this.persister ? 'indexeddb' : 'memory',
      ...(this.noStorageReason ? { reason: this.noStorageReason } : {}),
      streams: this.usage.streams,
      shards: this.usage.shards,
      records: this.usage.records,
      recordBytes: this.usage.bytes,
      maxRecordBytes: this.maxRecordBytes,
      pending: this.scheduler.pending || this.commits.busy,
      ...(this.lastSave ? { lastSave: { ...this.lastSave } } : {}),
      ...(this.restored ? { restored: { ...this.restored } } : {}),
      trimmedRecords: this.trimmedRecords,
      services: Object.fromEntries(Object.entries(this.usage.services).map(([name, u]) => [name, { records: u.records, bytes: u.bytes, counts: { ...u.counts }, trimmed: this.trimmed[name] ?? 0 }])),
      notices: this.notices.map((n) => ({ ...n })),
    };
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
  }

  private notify(type: StorageNotice['type'], kind: string, text: string): void {
    const now = this.timers.now();
    const last = this.lastNoticeAt.get(kind);
    if (last !== undefined && now - last < NOTICE_GAP_MS) return;
    this.lastNoticeAt.set(kind, now);
    this.notices = [...this.notices, { id: ++this.noticeId, type, text }].slice(-10);
  }

  private storedClock(): StoredClock {
    const now = this.clockSource.now();
    return { speed: this.clockSource.speed, now, offsetMs: now - this.timers.now() };
  }

  /** The last save, if there is one this console can read; anything else is reported, never thrown. */
  private async restore(): Promise<void> {
    const persister = this.persister!;
    const started = performance.now();
    try {
      const settings = await persister.storage.loadSettings();
      if (settings && Number.isFinite(settings.maxRecordBytes) && settings.maxRecordBytes >= MIN_RECORD_CAP) this.maxRecordBytes = settings.maxRecordBytes;
      const loaded = await persister.load();
      if (loaded.kind === 'ignored') {
        this.notify('warning', 'ignored', `A saved emulator state was found but not restored (${loaded.reason}). The emulator starts empty; the next change replaces the old save.`);
      } else if (loaded.kind === 'restored') {
        try {
          this.current.restore(loaded.snapshot);
        } catch (e) {
          this.current = this.build();
          persister.discard();
          this.notify('warning', 'ignored', `A saved emulator state was found but not restored (${e instanceof Error ? e.message : String(e)}). The emulator starts empty.`);
          return;
        }
        const c = loaded.clock;
        if (c && Number.isFinite(c.now) && Number.isFinite(c.offsetMs)) {
          // Time carries on from where it was (never backwards: iterators and sequence numbers depend on it).
          const target = Math.max(c.now, this.timers.now() + c.offsetMs);
          const ahead = target - this.clockSource.now();
          if (ahead > 0) this.clockSource.skip(ahead);
          if (c.speed > 0 && Number.isFinite(c.speed)) this.clockSource.setSpeed(c.speed);
        }
        this.lastSave = { at: loaded.savedAt, ms: 0, recordsWritten: 0 };
        this.restored = { records: loaded.records, ms: Math.round(performance.now() - started) };
      }
    } catch (e) {
      // Storage that cannot be opened (a private window, a full disk): carry on in memory.
      const why = e instanceof Error ? e.message : String(e);
      this.current = this.build();
      this.persister = undefined;
      this.noStorageReason = `the browser storage could not be read: ${why}`;
      this.notify('warning', 'storage-error', `The emulator cannot use this browser's storage (${why}); it runs in memory only and forgets everything on reload.`);
    } finally {
      this.usage = this.current.recordUsage();
    }
  }

  /** Keeps the cap, then saves what changed; `strict`: a failed save rejects (after the notice). */
  private async tick(strict = false): Promise<void> {
    const trim: CapTrim = this.current.trimRecordsToCap(this.maxRecordBytes, Math.floor(this.maxRecordBytes * CAP_LOW_WATER));
    if (trim.records > 0) {
      this.trimmedRecords += trim.records;
      for (const [name, d] of Object.entries(trim.services)) this.trimmed[name] = (this.trimmed[name] ?? 0) + d.records;
      this.notify(
        'warning',
        'cap',
        `The emulator holds more than its cap of ${formatBytes(this.maxRecordBytes)} of stored data: the oldest items went, ${droppedInWords(trim.services)}, as retention would drop them (Firehose buffers are kept until delivered). Change the cap under Clock > Emulator storage.`,
      );
    }
    this.usage = trim.usage;
    if (!this.persister) return;
    // This save takes in every change so far: a debounced one waiting for the same changes is not needed.
    this.scheduler.cancel();
    try {
      const stats = await this.persister.save(this.current, this.storedClock());
      this.lastSave = { at: this.timers.now(), ms: stats.totalMs, recordsWritten: stats.recordsWritten };
    } catch (e) {
      this.notify('warning', 'save-error', `The emulator state could not be saved (${e instanceof Error ? e.message : String(e)}). It is still here until you reload; a lower cap may help.`);
      if (strict) throw e;
    }
  }
}

/**
 * The answer to a write whose save failed: AWS's answer to a fault on its side (HTTP 500), which
 * the SDK retries. The change was made in memory and is kept; it is durable once a later save works.
 */
const unsaved = (req: HttpRequestLike, e: unknown): AwsError =>
  req.headers['x-amz-target'] === undefined
    ? new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500)
    : new AwsError('InternalFailure', `The change could not be saved in this browser's storage (${e instanceof Error ? e.message : String(e)}); send the request again.`, 500);
