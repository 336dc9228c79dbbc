import { openDB, type IDBPDatabase } from 'idb';
import { EMULATOR_SNAPSHOT_VERSION, type Emulator, type EmulatorSnapshot, type EmulatorSnapshotV1, type ModuleCollection, type RestorableSnapshot } from '../engine/emulator';
import { readFormat1, type StoredStateV1 } from './persistenceV1';

/**
 * Saving the emulator between page loads (IndexedDB) and server restarts (`--data-dir`). Bulk data
 * (Kinesis records, Firehose buffers, S3 objects) is most of the state and only ever grows at the
 * tail and shrinks at the head, so every module's bulk collections are stored apart from the rest.
 * A save writes each new item once: the new items of every collection together in one value, a
 * batch (one value per save, however many shards: a value costs the browser far more than its bytes).
 * A batch is deleted once none of its items is live. Items also live in chunks, values of a fixed
 * range of positions of one collection: a backlog of a chunk or more (the first save, an import) is
 * written as chunks, and so is a collection whose batched items pin old batches that are mostly dead
 * (another collection's items, trimmed or deleted since) or too many batches, a little per save.
 * Everything else (each module's durable state, the clock) is small and written whole. One commit
 * per save, so a reload sees one save or the one before, never half of one. Nothing here knows a
 * service: the modules say what their collections are (see `src/engine/module.ts`).
 */

/**
 * The layout of what is stored here; bumped when it changes (the engine's snapshot has its own
 * version). Format 5 writes new items in batches, one value per save. Format 4 (per collection: chunks
 * and fragments of a chunk, in the module's binary form), 3 (the same as plain data), 2 (whole chunks
 * only) and 1 (before service modules: chunks keyed by Kinesis shard) are still read; the next save
 * rewrites such a save whole in format 5, in one commit.
 */
export const PERSISTENCE_FORMAT = 5;
/** Positions (sequence counters, for records) per stored chunk. */
export const CHUNK_RECORDS = 1000;
/** Batches kept at most: past it, the collections holding items in the oldest are written as chunks. */
export const MAX_BATCHES = 256;

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
  /** Chunk numbers stored for this collection: a chunk holds the chunk's items saved before `batchFrom`. */
  chunks: number[];
  /**
   * Format 5: the collection's items in batches numbered `batchFrom` or later are live (unless below
   * `first`); its items in older batches were written as chunks since (or belong to a collection of
   * the same key that is gone).
   */
  batchFrom?: number;
  /**
   * Formats 3-4: start positions of fragments, items saved after their chunk (or an earlier fragment
   * of it) was written, stored under `<key>|<chunk>|<start>` until the chunk filled.
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
  /** Format 5: the batches stored, as [batch number, items it was written with]. */
  batches?: [number, number][];
  /** Format 5: the number the next batch gets. */
  nextBatch?: number;
}

/** A batch as stored: [collection key, first position, items, the items as their module wrote them] for each collection with new items. */
export type StoredBatch = [string, number, number, StoredChunk][];

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
/** Batches sort apart from every module's keys (module names are letters). */
const batchKey = (batch: number) => `~batch|${String(batch).padStart(12, '0')}`;

/** Items of one collection in one batch: positions from `start` up to the next part's start (the last part: up to `savedUpTo`). */
interface Part {
  batch: number;
  start: number;
  count: number;
}

/** A collection's batched items to load: [start, items as written], in position order. */
type LoadedParts = Map<string, (Part & { chunk: StoredChunk })[]>;

/** How many of the oldest parts hold only items below `first` (retention or the cap took them). */
const deadParts = (parts: { start: number }[], first: number, savedUpTo: number): number => {
  let drop = 0;
  while (drop < parts.length && (drop + 1 < parts.length ? parts[drop + 1].start : savedUpTo + 1) <= first) drop++;
  return drop;
};

const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Why nothing was restored, in words for the user. */
export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'restored'; snapshot: RestorableSnapshot | EmulatorSnapshotV1; clock?: StoredClock; savedAt: number; records: number }
  | { kind: 'ignored'; reason: string };

export interface SaveStats {
  /** Values written (the batch, chunks), and values deleted. */
  chunksWritten: number;
  chunksDeleted: number;
  /** Items that arrived since the last save, written once each. */
  recordsWritten: number;
  /** Items stored before and written again, as chunks, so that old batches can go. */
  recordsCompacted: number;
  /** Time spent on this thread preparing the save, and until the storage confirmed it (ms). */
  prepareMs: number;
  totalMs: number;
}

