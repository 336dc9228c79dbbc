/**
 * The emulator server's saves on disk (`npm run emulator -- --data-dir DIR`): a
 * {@link PersistentStorage} whose `commit()` resolves only once the commit is on disk (fdatasync),
 * so a server killed at any moment keeps every change it acknowledged.
 *
 * DIR holds:
 * - `lock`: the process id of the server using DIR; a second server refuses to start.
 * - `log-<N>`: commits appended one after another, each one entry.
 * - `snapshot-<N>`: everything live when log N was started (there is none for the first log).
 * - `settings.json`: what the user chose about storage.
 *
 * Recovery reads the newest snapshot and then every log from its number on, in order. The end of
 * the newest log may be torn (the server died mid-write): the first entry that is cut short or fails
 * its checksum ends the log there, and the file is cut back to the last whole entry before anything
 * is appended. Anything else that fails its checksum is damage, reported, never silently skipped.
 *
 * Compaction: once the logs since the snapshot outgrow the live data (and a floor), a new log is
 * started at once and the live data as of that moment is written to the next snapshot in the
 * background (temporary file, fdatasync, rename, fsync of DIR); only then are the older files
 * deleted. A crash at any point leaves either the old snapshot and all logs, or the new one and the
 * logs from its number on: both read back to the same data.
 *
 * Every file starts with a header: magic, format version, kind, number, checksum. An entry is
 * `[u32 payload length][u32 CRC-32 of the payload][payload]`, the payload being
 * `[u8 flags][state][u32 puts]{key, value}[u32 removes]{key}`, where the state, keys and values are
 * `[u32 length][bytes]`: keys UTF-8, the state in V8's serialization (what structured clone, and so
 * IndexedDB, keep), a value `[u8 encoding][body]`: a Uint8Array (a binary chunk of records) as its
 * own bytes, anything else in V8's serialization. Format 1 had no encoding byte (V8 only).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { open, readdir, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { PersistentStorage, StorageSettings, StoredChunk, StoredChunks, StoredState } from '../src/worker/persistence';

/**
 * The layout of the files written here; bumped when it changes. Format 2: every value starts with
 * its encoding, and binary values (chunks of records in `src/engine/kinesis/store/recordChunk.ts`'s
 * form) are stored as they are. Format 1 files (values in V8's serialization only, chunks of records
 * as plain columns) are still read: the Persister rewrites such a save whole on its next save,
 * compaction rewrites the files, and a log of format 1 is never appended to.
 */
export const DATA_DIR_FORMAT = 2;

/** How a value's body is encoded (format 2 on). */
const VALUE_V8 = 0;
const VALUE_BYTES = 1;
/** A value as stored in format 2: binary data as is, anything else in V8's serialization (copied now either way). */
const encodeValue = (v: unknown): Buffer =>
  v instanceof Uint8Array ? Buffer.concat([Buffer.of(VALUE_BYTES), v]) : Buffer.concat([Buffer.of(VALUE_V8), serialize(v)]);
/** The body of a value of format 2 starts at this offset of the read buffer (8: typed-array views onto it are aligned). */
const BODY_AT = 8;

const MAGIC = Buffer.from('KWCDATA\n', 'latin1');
const HEADER_BYTES = 24;
const ENTRY_HEAD = 8;
const KIND = { log: 1, snapshot: 2 } as const;
type Kind = keyof typeof KIND;

const FLAG_CLEAR_CHUNKS = 1;
const FLAG_STATE = 2;
const FLAG_CLEAR_STATE = 4;

/** Snapshot entries are cut at about this size, so recovery never needs one buffer for all of it. */
const SNAPSHOT_ENTRY_BYTES = 8 * 1024 * 1024;
/** Logs since the snapshot are compacted once past this and past the live data. */
export const DEFAULT_COMPACT_MIN_BYTES = 64 * 1024 * 1024;

/** Why a data directory cannot be used: the message names the directory and says what to do. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

interface FileRef {
  kind: Kind;
  number: number;
  path: string;
  handle: FileHandle;
  /** Bytes of whole entries (the header included). */
  size: number;
  /** The format in its header. */
  version: number;
}

