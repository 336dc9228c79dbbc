import type { EngineContext } from './protocol/context';
import type { HttpRequestLike } from './protocol/http';
import type { Service } from './protocol/service';

/**
 * A service module: everything the emulator, the saver, the storage cap, the scheduler and the
 * worker host need from one emulated service. A service implements it once (a folder under
 * src/engine/) and is registered with one line in `modules.ts`.
 */

/** A module's saved state: plain JSON data with its own version, so each service migrates its own. */
export interface VersionedState {
  version: number;
}

/** A snapshot the emulator cannot read: written by another version of the console, or not a snapshot. */
export class SnapshotVersionError extends Error {
  constructor(readonly found: unknown) {
    super(`unsupported emulator snapshot version ${JSON.stringify(found) ?? 'undefined'}`);
    this.name = 'SnapshotVersionError';
  }
}

/** Whether an operation only reads (nothing durable changes, so nothing needs saving) or may write. */
export type OperationKind = 'read' | 'write';

/** How a bulk collection hands out its items: plain JSON data, or its compact binary form. */
export type BulkForm = 'plain' | 'binary';

/**
 * One append-only collection of bulky items (a shard's records; later a Firehose buffer, an S3
 * bucket's objects). Every item has a position that only grows; items go only from the oldest end.
 * The saver stores collections in chunks of positions and rewrites only the chunks that changed.
 */
export interface BulkCollection {
  /** Unique within the module, and the same after a restore. */
  readonly key: string;
  /** Positions of the oldest and newest live item and how many items are live; undefined when the collection is empty. */
  range(): { first: number; last: number; count: number } | undefined;
  /**
   * A copy of the live items with positions in [from, to), and how many they are: as plain JSON
   * data (what a workshop file holds), or with `'binary'` in the module's compact byte form where it
   * has one (what saves hold). {@link BulkData.load} reads both.
   */
  read(from: number, to: number, form?: BulkForm): { chunk: unknown; count: number };
}

/** A module's bulky data, kept out of {@link ServiceModule.snapshot} so it can be saved incrementally. */
export interface BulkData {
  /** The collections held now (retention applied). */
  collections(): BulkCollection[];
  /**
   * After restore(): fills collection `key` from chunks written by {@link BulkCollection.read} (in
   * either form), in position order, leaving out items below `first`. Returns how many items it
   * loaded. Throws on a chunk it cannot read; a key that names nothing restored is ignored (returns
   * 0). The chunks may be read from storage on demand into one reused buffer: a chunk is valid only
   * until the next one is taken, so copy what you keep. `count`, where the saver knows it, is how
   * many items the chunks hold (a hint for sizing, never trusted for correctness).
   */
  load(key: string, chunks: Iterable<unknown>, first: number, count?: number): number;
}

/** What a module holds, counted for the storage cap: items and their bytes, plus counts to show (streams, shards). */
export interface StorageUsage {
  records: number;
  bytes: number;
  counts: Record<string, number>;
}

/** The module's items by arrival time, prepared once for one trim (see `recordCap.ts`). */
export interface CapView {
  /** Arrival time of the oldest live item, and just after the newest; undefined when there are none. */
  span: { from: number; to: number } | undefined;
  /** Bytes left if every item that arrived before `t` went (falls as `t` grows). */
  keptFrom(t: number): number;
  /** Drops every item that arrived before `t`. */
  trimBefore(t: number): { records: number; bytes: number };
}

/**
 * Bytes the cap counts but may never drop (records waiting to be delivered): they take their share of
 * the cap, and trimming acts on the other items alone.
 */
export const keptCapView = (bytes: number): CapView => ({
  span: undefined,
  keptFrom: () => bytes,
  trimBefore: () => ({ records: 0, bytes: 0 }),
});

export interface StorageAccounting {
  /** Live items, retention applied first. */
  usage(): StorageUsage;
  capView(): CapView;
}

export interface ServiceModule<Exports = unknown> {
  /** The module's name: its key in snapshots and saves, and what others look it up by. */
  readonly name: string;
  /** The protocol service the router sends requests to; none for a module with no AWS wire API (the transformation functions). */
  readonly service?: Service;
  /** A JSON service's operations, each read-only or writing. */
  readonly operations: Readonly<Record<string, OperationKind>>;
  /** A REST service's classification of a request (JSON services use `operations`). */
  isReadOnly?(req: HttpRequestLike): boolean;
  /** The narrow interface other modules use (never the module's store itself). */
  readonly exports: Exports;
  /** Durable state only (derived indexes and throttle windows are rebuilt on restore), bulk data left out. */
  snapshot(): VersionedState;
  /** Replaces the state with a snapshot of this or an older version; throws {@link SnapshotVersionError} on anything else. */
  restore(state: unknown): void;
  readonly bulk?: BulkData;
  readonly storage?: StorageAccounting;
  /** Does the work due by `now`; returns when it next needs to run (undefined: nothing scheduled). */
  advance?(now: number): number | undefined;
}

/** The exports of a module registered earlier in the list; throws when there is none of that name. */
export type ModuleLookup = <T>(name: string) => T;

export interface ModuleFactory {
  readonly name: string;
  create(ctx: EngineContext, lookup: ModuleLookup): ServiceModule;
}

/** Builds every module in list order, each able to look up the exports of those before it. */
export const buildModules = (factories: readonly ModuleFactory[], ctx: EngineContext): ServiceModule[] => {
  const built = new Map<string, ServiceModule>();
  const lookup: ModuleLookup = <T>(name: string): T => {
    const m = built.get(name);
    if (!m) throw new Error(`service module "${name}" is not registered before the module that needs it`);
    return m.exports as T;
  };
  for (const f of factories) {
    if (built.has(f.name)) throw new Error(`service module "${f.name}" is registered twice`);
    const m = f.create(ctx, lookup);
    if (m.name !== f.name) throw new Error(`service module factory "${f.name}" built a module named "${m.name}"`);
    built.set(f.name, m);
  }
  return [...built.values()];
};
