import { openDB, type IDBPDatabase } from 'idb';
import { EMULATOR_SNAPSHOT_VERSION, type Emulator, type EmulatorSnapshot, type EmulatorSnapshotV1, type ModuleCollection, type RestorableSnapshot } from '../engine/emulator';
import { readFormat1, type StoredStateV1 } from './persistenceV1';

/**
 * Saving the emulator between page loads (IndexedDB) and server restarts (`--data-dir`). Bulk data
 * (Kinesis records today; Firehose buffers and S3 objects later) is most of the state and only ever
 * grows at the tail and shrinks at the head, so every module's bulk collections are stored apart,
 * in chunks of a fixed range of positions per collection. A save writes only the items that arrived
 * since the last one: as a fragment of the chunk they belong to, or as the chunk itself when nothing
 * of it was stored yet. When a chunk has filled (a later position exists), its fragments are merged
 * into the chunk once. Chunks that retention or the cap emptied are deleted. Everything else (each
 * module's durable state, the clock) is small and written whole. One commit per save, so a reload
 * sees one save or the one before, never half of one. Nothing here knows a service: the modules say
 * what their collections are (see `src/engine/module.ts`).
 */

/**
 * The layout of what is stored here; bumped when it changes (the engine's snapshot has its own
 * version). Format 4 stores chunks in their module's binary form where it has one (Kinesis records:
 * `src/engine/kinesis/store/recordChunk.ts`). Formats 3 (chunks as plain data) and 2 (whole chunks
 * only, no fragments) and 1 (before service modules: chunks keyed by Kinesis shard) are still read;
 * the next save rewrites such a save whole in format 4, in one commit.
 */
export const PERSISTENCE_FORMAT = 4;
/** Positions (sequence counters, for records) per stored chunk. */
export const CHUNK_RECORDS = 1000;

/** A chunk as its module wrote it (plain data, or the module's binary form). */
export type StoredChunk = unknown;

/**
 * The stored chunks by key, as a storage hands them back: a Map, or (the data directory) a reader
 * that reads each chunk on demand into one reused buffer. So a chunk got is valid only until the
 * next get(), and the whole is valid only until the next commit.
 */
export interface StoredChunks {
  readonly size: number;
  has(key: string): boolean;
  get(key: string): StoredChunk | undefined;
  keys(): Iterable<string>;
}

export interface StoredCollection {
  /** The module that owns the collection. */
  module: string;
  /** `module|collection key`: chunk keys start with it. */
  key: string;
  /** Items at lower positions were trimmed (retention, the cap) after their chunk was written. */
  first: number;
  /** Chunk numbers stored for this collection (a chunk key holds the chunk's items up to its first fragment, or all of them). */
  chunks: number[];
  /**
   * Start positions of fragments: items saved after their chunk (or an earlier fragment of it) was
   * written, stored under `<key>|<chunk>|<start>` until the chunk fills. Absent in format 2.
   */
  fragments?: number[];
  /** The highest position stored (-1: none yet). */
  savedUpTo: number;
  /** Live items at the save. */
  count: number;
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
  /** The emulator's snapshot without bulk data (it is in the chunks). */
  snapshot: EmulatorSnapshot;
  collections: StoredCollection[];
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
  load(): Promise<{ state: unknown; chunks: StoredChunks }>;
  /** Atomically: (optionally drop every chunk), write `state`, put and delete chunks. */
  commit(state: StoredState, put: Map<string, StoredChunk>, remove: string[], clearChunks: boolean): Promise<void>;
  /** Deletes the saved state and every chunk (settings stay). */
  clear(): Promise<void>;
  loadSettings(): Promise<StorageSettings | undefined>;
  saveSettings(settings: StorageSettings): Promise<void>;
}