/** Where a stored value lies. */
interface Loc {
  file: FileRef;
  offset: number;
  length: number;
}

const fileName = (kind: Kind, n: number) => `${kind}-${String(n).padStart(10, '0')}`;

const header = (kind: Kind, n: number): Buffer => {
  const b = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(b, 0);
  b.writeUInt32LE(DATA_DIR_FORMAT, 8);
  b.writeUInt32LE(KIND[kind], 12);
  b.writeUInt32LE(n, 16);
  b.writeUInt32LE(crc32(b.subarray(0, 20)), 20);
  return b;
};

/** Directories held by this process: a second open in the same process is refused like another process's. */
const heldHere = new Set<string>();

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `DIR/lock` (created exclusively, holding this process's id). A lock left by a process that
 * no longer runs (killed) is taken over; one held by a running process is refused.
 */
const takeLock = (dir: string): string => {
  const path = join(dir, 'lock');
  const inUse = (pid: number | string) =>
    new DataDirError(
      `${dir} is in use by another emulator server (process ${pid}); two servers cannot share a data directory. ` +
        `Stop that server or pass another --data-dir. If no server runs, delete ${path}.`,
    );
  if (heldHere.has(dir)) throw inUse(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(dir);
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = '';
    try {
      owner = readFileSync(path, 'utf8').trim();
    } catch {
      continue; // gone meanwhile: try again
    }
    const pid = Number(owner);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw inUse(pid);
    // Left by a server that was killed: take it over.
    try {
      unlinkSync(path);
    } catch {
      // taken over by someone else meanwhile; the exclusive create decides
    }
  }
  throw inUse('unknown');
};

/** Writes every byte of `parts` at `position`, carrying on after short writes. */
const writeAll = async (handle: FileHandle, parts: Buffer[], position: number): Promise<void> => {
  let pos = position;
  let rest = parts.filter((p) => p.length > 0);
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest, pos);
    pos += bytesWritten;
    while (rest.length > 0 && bytesWritten >= rest[0].length) {
      bytesWritten -= rest[0].length;
      rest = rest.slice(1);
    }
    if (bytesWritten > 0) rest = [rest[0].subarray(bytesWritten), ...rest.slice(1)];
  }
};

const syncDir = async (dir: string) => {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
};

const u32 = (n: number) => {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(n, 0);
  return b;
};

/** One entry as buffers to write, and where each put's value starts in its payload. */
const encodeEntry = (flags: number, state: Buffer | undefined, puts: Array<[string, Buffer]>, removes: readonly string[]) => {
  const parts: Buffer[] = [Buffer.alloc(ENTRY_HEAD), Buffer.from([flags])];
  let at = 1;
  const add = (b: Buffer) => {
    parts.push(b);
    at += b.length;
  };
  if (state) {
    add(u32(state.length));
    add(state);
  }
  add(u32(puts.length));
  const valueAt: number[] = [];
  for (const [k, v] of puts) {
    const key = Buffer.from(k, 'utf8');
    add(u32(key.length));
    add(key);
    add(u32(v.length));
    valueAt.push(at);
    add(v);
  }
  add(u32(removes.length));
  for (const k of removes) {
    const key = Buffer.from(k, 'utf8');
    add(u32(key.length));
    add(key);
  }
  let crc = 0;
  for (const p of parts.slice(1)) crc = crc32(p, crc);
  parts[0].writeUInt32LE(at, 0);
  parts[0].writeUInt32LE(crc, 4);
  return { parts, bytes: ENTRY_HEAD + at, valueAt, stateAt: state ? 5 : -1 };
};

interface DecodedEntry {
  flags: number;
  /** Offsets within the payload. */
  state?: { at: number; length: number };
  puts: Array<{ key: string; at: number; length: number }>;
  removes: string[];
}

