import { openDB, type IDBPDatabase } from 'idb';
import { EMULATOR_SNAPSHOT_VERSION, type Emulator, type EmulatorSnapshot, type ShardRecords } from '../engine/emulator';
import { seekCounter, type RecordLog } from '../engine/kinesis/store/log';

/**
 * Saving the emulator between page loads. Records are most of the state and only ever grow at the
 * tail and shrink at the head, so they are stored apart, in chunks of a fixed range of sequence
 * counters per shard: a save writes the chunks that received records since the last save (the
 * newest, still filling, is rewritten) and deletes those retention or the cap emptied. Everything
 * else (streams, shards, metrics, the clock) is small and written whole. One transaction per save,
 * so a reload sees one save or the one before, never half of one.
 */

/** The layout of what is stored here; bumped when it changes (the engine's snapshot has its own version). */
export const PERSISTENCE_FORMAT = 1;
/** Sequence counters per stored chunk. */
export const CHUNK_RECORDS = 1000;

/** The records of one chunk, column by column (the engine's log layout, without its head). */
export type RecordChunk = Omit<RecordLog, 'head'>;

export interface StoredShard {
  /** `region|stream|streamCreatedAt|shardIndex`; in saves without `region`, `stream|streamCreatedAt|shardIndex`. */
  key: string;
  /** The stream's region. Absent in saves written before streams were regional: read as {@link LEGACY_REGION}. */
  region?: string;
  /** Records with a lower counter were trimmed (retention, the cap) after their chunk was written. */
  firstCounter: number;
  /** Chunk numbers stored for this shard. */
  chunks: number[];
  /** The highest counter stored (-1: none yet). */
  savedUpTo: number;
}

/** The clock as saved: emulated time ran `offsetMs` ahead of wall time, `speed` times real time. */
export interface StoredClock {
  speed: number;
  offsetMs: number;
  /** The emulator's time at the save: time never runs backwards across a reload. */
  now: number;
}

/** The small part of a save, written whole each time. */
export interface StoredState {
  format: number;
  /** Wall-clock time of the save (ms). */
  savedAt: number;
  clock?: StoredClock;
  /** The emulator's snapshot with every shard's records left out (they are in the chunks). */
  snapshot: EmulatorSnapshot;
  shards: StoredShard[];
}

/** What the user chose about storage; kept across resets. */
export interface StorageSettings {
  maxRecordBytes: number;
}

/**
 * Where saves go: IndexedDB in the browser ({@link openIdbStorage}), a Map in tests
 * ({@link MemoryStorage}). `state` is `unknown` on the way in: an old or foreign save must be
 * checked, not trusted.
 */
export interface PersistentStorage {
  readonly kind: string;
  load(): Promise<{ state: unknown; chunks: Map<string, RecordChunk> }>;
  /** Atomically: (optionally drop every chunk), write `state`, put and delete chunks. */
  commit(state: StoredState, put: Map<string, RecordChunk>, remove: string[], clearChunks: boolean): Promise<void>;
  /** Deletes the saved state and every chunk (settings stay). */
  clear(): Promise<void>;
  loadSettings(): Promise<StorageSettings | undefined>;
  saveSettings(settings: StorageSettings): Promise<void>;
}

/** Keeps saves in memory, copied the way IndexedDB copies them (structured clone). */
export class MemoryStorage implements PersistentStorage {
  readonly kind = 'memory';
  state: unknown;
  chunks = new Map<string, RecordChunk>();
  settings?: StorageSettings;
  commits = 0;
  async load() {
    return { state: structuredClone(this.state), chunks: structuredClone(this.chunks) };
  }
  async commit(state: StoredState, put: Map<string, RecordChunk>, remove: string[], clearChunks: boolean) {
    if (clearChunks) this.chunks.clear();
    for (const k of remove) this.chunks.delete(k);
    for (const [k, c] of put) this.chunks.set(k, structuredClone(c));
    this.state = structuredClone(state);
    this.commits++;
  }
  async clear() {
    this.state = undefined;
    this.chunks.clear();
  }
  async loadSettings() {
    return this.settings && { ...this.settings };
  }
  async saveSettings(settings: StorageSettings) {
    this.settings = { ...settings };
  }
}

const DB_NAME = 'kinesis-workshop-emulator';
const META = 'meta';
const CHUNKS = 'chunks';