/** Keeps saves in memory, copied the way IndexedDB copies them (structured clone). */
export class MemoryStorage implements PersistentStorage {
  readonly kind = 'memory';
  state: unknown;
  chunks = new Map<string, StoredChunk>();
  settings?: StorageSettings;
  commits = 0;
  async load() {
    return { state: structuredClone(this.state), chunks: structuredClone(this.chunks) };
  }
  async commit(state: StoredState, put: Map<string, StoredChunk>, remove: string[], clearChunks: boolean) {
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
      const chunks = new Map<string, StoredChunk>();
      for (let c = await tx.objectStore(CHUNKS).openCursor(); c; c = await c.continue()) chunks.set(String(c.key), c.value as StoredChunk);
      await tx.done;
      return { state, chunks };
    },
    async commit(state, put, remove, clearChunks) {
      // Relaxed: complete once the browser has handed the writes to the operating system (they survive
      // a reload, a crashed tab or browser, a closed lid), not after an fsync of its own; strict
      // flushing costs every group commit a disk sync (IndexedDB 3.0, IDBTransaction durability).
      const tx = (await open()).transaction([META, CHUNKS], 'readwrite', { durability: 'relaxed' });
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

const collectionKey = (c: ModuleCollection) => `${c.module}|${c.collection.key}`;
const chunkKey = (collection: string, chunk: number) => `${collection}|${String(chunk).padStart(10, '0')}`;
const fragmentKey = (collection: string, chunk: number, start: number) => `${chunkKey(collection, chunk)}|${String(start).padStart(16, '0')}`;

/** Why nothing was restored, in words for the user. */
export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'restored'; snapshot: RestorableSnapshot | EmulatorSnapshotV1; clock?: StoredClock; savedAt: number; records: number }
  | { kind: 'ignored'; reason: string };

export interface SaveStats {
  /** Chunks and fragments written, and chunks and fragments deleted. */
  chunksWritten: number;
  chunksDeleted: number;
  /** Items that arrived since the last save, written once each. */
  recordsWritten: number;
  /** Items stored before and written again to merge a filled chunk's fragments into it. */
  recordsCompacted: number;
  /** Time spent on this thread preparing the save, and until the storage confirmed it (ms). */
  prepareMs: number;
  totalMs: number;
}

/** Turns an emulator into saves and a save back into a snapshot. Remembers what it stored, so each save writes only what changed. */
export class Persister {
  private stored = new Map<string, StoredCollection>();
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

  private assemble(state: unknown, chunks: StoredChunks): LoadResult {
    const s = state as Partial<StoredState>;
    if (s.format === 1) {
      if ((s.snapshot as { version?: unknown } | undefined)?.version !== 1) throw new Error(`it holds emulator state version ${JSON.stringify(s.snapshot?.version) ?? 'unknown'}, this console reads version 1 in that format`);
      // Format 1 (chunks keyed by Kinesis shard): read once; the next save rewrites everything in this format (one transaction).
      const { snapshot, records } = readFormat1(s as unknown as StoredStateV1, chunks);
      this.stored.clear();
      this.clearFirst = true;
      return { kind: 'restored', snapshot, clock: s.clock, savedAt: Number(s.savedAt), records };
    }
    // Format 3 is format 4 with chunks as plain data (the modules read both); format 2 is format 3 without fragments.
    if (s.format !== PERSISTENCE_FORMAT && s.format !== 3 && s.format !== 2)
      throw new Error(`it was saved in storage format ${JSON.stringify(s.format) ?? 'unknown'}, this console reads format ${PERSISTENCE_FORMAT}`);
    if (s.snapshot?.version !== EMULATOR_SNAPSHOT_VERSION)
      throw new Error(`it holds emulator state version ${JSON.stringify(s.snapshot?.version) ?? 'unknown'}, this console reads version ${EMULATOR_SNAPSHOT_VERSION}`);
    if (!Array.isArray(s.collections) || typeof s.snapshot.services !== 'object') throw new Error('it is incomplete');
    const C = this.chunkRecords;
    const bulk: RestorableSnapshot['bulk'] = {};
    let records = 0;
    for (const c of s.collections) {
      const whole = new Set(c.chunks);
      const fragments = new Map<number, number[]>();
      for (const f of c.fragments ?? []) fragments.set(Math.floor(f / C), [...(fragments.get(Math.floor(f / C)) ?? []), f]);
      // In position order: each chunk, then its fragments (merged here; the save after the chunk fills merges them in storage).
      const keys: string[] = [];
      const take = (key: string) => {
        if (!chunks.has(key)) throw new Error(`a chunk of ${c.module} data is missing`);
        keys.push(key);
      };
      for (const n of [...new Set([...whole, ...fragments.keys()])].sort((a, b) => a - b)) {
        if (whole.has(n)) take(chunkKey(c.key, n));
        for (const f of (fragments.get(n) ?? []).sort((a, b) => a - b)) take(fragmentKey(c.key, n, f));
      }
      // Taken from storage one at a time as the module loads them (a storage may read them on demand).
      const lazily: Iterable<StoredChunk> = {
        *[Symbol.iterator]() {
          for (const k of keys) yield chunks.get(k);
        },
      };
      (bulk[c.module] ??= {})[c.key.slice(c.module.length + 1)] = { first: c.first, chunks: lazily, count: c.count };
      records += c.count;
    }
    if (s.format === PERSISTENCE_FORMAT) {
      this.stored = new Map(s.collections.map((c) => [c.key, { ...c, chunks: [...c.chunks], fragments: [...(c.fragments ?? [])] }]));
      this.clearFirst = false;
    } else {
      // An older format: the next save rewrites everything in this one (one commit), so no save mixes them.
      this.stored.clear();
      this.clearFirst = true;
    }
    return { kind: 'restored', snapshot: { ...s.snapshot, bulk }, clock: s.clock, savedAt: Number(s.savedAt), records };
  }