const decodePayload = (p: Buffer): DecodedEntry => {
  let at = 0;
  const need = (n: number) => {
    if (at + n > p.length) throw new Error('entry ends early');
  };
  const readU32 = () => {
    need(4);
    const v = p.readUInt32LE(at);
    at += 4;
    return v;
  };
  const readBytes = () => {
    const length = readU32();
    need(length);
    const start = at;
    at += length;
    return { at: start, length };
  };
  const readKey = () => {
    const { at: s, length } = readBytes();
    return p.toString('utf8', s, s + length);
  };
  need(1);
  const flags = p[at++];
  const state = flags & FLAG_STATE ? readBytes() : undefined;
  const puts: DecodedEntry['puts'] = [];
  for (let n = readU32(); n > 0; n--) {
    const key = readKey();
    puts.push({ key, ...readBytes() });
  }
  const removes: string[] = [];
  for (let n = readU32(); n > 0; n--) removes.push(readKey());
  if (at !== p.length) throw new Error('entry has trailing bytes');
  return { flags, state, puts, removes };
};

/**
 * A buffer reused for reading: recovery checks every entry in it and keeps none, so it neither holds
 * what it read nor makes the kernel hand out fresh pages for bytes that are no longer live.
 */
let scratch = Buffer.allocUnsafe(1024 * 1024);
/** Reads `length` bytes of `fd` from `position` into the start of `into`. */
const readInto = (fd: number, into: Uint8Array, length: number, position: number): void => {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, into, got, length - got, position + got);
    if (n === 0) throw new Error(`the file ends at byte ${position + got}`);
    got += n;
  }
};
/** `length` bytes of `fd` from `position`, in the scratch buffer (valid until the next call). */
const readAt = (fd: number, length: number, position: number): Buffer => {
  if (scratch.length < length) scratch = Buffer.allocUnsafe(Math.max(length, scratch.length * 2));
  readInto(fd, scratch, length, position);
  return scratch.subarray(0, length);
};

/** Reads a file of entries: `onEntry` gets each whole one; returns where the whole entries end and why reading stopped early. */
const scanFile = (fd: number, fileSize: number, onEntry: (payload: Buffer, payloadOffset: number) => void): { end: number; damage?: string } => {
  let pos = HEADER_BYTES;
  const head = Buffer.alloc(ENTRY_HEAD);
  while (pos < fileSize) {
    if (pos + ENTRY_HEAD > fileSize) return { end: pos, damage: `an entry cut short at byte ${pos}` };
    readSync(fd, head, 0, ENTRY_HEAD, pos);
    const length = head.readUInt32LE(0);
    if (pos + ENTRY_HEAD + length > fileSize) return { end: pos, damage: `an entry cut short at byte ${pos}` };
    const payload = readAt(fd, length, pos + ENTRY_HEAD);
    if (crc32(payload) !== head.readUInt32LE(4)) return { end: pos, damage: `an entry that fails its checksum at byte ${pos}` };
    try {
      onEntry(payload, pos + ENTRY_HEAD);
    } catch (e) {
      return { end: pos, damage: `an entry that cannot be read at byte ${pos} (${e instanceof Error ? e.message : String(e)})` };
    }
    pos += ENTRY_HEAD + length;
  }
  return { end: pos };
};

export interface FileStorageOptions {
  /** Logs since the snapshot are compacted past this many bytes (and past the live data). Default {@link DEFAULT_COMPACT_MIN_BYTES}. */
  compactMinBytes?: number;
  /** Where compaction failures are reported (the server keeps running on its logs). Default: stderr. */
  log?: (line: string) => void;
}

/** What recovery found, for the server's start-up line. */
export interface RecoveryInfo {
  /** Files read and their bytes. */
  files: number;
  bytes: number;
  /** The newest log ended in a torn or damaged entry that was dropped. */
  droppedTail?: string;
}