/** How long a page waits for the save lock (a reloading tab's old worker may still hold it a moment). */
const LOCK_WAIT_MS = 3000;

/**
 * Holds a Web Lock named after the database for as long as this worker lives, so two tabs never
 * write over each other's saves: the second tab runs in memory and says why. Resolves when held;
 * rejects when another tab keeps it. Where there are no Web Locks, resolves at once.
 */
const holdLock = (name: string): Promise<void> => {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    locks
      .request(name, { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => {
        resolve();
        return new Promise<void>(() => {});
      })
      .catch(() => reject(new Error('another tab of this console is using the saved state')));
  });
};

/** IndexedDB storage, or undefined where there is no IndexedDB (Node, some private modes). */
export const openIdbStorage = (name = DB_NAME): PersistentStorage | undefined => {
  if (typeof indexedDB === 'undefined') return undefined;
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= holdLock(`${name}-writer`).then(() =>
      openDB(name, 1, {
        upgrade(d) {
          d.createObjectStore(META);
          d.createObjectStore(CHUNKS);
        },
      }),
    ));
  return {
    kind: 'indexeddb',
    async load() {
      const tx = (await open()).transaction([META, CHUNKS], 'readonly');
      const state: unknown = await tx.objectStore(META).get('state');
      const chunks = new Map<string, RecordChunk>();
      for (let c = await tx.objectStore(CHUNKS).openCursor(); c; c = await c.continue()) chunks.set(String(c.key), c.value as RecordChunk);
      await tx.done;
      return { state, chunks };
    },
    async commit(state, put, remove, clearChunks) {
      const tx = (await open()).transaction([META, CHUNKS], 'readwrite');
      const chunks = tx.objectStore(CHUNKS);
      // Requests are queued without awaiting each one: the transaction completes them in order.
      if (clearChunks) void chunks.clear();
      for (const k of remove) void chunks.delete(k);
      for (const [k, c] of put) void chunks.put(c, k);
      void tx.objectStore(META).put(state, 'state');
      await tx.done;
    },
    async clear() {
      const tx = (await open()).transaction([META, CHUNKS], 'readwrite');
      void tx.objectStore(META).delete('state');
      void tx.objectStore(CHUNKS).clear();
      await tx.done;
    },
    async loadSettings() {
      return (await (await open()).get(META, 'settings')) as StorageSettings | undefined;
    },
    async saveSettings(settings) {
      await (await open()).put(META, settings, 'settings');
    },
  };
};

/** The region of shards saved without one (the emulator's only region before streams were regional). */
export const LEGACY_REGION = 'us-east-1';

/** A shard's identity: same-named streams made in the same millisecond in two regions are two streams. */
const shardKey = (r: Pick<ShardRecords, 'region' | 'stream' | 'streamCreatedAt' | 'shardIndex'>) => `${r.region}|${r.stream}|${r.streamCreatedAt}|${r.shardIndex}`;
const chunkKey = (shard: string, chunk: number) => `${shard}|${String(chunk).padStart(10, '0')}`;

/** Why nothing was restored, in words for the user. */
export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'restored'; snapshot: EmulatorSnapshot; clock?: StoredClock; savedAt: number; records: number }
  | { kind: 'ignored'; reason: string };

export interface SaveStats {
  /** Chunks written and deleted, records written (rewrites of the filling chunk included). */
  chunksWritten: number;
  chunksDeleted: number;
  recordsWritten: number;
  /** Time spent on this thread preparing the save, and until the storage confirmed it (ms). */
  prepareMs: number;
  totalMs: number;
}

const sliceChunk = (log: RecordLog, from: number, to: number): RecordChunk => ({
  counter: log.counter.slice(from, to),
  at: log.at.slice(from, to),
  data: log.data.slice(from, to),
  partitionKey: log.partitionKey.slice(from, to),
  size: log.size.slice(from, to),
});

const isChunk = (c: unknown): c is RecordChunk =>
  typeof c === 'object' && c !== null && ['counter', 'at', 'data', 'partitionKey', 'size'].every((k) => Array.isArray((c as Record<string, unknown>)[k]));

/** Turns an emulator into saves and a save back into a snapshot. Remembers what it stored, so each save writes only what changed. */
export class Persister {
  private stored = new Map<string, StoredShard>();
  /** After an unreadable save: the next save starts from an empty chunk store. */
  private clearFirst = false;