/** Turns an emulator into saves and a save back into a snapshot. Remembers what it stored, so each save writes only what changed. */
export class Persister {
  private stored = new Map<string, StoredCollection>();
  /** Each collection's live items in batches, oldest first. */
  private parts = new Map<string, Part[]>();
  /** For each batch with live items: how many collections hold items in it. */
  private refs = new Map<number, number>();
  /** Live items in batches. */
  private liveItems = 0;
  /** The batches stored, and how many items each was written with. */
  private batches = new Map<number, number>();
  private nextBatch = 0;
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
      this.forget();
      return { kind: 'ignored', reason: e instanceof Error ? e.message : String(e) };
    }
  }

  /** The next save writes everything anew, replacing whatever is stored, in one commit. */
  private forget(): void {
    this.stored.clear();
    this.parts.clear();
    this.refs.clear();
    this.liveItems = 0;
    this.batches.clear();
    this.clearFirst = true;
  }

  private assemble(state: unknown, chunks: StoredChunks): LoadResult {
    const s = state as Partial<StoredState>;
    if (s.format === 1) {
      if ((s.snapshot as { version?: unknown } | undefined)?.version !== 1) throw new Error(`it holds emulator state version ${JSON.stringify(s.snapshot?.version) ?? 'unknown'}, this console reads version 1 in that format`);
      // Format 1 (chunks keyed by Kinesis shard): read once; the next save rewrites everything in this format (one transaction).
      const { snapshot, records } = readFormat1(s as unknown as StoredStateV1, chunks);
      this.forget();
      return { kind: 'restored', snapshot, clock: s.clock, savedAt: Number(s.savedAt), records };
    }
    // Format 3 is format 4 with chunks as plain data (the modules read both); format 2 is format 3 without fragments.
    if (s.format !== PERSISTENCE_FORMAT && s.format !== 4 && s.format !== 3 && s.format !== 2)
      throw new Error(`it was saved in storage format ${JSON.stringify(s.format) ?? 'unknown'}, this console reads format ${PERSISTENCE_FORMAT}`);
    if (s.snapshot?.version !== EMULATOR_SNAPSHOT_VERSION)
      throw new Error(`it holds emulator state version ${JSON.stringify(s.snapshot?.version) ?? 'unknown'}, this console reads version ${EMULATOR_SNAPSHOT_VERSION}`);
    if (!Array.isArray(s.collections) || typeof s.snapshot.services !== 'object') throw new Error('it is incomplete');
    const current = s.format === PERSISTENCE_FORMAT;
    const batched: LoadedParts = current ? this.readBatches(s, chunks) : new Map();
    const C = this.chunkRecords;
    const bulk: RestorableSnapshot['bulk'] = {};
    const parts = new Map<string, Part[]>();
    let records = 0;
    for (const c of s.collections) {
      const whole = new Set(c.chunks);
      const fragments = new Map<number, number[]>();
      for (const f of c.fragments ?? []) fragments.set(Math.floor(f / C), [...(fragments.get(Math.floor(f / C)) ?? []), f]);
      // In position order: each chunk, then its fragments (formats 3-4), then the items in batches (format 5).
      const keys: string[] = [];
      const take = (key: string) => {
        if (!chunks.has(key)) throw new Error(`a chunk of ${c.module} data is missing`);
        keys.push(key);
      };
      for (const n of [...new Set([...whole, ...fragments.keys()])].sort((a, b) => a - b)) {
        if (whole.has(n)) take(chunkKey(c.key, n));
        for (const f of (fragments.get(n) ?? []).sort((a, b) => a - b)) take(fragmentKey(c.key, n, f));
      }
      const loaded = batched.get(c.key) ?? [];
      const inBatches = loaded.slice(deadParts(loaded, c.first, c.savedUpTo));
      parts.set(
        c.key,
        inBatches.map(({ batch, start, count }) => ({ batch, start, count })),
      );
      // Chunks are taken from storage one at a time as the module loads them (a storage may read them on demand).
      const lazily: Iterable<StoredChunk> = {
        *[Symbol.iterator]() {
          for (const k of keys) yield chunks.get(k);
          for (const p of inBatches) yield p.chunk;
        },
      };
      (bulk[c.module] ??= {})[c.key.slice(c.module.length + 1)] = { first: c.first, chunks: lazily, count: c.count };
      records += c.count;
    }
    if (current) {
      this.stored = new Map(s.collections.map((c) => [c.key, { ...c, chunks: [...c.chunks] }]));
      this.parts = parts;
      this.refs.clear();
      this.liveItems = 0;
      for (const list of parts.values()) {
        for (const p of list) {
          this.refs.set(p.batch, (this.refs.get(p.batch) ?? 0) + 1);
          this.liveItems += p.count;
        }
      }
      this.batches = new Map(s.batches);
      this.nextBatch = s.nextBatch ?? 0;
      this.clearFirst = false;
    } else {
      // An older format: the next save rewrites everything in this one (one commit), so no save mixes them.
      this.forget();
    }
    return { kind: 'restored', snapshot: { ...s.snapshot, bulk }, clock: s.clock, savedAt: Number(s.savedAt), records };
  }

  /**
   * Every batch of a format-5 save, read once, as each collection's live parts in position order.
   * Items in a byte form are copied: a storage may hand them back as views of a buffer it reuses for
   * the next value (the data directory does), and they are held until the modules load them.
   */
  private readBatches(s: Partial<StoredState>, chunks: StoredChunks): LoadedParts {
    if (!Array.isArray(s.batches) || !isNumber(s.nextBatch) || !s.batches.every((b) => Array.isArray(b) && isNumber(b[0]) && isNumber(b[1]))) throw new Error('it is incomplete');
    const from = new Map(s.collections!.map((c) => [c.key, c.batchFrom ?? 0]));
    const out: LoadedParts = new Map();
    for (const [batch] of [...s.batches].sort((a, b) => a[0] - b[0])) {
      const value = chunks.get(batchKey(batch));
      if (!Array.isArray(value)) throw new Error('a batch of saved data is missing');
      for (const entry of value as StoredBatch) {
        const [key, start, count, chunk] = entry;
        const since = from.get(key);
        // Items of a collection that is gone, or that were written as chunks after this batch.
        if (since === undefined || batch < since) continue;
        let list = out.get(key);
        if (!list) out.set(key, (list = []));
        list.push({ batch, start, count, chunk: ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice() : chunk });
      }
    }
    return out;
  }

  /** Writes what changed since the last save (or everything, the first time). */
  async save(emulator: Emulator, clock?: StoredClock): Promise<SaveStats> {
    const started = this.now();
    const { snapshot, collections } = emulator.snapshotWithoutBulk();
    const C = this.chunkRecords;
    const chunkOf = (position: number) => Math.floor(position / C);
    const batchNo = this.nextBatch;
    const put = new Map<string, StoredChunk>();
    const remove: string[] = [];
    const batch: StoredBatch = [];
    let recordsWritten = 0;
    let recordsCompacted = 0;
    // The batches' bookkeeping as it will be after this save (kept only once the save has committed).
    const refs = new Map(this.refs);
    let liveItems = this.liveItems;
    const release = (p: Part) => {
      const left = refs.get(p.batch)! - 1;
      if (left > 0) refs.set(p.batch, left);
      else refs.delete(p.batch);
      liveItems -= p.count;
    };

    // What each collection holds now: chunks and batched items that retention or the cap emptied go.
    const replaced: string[] = [];
    const work = collections.map((mc) => {
      const key = collectionKey(mc);
      const range = mc.collection.range();
      let prev = this.stored.get(key);
      // Positions that went back: another collection under the same key (a delivery stream deleted and
      // made again before a save could note it gone). What the old one stored goes (below, as for a gone one).
      if (prev && range && (range.last < prev.savedUpTo || (prev.first !== Number.MAX_SAFE_INTEGER && range.first < prev.first))) {
        replaced.push(key);
        prev = undefined;
      }
      const savedUpTo = prev?.savedUpTo ?? -1;
      const firstChunk = range ? chunkOf(range.first) : Infinity;
      const chunks = new Set(prev?.chunks ?? []);
      for (const c of chunks) {
        if (c < firstChunk) {
          remove.push(chunkKey(key, c));
          chunks.delete(c);
        }
      }
      // Its parts from `drop` on are live (`parts` changes only once the save has committed).
      const parts = (prev && this.parts.get(key)) || [];
      const drop = range ? deadParts(parts, range.first, savedUpTo) : parts.length;
      for (let i = 0; i < drop; i++) release(parts[i]);
      // New items: positions from `from` to range.last (each module numbers its items without gaps).
      const from = range ? Math.max(savedUpTo + 1, range.first) : Infinity;
      const fresh = range && range.last >= from ? range.last - from + 1 : 0;
      const asChunks = parts.length === drop && fresh >= C;
      return { mc, key, range, prev, savedUpTo, chunks, parts, drop, from, fresh, asChunks, added: undefined as Part | undefined };
    });
    const present = new Set(work.map((w) => w.key));
    for (const key of replaced) present.delete(key);
    // Collections that are gone (a deleted stream's shards) or replaced: their chunks go, and their batched items with the batches.
    for (const [key, c] of this.stored) {
      if (present.has(key)) continue;
      for (const n of c.chunks) remove.push(chunkKey(key, n));
    }
    for (const [key, parts] of this.parts) if (!present.has(key)) for (const p of parts) release(p);

    // Old batches go once nothing live is in them. When too many are kept, or they hold mostly items
    // that are gone (trimmed, or a deleted collection's), the collections still holding items in the
    // oldest are written as chunks instead, within a budget per save so that no save costs much more
    // than its new items alone.
    let batchItems = 0;
    for (const b of refs.keys()) batchItems += this.batches.get(b) ?? 0;
    let budget = Math.max(4 * C, work.reduce((n, w) => n + w.fresh, 0));
    while (budget > 0 && refs.size > 0 && (refs.size >= MAX_BATCHES || batchItems - liveItems > Math.max(liveItems, 4 * C))) {
      const oldest = Math.min(...refs.keys());
      for (const w of work) {
        if (budget <= 0) break;
        if (w.asChunks || w.parts[w.drop]?.batch !== oldest) continue;
        w.asChunks = true;
        for (let i = w.drop; i < w.parts.length; i++) {
          const p = w.parts[i];
          release(p);
          if (!refs.has(p.batch)) batchItems -= this.batches.get(p.batch) ?? 0;
          budget -= p.count;
        }
        budget -= w.fresh;
      }
    }

    const next = new Map<string, StoredCollection>();
    for (const w of work) {
      const { mc, key, range } = w;
      let batchFrom = w.prev?.batchFrom ?? batchNo;
      if (range && w.asChunks) {
        // Its batched and new items as chunks, each chunk whole (live items only).
        const lo = chunkOf(Math.max(range.first, w.drop < w.parts.length ? w.parts[w.drop].start : w.from));
        for (let c = lo; c <= chunkOf(range.last); c++) {
          const { chunk, count } = mc.collection.read(c * C, (c + 1) * C, 'binary');
          // New items in this chunk, from positions (dense in every module, as `fresh` above): no second read.
          const fresh = Math.max(0, Math.min((c + 1) * C, range.last + 1) - Math.max(w.from, c * C));
          recordsWritten += fresh;
          recordsCompacted += count - fresh;
          if (count > 0) {
            put.set(chunkKey(key, c), chunk);
            w.chunks.add(c);
          } else if (w.chunks.delete(c)) {
            remove.push(chunkKey(key, c));
          }
        }
        batchFrom = batchNo + 1;
      } else if (range && w.fresh > 0) {
        const { chunk, count } = mc.collection.read(w.from, range.last + 1, 'binary');
        if (count > 0) {
          batch.push([key, w.from, count, chunk]);
          w.added = { batch: batchNo, start: w.from, count };
          refs.set(batchNo, (refs.get(batchNo) ?? 0) + 1);
          liveItems += count;
          recordsWritten += count;
        }
      }
      next.set(key, {
        module: mc.module,
        key,
        first: range ? range.first : Number.MAX_SAFE_INTEGER,
        chunks: [...w.chunks],
        batchFrom,
        savedUpTo: Math.max(w.savedUpTo, range?.last ?? -1),
        count: range?.count ?? 0,
      });
    }
    const batches = new Map<number, number>();
    for (const [b, items] of this.batches) {
      if (refs.has(b)) batches.set(b, items);
      else remove.push(batchKey(b));
    }
    if (batch.length > 0) {
      put.set(batchKey(batchNo), batch);
      batches.set(batchNo, batch.reduce((n, e) => n + e[2], 0));
    }
    const nextBatch = batchNo + 1;
    const state: StoredState = {
      format: PERSISTENCE_FORMAT,
      savedAt: this.now(),
      clock,
      snapshot,
      collections: [...next.values()],
      batches: [...batches],
      nextBatch,
    };
    const prepared = this.now();
    // A replaced collection's new chunk may reuse a key the old one's is deleted under: the new one stays.
    const deleted = remove.filter((k) => !put.has(k));
    await this.storage.commit(state, put, deleted, this.clearFirst);
    const parts = new Map<string, Part[]>();
    for (const w of work) {
      const list = w.asChunks ? [] : w.parts;
      if (!w.asChunks && w.drop > 0) list.splice(0, w.drop);
      if (w.added) list.push(w.added);
      parts.set(w.key, list);
    }
    this.stored = next;
    this.parts = parts;
    this.refs = refs;
    this.liveItems = liveItems;
    this.batches = batches;
    this.nextBatch = nextBatch;
    this.clearFirst = false;
    return { chunksWritten: put.size, chunksDeleted: deleted.length, recordsWritten, recordsCompacted, prepareMs: prepared - started, totalMs: this.now() - started };
  }

  /** Forgets the loaded save (it could not be used): the next save replaces it whole. */
  discard(): void {
    this.forget();
  }

  /** Deletes the save; the next save writes everything (and, if the delete failed, first drops whatever is stored). */
  async clear(): Promise<void> {
    this.forget();
    await this.storage.clear();
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