/** Append-only, checksummed, fsync'd storage in one directory. Open with {@link FileStorage.open}. */
export class FileStorage implements PersistentStorage {
  readonly kind = 'disk';
  private index = new Map<string, Loc>();
  private stateLoc?: Loc;
  /** Bytes of live data (values, keys and the state): what a snapshot would hold. */
  private live = 0;
  private current!: FileRef;
  /** Every file recovery still depends on: the snapshot in use and the logs from its number on. */
  private files: FileRef[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private compacting?: Promise<void>;
  private broken?: Error;
  private closed = false;
  readonly recovery: RecoveryInfo = { files: 0, bytes: 0 };
  private readonly compactMinBytes: number;
  private readonly log: (line: string) => void;

  private constructor(
    readonly dir: string,
    private readonly lockPath: string,
    options: FileStorageOptions,
  ) {
    this.compactMinBytes = options.compactMinBytes ?? DEFAULT_COMPACT_MIN_BYTES;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /**
   * Creates `dir` if missing, takes its lock and reads what it holds. Throws {@link DataDirError}
   * when another server holds it, it was written by a newer version, or it is damaged.
   */
  static async open(dir: string, options: FileStorageOptions = {}): Promise<FileStorage> {
    const abs = resolve(dir);
    try {
      mkdirSync(abs, { recursive: true });
    } catch (e) {
      throw new DataDirError(`${abs} cannot be used as a data directory: ${(e as Error).message}`);
    }
    const lockPath = takeLock(abs);
    const storage = new FileStorage(abs, lockPath, options);
    try {
      await storage.recover();
    } catch (e) {
      for (const f of storage.files) await f.handle.close().catch(() => {});
      await storage.release();
      throw e;
    }
    return storage;
  }

  private async recover(): Promise<void> {
    const names = await readdir(this.dir);
    for (const n of names) if (n.endsWith('.tmp')) await rm(join(this.dir, n), { force: true });
    const numbered = (kind: Kind) =>
      names
        .map((n) => new RegExp(`^${kind}-(\\d{10})$`).exec(n))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]))
        .sort((a, b) => a - b);
    const snapshots = numbered('snapshot');
    const base = snapshots.at(-1);
    const logs = numbered('log').filter((n) => base === undefined || n >= base);
    for (let i = 1; i < logs.length; i++)
      if (logs[i] !== logs[i - 1] + 1) throw new DataDirError(`${this.dir} is damaged: ${fileName('log', logs[i - 1] + 1)} is missing`);
    if (logs.length > 0 && logs[0] !== (base ?? 0))
      throw new DataDirError(`${this.dir} is damaged: ${base === undefined ? fileName('snapshot', logs[0]) : fileName('log', base)} is missing`);
    // Left by a compaction that finished writing its snapshot but not deleting what it replaced.
    for (const kind of ['log', 'snapshot'] as const)
      for (const n of numbered(kind)) if (base !== undefined && n < base) await rm(join(this.dir, fileName(kind, n)), { force: true });