  constructor(
    readonly storage: PersistentStorage,
    private readonly now: () => number = () => Date.now(),
    private readonly chunkRecords = CHUNK_RECORDS,
  ) {}

  /** The last save as a full snapshot; never throws for bad data (it says why it ignored it). */
  async load(): Promise<LoadResult> {
    const { state, chunks } = await this.storage.load();
    if (state === undefined || state === null) {
      this.clearFirst = chunks.size > 0;
      return { kind: 'empty' };
    }
    try {
      return this.assemble(state, chunks);
    } catch (e) {
      this.stored.clear();
      this.clearFirst = true;
      return { kind: 'ignored', reason: e instanceof Error ? e.message : String(e) };
    }
  }

  private assemble(state: unknown, chunks: Map<string, RecordChunk>): LoadResult {
    const s = state as Partial<StoredState>;
    if (s.format !== PERSISTENCE_FORMAT) throw new Error(`it was saved in storage format ${JSON.stringify(s.format) ?? 'unknown'}, this console reads format ${PERSISTENCE_FORMAT}`);
    if (s.snapshot?.version !== EMULATOR_SNAPSHOT_VERSION)
      throw new Error(`it holds emulator state version ${JSON.stringify(s.snapshot?.version) ?? 'unknown'}, this console reads version ${EMULATOR_SNAPSHOT_VERSION}`);
    if (!Array.isArray(s.shards) || !Array.isArray(s.snapshot.kinesis?.streams)) throw new Error('it is incomplete');
    // Shards saved without a region are read as LEGACY_REGION's; their chunks keep their old keys (meta.key).
    const byKey = new Map<string, StoredShard>();
    let legacy = false;
    for (const sh of s.shards) {
      if (typeof sh.region === 'string') byKey.set(sh.key, sh);
      else {
        legacy = true;
        byKey.set(`${LEGACY_REGION}|${sh.key}`, sh);
      }
    }
    const snapshot = s.snapshot;
    const regionOf = (stream: { _region?: string }) => stream._region ?? LEGACY_REGION;
    // A legacy shard of a stream outside LEGACY_REGION (no region in its key) goes to it when no LEGACY_REGION stream claims it.
    const claimed = new Set(snapshot.kinesis.streams.filter((st) => regionOf(st) === LEGACY_REGION).map((st) => `${st.StreamName}|${st._createdAt}`));
    let records = 0;
    for (const stream of snapshot.kinesis.streams) {
      const region = regionOf(stream);
      for (const sh of stream.Shards) {
        const id = { stream: stream.StreamName, streamCreatedAt: stream._createdAt, shardIndex: sh._index };
        let meta = byKey.get(shardKey({ region, ...id }));
        if (meta === undefined && legacy && region !== LEGACY_REGION && !claimed.has(`${id.stream}|${id.streamCreatedAt}`)) {
          const old = byKey.get(shardKey({ region: LEGACY_REGION, ...id }));
          if (old !== undefined && old.region === undefined) meta = old;
        }
        const log: RecordLog = { counter: [], at: [], data: [], partitionKey: [], size: [], head: 0 };
        for (const n of [...(meta?.chunks ?? [])].sort((a, b) => a - b)) {
          const c = chunks.get(chunkKey(meta!.key, n));
          if (!isChunk(c)) throw new Error(`a chunk of records of ${stream.StreamName} is missing`);
          if (c.counter.length > 0 && c.counter[0] >= meta!.firstCounter) {
            // Nothing trimmed in this chunk: take its columns whole.
            for (const k of ['counter', 'at', 'data', 'partitionKey', 'size'] as const) (log[k] as unknown[]).push(...c[k]);
            continue;
          }
          for (let i = 0; i < c.counter.length; i++) {
            if (c.counter[i] < meta!.firstCounter) continue;
            log.counter.push(c.counter[i]);
            log.at.push(c.at[i]);
            log.data.push(c.data[i]);
            log.partitionKey.push(c.partitionKey[i]);
            log.size.push(c.size[i]);
          }
        }
        records += log.counter.length;
        sh._log = log;
      }
    }
    if (legacy) {
      // Old keys: the next save rewrites every chunk under the new ones (in one transaction).
      this.stored.clear();
      this.clearFirst = true;
    } else {
      this.stored = new Map(s.shards.map((sh) => [sh.key, { ...sh, chunks: [...sh.chunks] }]));
      this.clearFirst = false;
    }
    return { kind: 'restored', snapshot, clock: s.clock, savedAt: Number(s.savedAt), records };
  }