  /** Writes what changed since the last save (or everything, the first time). */
  async save(emulator: Emulator, clock?: StoredClock): Promise<SaveStats> {
    const started = this.now();
    const { snapshot, collections } = emulator.snapshotWithoutBulk();
    const C = this.chunkRecords;
    const chunkOf = (position: number) => Math.floor(position / C);
    const put = new Map<string, StoredChunk>();
    const remove: string[] = [];
    const next = new Map<string, StoredCollection>();
    let recordsWritten = 0;
    let recordsCompacted = 0;
    for (const mc of collections) {
      const key = collectionKey(mc);
      const range = mc.collection.range();
      const prev = this.stored.get(key);
      const firstChunk = range ? chunkOf(range.first) : Infinity;
      const chunks = new Set(prev?.chunks ?? []);
      let fragments = prev?.fragments ?? [];
      /** Deletes the fragments `drop` picks. */
      const dropFragments = (drop: (start: number) => boolean) => {
        for (const f of fragments) if (drop(f)) remove.push(fragmentKey(key, chunkOf(f), f));
        fragments = fragments.filter((f) => !drop(f));
      };
      for (const c of chunks) {
        if (c < firstChunk) {
          remove.push(chunkKey(key, c));
          chunks.delete(c);
        }
      }
      dropFragments((f) => chunkOf(f) < firstChunk);
      const savedUpTo = prev?.savedUpTo ?? -1;
      if (range && range.last > savedUpTo) {
        const from = Math.max(savedUpTo + 1, range.first);
        const lastChunk = chunkOf(range.last);
        // From the chunk that was filling at the last save (it may have filled since) to the newest.
        const lo = savedUpTo >= 0 ? Math.min(chunkOf(from), Math.max(firstChunk, chunkOf(savedUpTo))) : chunkOf(from);
        for (let c = lo; c <= lastChunk; c++) {
          const start = Math.max(from, c * C);
          const end = (c + 1) * C;
          const ownFragments = fragments.filter((f) => chunkOf(f) === c);
          if (!chunks.has(c) && ownFragments.length === 0) {
            // Nothing of this chunk is stored yet: its new items are the chunk.
            const { chunk, count } = mc.collection.read(start, end, 'binary');
            if (count === 0) continue;
            put.set(chunkKey(key, c), chunk);
            chunks.add(c);
            recordsWritten += count;
          } else if (c < lastChunk) {
            // The chunk has filled (a later position exists): what was stored and what is new become the chunk, once.
            if (start >= end && ownFragments.length === 0) continue;
            const { chunk, count } = mc.collection.read(c * C, end, 'binary');
            const fresh = start < end ? mc.collection.read(start, end, 'binary').count : 0;
            dropFragments((f) => chunkOf(f) === c);
            recordsWritten += fresh;
            recordsCompacted += count - fresh;
            if (count > 0) {
              put.set(chunkKey(key, c), chunk);
              chunks.add(c);
            } else if (chunks.delete(c)) {
              remove.push(chunkKey(key, c));
            }
          } else {
            // The newest chunk, still filling: only the new items, as a fragment of it.
            const { chunk, count } = mc.collection.read(start, end, 'binary');
            if (count === 0) continue;
            put.set(fragmentKey(key, c, start), chunk);
            fragments = [...fragments, start];
            recordsWritten += count;
          }
        }
      }
      next.set(key, {
        module: mc.module,
        key,
        first: range ? range.first : Number.MAX_SAFE_INTEGER,
        chunks: [...chunks],
        fragments,
        savedUpTo: Math.max(savedUpTo, range?.last ?? -1),
        count: range?.count ?? 0,
      });
    }
    // Collections that are gone (a deleted stream's shards).
    for (const [key, c] of this.stored) {
      if (next.has(key)) continue;
      for (const n of c.chunks) remove.push(chunkKey(key, n));
      for (const f of c.fragments ?? []) remove.push(fragmentKey(key, chunkOf(f), f));
    }
    const state: StoredState = { format: PERSISTENCE_FORMAT, savedAt: this.now(), clock, snapshot, collections: [...next.values()] };
    const prepared = this.now();
    await this.storage.commit(state, put, remove, this.clearFirst);
    this.stored = next;
    this.clearFirst = false;
    return { chunksWritten: put.size, chunksDeleted: remove.length, recordsWritten, recordsCompacted, prepareMs: prepared - started, totalMs: this.now() - started };
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