    const read = async (kind: Kind, n: number, last: boolean) => {
      const path = join(this.dir, fileName(kind, n));
      const handle = await open(path, 'r+');
      const file: FileRef = { kind, number: n, path, handle, size: 0, version: DATA_DIR_FORMAT };
      this.files.push(file);
      const { size } = await handle.stat();
      file.version = this.checkHeader(path, handle.fd, size, kind);
      const { end, damage } = scanFile(handle.fd, size, (payload, payloadOffset) => {
        const e = decodePayload(payload);
        this.apply(e.flags, e.state && { file, offset: payloadOffset + e.state.at, length: e.state.length }, e.removes, e.puts.map((p) => [p.key, { file, offset: payloadOffset + p.at, length: p.length }]));
      });
      this.recovery.files++;
      this.recovery.bytes += end;
      if (damage) {
        // Only the end of the newest log may be torn (the server died while writing it).
        if (!last) throw new DataDirError(`${this.dir} is damaged: ${fileName(kind, n)} has ${damage}, and later files depend on it`);
        this.recovery.droppedTail = `${fileName(kind, n)}: ${damage}, ${size - end} bytes dropped`;
        await handle.truncate(end);
        await handle.sync();
      }
      file.size = end;
      return file;
    };
    if (base !== undefined) await read('snapshot', base, false);
    for (let i = 0; i < logs.length; i++) this.current = await read('log', logs[i], i === logs.length - 1);
    if (logs.length === 0) this.current = await this.startLog(base ?? 0);
    // A log of an older format is only read: what this version writes goes to a log of its own format.
    else if (this.current.version < DATA_DIR_FORMAT) this.current = await this.startLog(this.current.number + 1);
  }

  /** Checks a file's header; returns its format. */
  private checkHeader(path: string, fd: number, size: number, kind: Kind): number {
    const h = Buffer.alloc(HEADER_BYTES);
    if (size >= HEADER_BYTES) readSync(fd, h, 0, HEADER_BYTES, 0);
    if (size < HEADER_BYTES || !h.subarray(0, 8).equals(MAGIC))
      throw new DataDirError(`${path} is not a data file of the Kinesis Workshop Console emulator; --data-dir needs a directory of its own`);
    const version = h.readUInt32LE(8);
    if (crc32(h.subarray(0, 20)) !== h.readUInt32LE(20)) throw new DataDirError(`${path} is damaged: its header fails its checksum`);
    if (version > DATA_DIR_FORMAT)
      throw new DataDirError(
        `${this.dir} was written by a newer version of the console (data format ${version}; this version reads format ${DATA_DIR_FORMAT}). ` +
          'Run that version, or pass another --data-dir.',
      );
    // Format 1 differs only in what the values hold (read by the modules); compaction rewrites its files in this format.
    if (version < 1) throw new DataDirError(`${path} has unknown data format ${version}`);
    if (h.readUInt32LE(12) !== KIND[kind]) throw new DataDirError(`${path} is damaged: its header names another kind of file`);
    return version;
  }

  /** Creates log `n` (header only), durably, and makes it the file commits go to. */
  private async startLog(n: number): Promise<FileRef> {
    const path = join(this.dir, fileName('log', n));
    const tmp = `${path}.tmp`;
    const handle = await open(tmp, 'w+');
    await writeAll(handle, [header('log', n)], 0);
    await handle.datasync();
    await rename(tmp, path);
    await syncDir(this.dir);
    const file: FileRef = { kind: 'log', number: n, path, handle, size: HEADER_BYTES, version: DATA_DIR_FORMAT };
    this.files.push(file);
    return file;
  }

  /** Runs `fn` after every earlier call (commits, clears, compaction's switch of logs are never interleaved). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.catch(() => {});
    return run;
  }

  /**
   * The state, and the live chunks read on demand (the checksums were checked at open): each get()
   * reads one value into a buffer that the next get() reuses, so restoring never holds a second copy
   * of every chunk. V8's deserialisation makes a typed array (a binary chunk of records) a view onto
   * that buffer: valid until the next get(). The chunks are valid until the next commit.
   */
  async load(): Promise<{ state: unknown; chunks: StoredChunks }> {
    return this.serial(async () => {
      const index = new Map(this.index);
      let buffer = new Uint8Array(0);
      const chunks: StoredChunks = {
        size: index.size,
        has: (key) => index.has(key),
        keys: () => index.keys(),
        get: (key) => {
          const l = index.get(key);
          if (!l) return undefined;
          if (buffer.length < BODY_AT + l.length) buffer = new Uint8Array(Math.max(BODY_AT + l.length, 2 * buffer.length));
          if (l.file.version < 2) {
            readInto(l.file.handle.fd, buffer, l.length, l.offset);
            return deserialize(buffer.subarray(0, l.length)) as StoredChunk;
          }
          readInto(l.file.handle.fd, buffer.subarray(BODY_AT - 1), l.length, l.offset);
          const body = buffer.subarray(BODY_AT, BODY_AT - 1 + l.length);
          if (buffer[BODY_AT - 1] === VALUE_BYTES) return body;
          if (buffer[BODY_AT - 1] === VALUE_V8) return deserialize(body) as StoredChunk;
          throw new Error(`the value of ${key} has unknown encoding ${buffer[BODY_AT - 1]}`);
        },
      };
      // The state is small and kept by the caller: a copy of its own.
      const state = this.stateLoc && deserialize(Buffer.from(readAt(this.stateLoc.file.handle.fd, this.stateLoc.length, this.stateLoc.offset)));
      return { state, chunks };
    });
  }

  commit(state: StoredState, put: Map<string, StoredChunk>, remove: string[], clearChunks: boolean): Promise<void> {
    // Serialised now, before the caller can change what it handed over.
    const stateBytes = serialize(state);
    const puts = [...put].map(([k, v]): [string, Buffer] => [k, encodeValue(v)]);
    return this.serial(() => this.append((clearChunks ? FLAG_CLEAR_CHUNKS : 0) | FLAG_STATE, stateBytes, puts, remove));
  }

  async clear(): Promise<void> {
    await this.serial(() => this.append(FLAG_CLEAR_CHUNKS | FLAG_CLEAR_STATE, undefined, [], []));
  }

  private async append(flags: number, state: Buffer | undefined, puts: Array<[string, Buffer]>, removes: readonly string[]): Promise<void> {
    if (this.closed) throw new Error(`the data directory ${this.dir} is closed`);
    if (this.broken) throw this.broken;
    const file = this.current;
    const entry = encodeEntry(flags, state, puts, removes);
    try {
      await writeAll(file.handle, entry.parts, file.size);
    } catch (e) {
      // Nothing counts as written: cut back what may have been, and the next commit writes there again.
      await file.handle.truncate(file.size).catch(() => {});
      throw e;
    }
    try {
      await file.handle.datasync();
    } catch (e) {
      // After a failed fsync the kernel may have dropped the pages: nothing written from now on can be trusted.
      this.broken = new Error(`writing to ${this.dir} failed (${(e as Error).message}); restart the server to recover from the data on disk`);
      throw this.broken;
    }
    const payloadOffset = file.size + ENTRY_HEAD;
    file.size += entry.bytes;
    this.apply(
      flags,
      state && { file, offset: payloadOffset + entry.stateAt, length: state.length },
      removes,
      puts.map(([k, v], i) => [k, { file, offset: payloadOffset + entry.valueAt[i], length: v.length }]),
    );
    if (!this.compacting && this.shouldCompact()) this.compacting = this.compact().finally(() => (this.compacting = undefined));
  }

  /** Applies one entry to the index of live values. */
  private apply(flags: number, state: Loc | undefined, removes: readonly string[], puts: Array<[string, Loc]>): void {
    const cost = (k: string, l: Loc) => l.length + k.length + 8;
    if (flags & FLAG_CLEAR_CHUNKS) {
      this.index.clear();
      this.live = this.stateLoc?.length ?? 0;
    }
    if (flags & FLAG_CLEAR_STATE || state) {
      this.live -= this.stateLoc?.length ?? 0;
      this.stateLoc = state;
      this.live += state?.length ?? 0;
    }
    const drop = (k: string) => {
      const l = this.index.get(k);
      if (l) this.live -= cost(k, l);
      this.index.delete(k);
    };
    for (const k of removes) drop(k);
    for (const [k, l] of puts) {
      drop(k);
      this.index.set(k, l);
      this.live += cost(k, l);
    }
  }

  /** Bytes of the logs recovery would replay. */
  logBytes(): number {
    return this.files.filter((f) => f.kind === 'log').reduce((a, f) => a + f.size, 0);
  }

  private shouldCompact(): boolean {
    const logs = this.logBytes();
    return logs > this.compactMinBytes && logs > this.live;
  }

  /** Starts the next log and writes the live data into the next snapshot; then drops the files before it. */
  private async compact(): Promise<void> {
    let frozen: { index: Map<string, Loc>; state?: Loc; n: number } | undefined;
    try {
      frozen = await this.serial(async () => {
        const n = this.current.number + 1;
        const f = { index: new Map(this.index), state: this.stateLoc, n };
        this.current = await this.startLog(n);
        return f;
      });
      const moved = await this.writeSnapshot(frozen.n, frozen.index, frozen.state);
      await this.serial(async () => {
        // Values not written since the switch now live in the snapshot; the older files can go.
        for (const [k, l] of this.index) {
          const to = moved.get(l);
          if (to) this.index.set(k, to);
        }
        if (this.stateLoc && moved.has(this.stateLoc)) this.stateLoc = moved.get(this.stateLoc);
        const old = this.files.filter((f) => f.number < frozen!.n || (f.kind === 'snapshot' && f.number !== frozen!.n));
        this.files = this.files.filter((f) => !old.includes(f));
        for (const f of old) {
          await f.handle.close();
          await rm(f.path, { force: true });
        }
        await syncDir(this.dir);
      });
    } catch (e) {
      if (frozen) await rm(join(this.dir, `${fileName('snapshot', frozen.n)}.tmp`), { force: true }).catch(() => {});
      if (!this.closed) this.log(`emulator: compacting ${this.dir} failed; the logs are kept and it is tried again later: ${String(e)}`);
    }
  }

  /** Writes snapshot `n` from the values at `index`; returns where each one now lies. */
  private async writeSnapshot(n: number, index: Map<string, Loc>, state: Loc | undefined): Promise<Map<Loc, Loc>> {
    const path = join(this.dir, fileName('snapshot', n));
    const tmp = `${path}.tmp`;
    const handle = await open(tmp, 'w+');
    const file: FileRef = { kind: 'snapshot', number: n, path, handle, size: HEADER_BYTES, version: DATA_DIR_FORMAT };
    const moved = new Map<Loc, Loc>();
    try {
      await writeAll(handle, [header('snapshot', n)], 0);
      const read = async (l: Loc) => {
        const b = Buffer.allocUnsafe(l.length);
        await l.file.handle.read(b, 0, l.length, l.offset);
        return b;
      };
      /** A value in this format: one of format 1 (V8's serialization only) gets its encoding byte. */
      const readValue = async (l: Loc) => (l.file.version < 2 ? Buffer.concat([Buffer.of(VALUE_V8), await read(l)]) : read(l));
      const writeEntry = async (flags: number, stateBytes: Buffer | undefined, puts: Array<[string, Buffer, Loc]>) => {
        const entry = encodeEntry(flags, stateBytes, puts.map(([k, v]) => [k, v]), []);
        await writeAll(handle, entry.parts, file.size);
        const payloadOffset = file.size + ENTRY_HEAD;
        if (state && stateBytes) moved.set(state, { file, offset: payloadOffset + entry.stateAt, length: stateBytes.length });
        puts.forEach(([, v, from], i) => moved.set(from, { file, offset: payloadOffset + entry.valueAt[i], length: v.length }));
        file.size += entry.bytes;
      };
      await writeEntry(FLAG_CLEAR_CHUNKS | (state ? FLAG_STATE : FLAG_CLEAR_STATE), state && (await read(state)), []);
      let batch: Array<[string, Buffer, Loc]> = [];
      let bytes = 0;
      for (const [k, l] of index) {
        batch.push([k, await readValue(l), l]);
        bytes += l.length;
        if (bytes >= SNAPSHOT_ENTRY_BYTES) {
          await writeEntry(0, undefined, batch);
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length > 0) await writeEntry(0, undefined, batch);
      await handle.datasync();
      await rename(tmp, path);
      await syncDir(this.dir);
    } catch (e) {
      await handle.close().catch(() => {});
      throw e;
    }
    this.files.push(file);
    return moved;
  }

  /** Waits for a compaction in progress; for tests and a clean shutdown. */
  async settle(): Promise<void> {
    while (this.compacting) await this.compacting;
    await this.serial(async () => {});
  }

  async loadSettings(): Promise<StorageSettings | undefined> {
    try {
      return JSON.parse(readFileSync(join(this.dir, 'settings.json'), 'utf8')) as StorageSettings;
    } catch {
      return undefined;
    }
  }

  async saveSettings(settings: StorageSettings): Promise<void> {
    const path = join(this.dir, 'settings.json');
    await writeFile(`${path}.tmp`, JSON.stringify(settings), { flush: true });
    await rename(`${path}.tmp`, path);
    await syncDir(this.dir);
  }

  /** Finishes what is under way, closes the files and gives the directory up. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.settle();
    this.closed = true;
    for (const f of this.files) await f.handle.close().catch(() => {});
    this.files = [];
    await this.release();
  }

  private async release(): Promise<void> {
    heldHere.delete(this.dir);
    try {
      if (readFileSync(this.lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(this.lockPath);
    } catch {
      // already gone
    }
  }
}