  /** Writes what changed since the last save (or everything, the first time). */
  async save(emulator: Emulator, clock?: StoredClock): Promise<SaveStats> {
    const started = this.now();
    const { snapshot, records } = emulator.snapshotWithoutRecords();
    const C = this.chunkRecords;
    const put = new Map<string, RecordChunk>();
    const remove: string[] = [];
    const next = new Map<string, StoredShard>();
    let recordsWritten = 0;
    for (const r of records) {
      const key = shardKey(r);
      const log = r.log;
      const n = log.counter.length;
      const live = log.head < n;
      const prev = this.stored.get(key);
      const firstChunk = live ? Math.floor(log.counter[log.head] / C) : Infinity;
      const lastCounter = live ? log.counter[n - 1] : (prev?.savedUpTo ?? -1);
      const chunks = new Set(prev?.chunks ?? []);
      for (const c of chunks) {
        if (c < firstChunk) {
          remove.push(chunkKey(key, c));
          chunks.delete(c);
        }
      }
      const savedUpTo = prev?.savedUpTo ?? -1;
      if (live && lastCounter > savedUpTo) {
        // From the chunk holding the first unsaved record (or the first live one) to the newest.
        for (let c = Math.max(firstChunk, Math.floor((savedUpTo + 1) / C)); c <= Math.floor(lastCounter / C); c++) {
          const from = seekCounter(log, c * C, false);
          const to = seekCounter(log, (c + 1) * C, false);
          if (from >= to) continue;
          put.set(chunkKey(key, c), sliceChunk(log, from, to));
          recordsWritten += to - from;
          chunks.add(c);
        }
      }
      next.set(key, { key, region: r.region, firstCounter: live ? log.counter[log.head] : Number.MAX_SAFE_INTEGER, chunks: [...chunks], savedUpTo: Math.max(savedUpTo, lastCounter) });
    }
    // Shards of streams that are gone.
    for (const [key, sh] of this.stored) if (!next.has(key)) for (const c of sh.chunks) remove.push(chunkKey(key, c));
    const state: StoredState = { format: PERSISTENCE_FORMAT, savedAt: this.now(), clock, snapshot, shards: [...next.values()] };
    const prepared = this.now();
    await this.storage.commit(state, put, remove, this.clearFirst);
    this.stored = next;
    this.clearFirst = false;
    return { chunksWritten: put.size, chunksDeleted: remove.length, recordsWritten, prepareMs: prepared - started, totalMs: this.now() - started };
  }

  /** Forgets the loaded save (it could not be used): the next save replaces it whole. */
  discard(): void {
    this.stored.clear();
    this.clearFirst = true;
  }

  /** Deletes the save; the next save writes everything. */
  async clear(): Promise<void> {
    await this.storage.clear();
    this.stored.clear();
    this.clearFirst = false;
  }
}

/** Timers the scheduler runs on: the platform's, or fake ones in tests. */
export interface SaveTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const platformSaveTimers: SaveTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Runs `task` after changes: once things are quiet for `quietMs`, and at least every `maxWaitMs`
 * while changes keep coming; never two at once (changes during a run schedule the next one).
 */
export class SaveScheduler {
  private timer: unknown;
  private dirtySince?: number;
  private running?: Promise<void>;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly timers: SaveTimers = platformSaveTimers,
    readonly quietMs = 300,
    readonly maxWaitMs = 1000,
  ) {}

  get pending(): boolean {
    return this.dirtySince !== undefined || this.running !== undefined;
  }

  /** Something changed. */
  poke(): void {
    this.dirtySince ??= this.timers.now();
    if (!this.running) this.arm();
  }

  private arm(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.quietMs, this.dirtySince! + this.maxWaitMs - this.timers.now()));
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  private run(): Promise<void> {
    this.dirtySince = undefined;
    const run = this.task()
      .catch(() => {})
      .finally(() => {
        this.running = undefined;
        if (this.dirtySince !== undefined) this.arm();
      });
    this.running = run;
    return run;
  }

  /** Runs now if anything is waiting; resolves when everything so far is saved. */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    if (this.dirtySince === undefined) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    await this.run();
  }

  /** Forgets waiting changes (after a reset, say). */
  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.dirtySince = undefined;
  }
}
