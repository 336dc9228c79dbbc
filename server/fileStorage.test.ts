import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/engine/common/clock';
import { SeededRng } from '../src/engine/common/rng';
import { Emulator } from '../src/engine/emulator';
import type { RecordChunk } from '../src/engine/kinesis/module';
import { decodeRecordChunk } from '../src/engine/kinesis/store/recordChunk';
import { MemoryStorage, PERSISTENCE_FORMAT, Persister, type StoredState } from '../src/worker/persistence';
import { DATA_DIR_FORMAT, DataDirError, FileStorage } from './fileStorage';

const dirs: string[] = [];
const opened: FileStorage[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kwc-data-'));
  dirs.push(d);
  return d;
};
const openAt = async (dir: string, compactMinBytes?: number) => {
  const s = await FileStorage.open(dir, { compactMinBytes, log: () => {} });
  opened.push(s);
  return s;
};
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A state as the Persister writes it; only its identity matters here. */
const state = (n: number) => ({ format: PERSISTENCE_FORMAT, savedAt: n, snapshot: { version: 2, services: {}, bulk: {} }, collections: [] }) as StoredState;
const chunk = (n: number) => ({ counter: [n, n + 1], data: [`data-${n}`], bytes: new Uint8Array([n & 255, 1, 2]) });
const files = (dir: string) => readdirSync(dir).sort();
/** Everything a storage holds, each chunk copied out as it is read (a chunk read on demand is valid until the next). */
const loadAll = async (storage: FileStorage) => {
  const { state, chunks } = await storage.load();
  return { state, chunks: new Map([...chunks.keys()].map((k) => [k, structuredClone(chunks.get(k))])) };
};
const logPath = (dir: string, n = 0) => join(dir, `log-${String(n).padStart(10, '0')}`);

/**
 * Log 0 as data format 1 wrote it, with one entry of `state` and `puts`: the header (magic, format,
 * kind 1, number 0, CRC-32), then `[u32 length][u32 CRC-32][payload]`, the payload
 * `[u8 flags = 2][u32 length][state][u32 puts]{[u32 length][key][u32 length][value]}[u32 removes = 0]`,
 * the state and every value in V8's serialization.
 */
const format1Log = (state: unknown, puts: Array<[string, unknown]>): Buffer => {
  const head = Buffer.alloc(24);
  head.write('KWCDATA\n', 0, 'latin1');
  head.writeUInt32LE(1, 8);
  head.writeUInt32LE(1, 12);
  head.writeUInt32LE(crc32(head.subarray(0, 20)), 20);
  const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);
  const sized = (b: Buffer) => [u32(b.length), b];
  const payload = Buffer.concat([
    Buffer.of(2),
    ...sized(serialize(state)),
    u32(puts.length),
    ...puts.flatMap(([k, v]) => [...sized(Buffer.from(k)), ...sized(serialize(v))]),
    u32(0),
  ]);
  return Buffer.concat([head, u32(payload.length), u32(crc32(payload)), payload]);
};

describe('FileStorage', () => {
  it('round-trips the state and chunks of every commit, removals and a clear', async () => {
    const dir = tempDir();
    const a = await openAt(dir);
    expect(await loadAll(a)).toEqual({ state: undefined, chunks: new Map() });
    await a.commit(state(1), new Map([['a', chunk(1)], ['b', chunk(2)]]), [], false);
    await a.commit(state(2), new Map([['c', chunk(3)], ['a', chunk(4)]]), ['b'], false);
    await a.close();

    const b = await openAt(dir);
    expect(await loadAll(b)).toEqual({ state: state(2), chunks: new Map([['a', chunk(4)], ['c', chunk(3)]]) });
    // A later load reads the values back from disk.
    await b.commit(state(3), new Map(), ['c'], false);
    expect(await loadAll(b)).toEqual({ state: state(3), chunks: new Map([['a', chunk(4)]]) });
    // A commit that starts from an empty chunk store.
    await b.commit(state(4), new Map([['z', chunk(9)]]), [], true);
    await b.close();
    const c = await openAt(dir);
    expect(await loadAll(c)).toEqual({ state: state(4), chunks: new Map([['z', chunk(9)]]) });
    await c.clear();
    await c.close();
    expect(await loadAll(await openAt(dir))).toEqual({ state: undefined, chunks: new Map() });
    expect(files(dir)).toEqual(['lock', 'log-0000000000']);
  });

  it('stores a binary value as its own bytes and reads it back on demand, aligned for typed-array views', async () => {
    const dir = tempDir();
    const a = await openAt(dir);
    const bin = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 255);
    await a.commit(state(1), new Map<string, unknown>([['bin', bin], ['obj', chunk(1)]]), [], false);
    await a.close();
    const log = readFileSync(logPath(dir));
    // In the log as is: the encoding byte (1) right before the bytes.
    expect(log.indexOf(Buffer.concat([Buffer.of(1), bin]))).toBeGreaterThan(0);
    const { chunks } = await (await openAt(dir)).load();
    const got = chunks.get('bin') as Uint8Array;
    expect(got).toEqual(bin);
    expect(got.byteOffset % 8).toBe(0);
    expect(chunks.get('obj')).toEqual(chunk(1));
    expect(chunks.get('missing')).toBeUndefined();
  });

  it('creates a missing directory, and keeps settings beside the data', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const a = await openAt(dir);
    expect(await a.loadSettings()).toBeUndefined();
    await a.saveSettings({ maxRecordBytes: 5 * 1024 * 1024 });
    await a.close();
    expect(await (await openAt(dir)).loadSettings()).toEqual({ maxRecordBytes: 5 * 1024 * 1024 });
  });

  it('ignores a torn last entry, keeps everything before it, and appends after the last whole entry', async () => {
    const dir = tempDir();
    const a = await openAt(dir);
    await a.commit(state(1), new Map([['a', chunk(1)]]), [], false);
    const whole = statSync(logPath(dir)).size;
    await a.commit(state(2), new Map([['b', chunk(2)]]), [], false);
    await a.close();
    // The server died while writing the second entry.
    truncateSync(logPath(dir), statSync(logPath(dir)).size - 3);

    const b = await openAt(dir);
    expect(b.recovery.droppedTail).toMatch(/^log-0000000000: an entry cut short at byte \d+, \d+ bytes dropped$/);
    expect(await loadAll(b)).toEqual({ state: state(1), chunks: new Map([['a', chunk(1)]]) });
    expect(statSync(logPath(dir)).size).toBe(whole);
    await b.commit(state(3), new Map([['c', chunk(3)]]), [], false);
    await b.close();
    const c = await openAt(dir);
    expect(c.recovery.droppedTail).toBeUndefined();
    expect(await loadAll(c)).toEqual({ state: state(3), chunks: new Map([['a', chunk(1)], ['c', chunk(3)]]) });
  });

  it('ignores a last entry that fails its checksum', async () => {
    const dir = tempDir();
    const a = await openAt(dir);
    await a.commit(state(1), new Map([['a', chunk(1)]]), [], false);
    await a.commit(state(2), new Map([['a', chunk(2)]]), [], false);
    await a.close();
    const bytes = readFileSync(logPath(dir));
    bytes[bytes.length - 5] ^= 0xff;
    writeFileSync(logPath(dir), bytes);

    const b = await openAt(dir);
    expect(b.recovery.droppedTail).toMatch(/an entry that fails its checksum at byte \d+/);
    expect(await loadAll(b)).toEqual({ state: state(1), chunks: new Map([['a', chunk(1)]]) });
  });

  it('compacts into a snapshot once the logs outgrow the live data, and reads the same data back', async () => {
    const dir = tempDir();
    const a = await openAt(dir, 4096);
    const big = { data: 'x'.repeat(1000) };
    // The same two keys rewritten: the live data stays small while the log grows.
    for (let i = 0; i < 20; i++) await a.commit(state(i), new Map([[`k${i % 2}`, { ...big, i }]]), [], false);
    await a.settle();
    // Compacted a few times; each time the files before the new snapshot went.
    const [lock, log, snapshot, ...rest] = files(dir);
    expect([lock, rest]).toEqual(['lock', []]);
    expect(log).toMatch(/^log-000000000[2-9]$/);
    expect(snapshot).toBe(log.replace('log', 'snapshot'));
    const expected = { state: state(19), chunks: new Map([['k0', { ...big, i: 18 }], ['k1', { ...big, i: 19 }]]) };
    // Values that moved to the snapshot are read from it.
    expect(await loadAll(a)).toEqual(expected);
    await a.close();
    expect(await loadAll(await openAt(dir, 4096))).toEqual(expected);
  });

  it('recovers the same data whichever step of a compaction the server died at', async () => {
    const dir = tempDir();
    const saved = tempDir();
    const a = await openAt(dir, 4096);
    for (let i = 0; i < 4; i++) await a.commit(state(i), new Map([[`k${i}`, { data: 'y'.repeat(900), i }]]), [], false);
    copyFileSync(logPath(dir), join(saved, 'log-0'));
    // This commit takes the log past the threshold: log 1 starts, snapshot 1 is written.
    await a.commit(state(4), new Map([['k0', { data: 'z', i: 4 }]]), ['k1'], false);
    await a.commit(state(5), new Map([['k5', { data: 'w', i: 5 }]]), [], false);
    await a.settle();
    const expected = await loadAll(a);
    await a.close();
    expect(files(dir)).toEqual(['log-0000000001', 'snapshot-0000000001']);
    copyFileSync(logPath(dir, 1), join(saved, 'log-1'));
    const snapshot = join(dir, 'snapshot-0000000001');
    copyFileSync(snapshot, join(saved, 'snapshot-1'));

    // Died after the snapshot was renamed, before the files it replaces were deleted.
    copyFileSync(join(saved, 'log-0'), logPath(dir));
    expect(await loadAll(await openAt(dir))).toEqual(expected);
    expect(files(dir)).toEqual(['lock', 'log-0000000001', 'snapshot-0000000001']);
    await opened.pop()!.close();

    // Died while writing the snapshot: the old log and the new one are read instead.
    rmSync(snapshot);
    copyFileSync(join(saved, 'log-0'), logPath(dir));
    writeFileSync(`${snapshot}.tmp`, 'half a snapshot');
    expect(await loadAll(await openAt(dir))).toEqual(expected);
    expect(files(dir)).toEqual(['lock', 'log-0000000000', 'log-0000000001']);
  });

  it('refuses a directory written by a newer version, naming the directory and both versions', async () => {
    const dir = tempDir();
    await (await openAt(dir)).commit(state(1), new Map(), [], false);
    await opened.pop()!.close();
    const bytes = readFileSync(logPath(dir));
    bytes.writeUInt32LE(DATA_DIR_FORMAT + 1, 8);
    bytes.writeUInt32LE(crc32(bytes.subarray(0, 20)), 20);
    writeFileSync(logPath(dir), bytes);
    await expect(FileStorage.open(dir)).rejects.toThrow(
      new DataDirError(
        `${dir} was written by a newer version of the console (data format ${DATA_DIR_FORMAT + 1}; this version reads format ${DATA_DIR_FORMAT}). Run that version, or pass another --data-dir.`,
      ),
    );
    // The refusal leaves the directory free and untouched.
    expect(readFileSync(logPath(dir))).toEqual(bytes);
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });

  it('refuses files that are not its own and damage before the newest log', async () => {
    const dir = tempDir();
    writeFileSync(logPath(dir), 'hello');
    await expect(FileStorage.open(dir)).rejects.toThrow(/is not a data file of the Kinesis Workshop Console emulator/);

    const dir2 = tempDir();
    const a = await openAt(dir2, 2048);
    for (let i = 0; i < 6; i++) await a.commit(state(i), new Map([['k', { data: 'q'.repeat(800), i }]]), [], false);
    await a.settle();
    await opened.pop()!.close();
    // Compaction runs beside the commits, so it may have run once or twice: damage the snapshot there is.
    const name = files(dir2).filter((f) => f.startsWith('snapshot-')).pop()!;
    expect(name).toMatch(/^snapshot-\d{10}$/);
    const snapshot = join(dir2, name);
    const bytes = readFileSync(snapshot);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(snapshot, bytes);
    await expect(FileStorage.open(dir2)).rejects.toThrow(new RegExp(`is damaged: ${name} has an entry that fails its checksum at byte \\d+, and later files depend on it`));
  });

  it('lets one server at a time use a directory; a lock left by a killed one is taken over', async () => {
    const dir = tempDir();
    await openAt(dir);
    await expect(FileStorage.open(dir)).rejects.toThrow(`${dir} is in use by another emulator server (process ${process.pid})`);
    await opened.pop()!.close();

    // A lock held by another running process.
    writeFileSync(join(dir, 'lock'), `${process.ppid}\n`);
    await expect(FileStorage.open(dir)).rejects.toThrow(`${dir} is in use by another emulator server (process ${process.ppid}); two servers cannot share a data directory`);
    // A lock left by a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'lock'), `${gone}\n`);
    await openAt(dir);
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(`${process.pid}\n`);
  });

  /** An emulator with one 2-shard stream, and a way to put `n` records into it. */
  const emulatorWithStream = () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const rc = { region: 'us-east-1', requestId: 'r' };
    const em = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 0, enforceThroughput: false } });
    em.kinesis.call('CreateStream', { StreamName: 's', ShardCount: 2 }, rc);
    let next = 0;
    const put = (n: number) => {
      for (const end = next + n; next < end; next++)
        em.kinesis.call('PutRecord', { StreamName: 's', PartitionKey: `k${next}`, Data: Buffer.from(`r${next}`).toString('base64') }, rc);
    };
    const restored = async (dir: string) => {
      const loaded = await new Persister(await openAt(dir), () => clock.now(), 10).load();
      const again = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 0 } });
      if (loaded.kind === 'restored') again.restore(loaded.snapshot);
      return { loaded, emulator: again };
    };
    return { clock, em, put, restored };
  };

  it('drops a save of binary record chunks torn or failing its checksum at the end of the log, and restores the save before it', async () => {
    for (const damage of ['torn', 'checksum'] as const) {
      const dir = tempDir();
      const { clock, em, put, restored } = emulatorWithStream();
      const p = new Persister(await openAt(dir), () => clock.now(), 10);
      put(25);
      await p.save(em);
      const before = em.snapshot();
      put(30);
      await p.save(em);
      await opened.pop()!.close();
      const bytes = readFileSync(logPath(dir));
      if (damage === 'torn') writeFileSync(logPath(dir), bytes.subarray(0, bytes.length - 200));
      else {
        bytes[bytes.length - 100] ^= 0xff;
        writeFileSync(logPath(dir), bytes);
      }
      const { loaded, emulator } = await restored(dir);
      expect(opened.at(-1)!.recovery.droppedTail).toMatch(damage === 'torn' ? /an entry cut short/ : /an entry that fails its checksum/);
      expect(loaded).toMatchObject({ kind: 'restored', records: 25 });
      expect(emulator.snapshot()).toEqual(before);
    }
  });

  it('reads a directory of data format 1 (chunks as plain columns), never appends to its log, and the next save rewrites it in the binary form', async () => {
    const dir = tempDir();
    const { clock, em, put, restored } = emulatorWithStream();
    put(25);
    // What a format-1 server wrote: a format-3 save whose chunks are plain columns, in a log whose header says format 1.
    const source = new MemoryStorage();
    await new Persister(source, () => clock.now(), 10).save(em);
    const columns = (c: unknown): RecordChunk => {
      const b = decodeRecordChunk(c as Uint8Array);
      let at = 0;
      const data = [...b.lengths].map((n) => Buffer.from(b.data.subarray(at, (at += n))).toString('base64'));
      return { counter: [...b.counters], at: [...b.arrivals], data, partitionKey: b.keys, size: [...b.sizes] };
    };
    const bytes = format1Log({ ...(source.state as StoredState), format: 3 }, [...source.chunks].map(([k, c]) => [k, columns(c)]));
    writeFileSync(logPath(dir), bytes);

    const { loaded, emulator } = await restored(dir);
    expect(loaded).toMatchObject({ kind: 'restored', records: 25 });
    expect(emulator.snapshot()).toEqual(em.snapshot());
    // The format-1 log is left as it was; a log of the current format takes the commits.
    expect(files(dir)).toEqual(['lock', 'log-0000000000', 'log-0000000001']);
    expect(readFileSync(logPath(dir))).toEqual(bytes);
    put(5);
    const p = new Persister(opened.at(-1)!, () => clock.now(), 10);
    await p.load();
    expect(await p.save(em)).toMatchObject({ recordsWritten: 30 });
    expect(readFileSync(logPath(dir, 1)).readUInt32LE(8)).toBe(DATA_DIR_FORMAT);
    await opened.pop()!.close();
    const again = await restored(dir);
    expect(again.loaded).toMatchObject({ kind: 'restored', records: 30 });
    expect(again.emulator.snapshot()).toEqual(em.snapshot());
  });

  it("keeps the Persister's saves of an emulator across a reopen", async () => {
    const dir = tempDir();
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const rc = { region: 'us-east-1', requestId: 'r' };
    const em = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 0, enforceThroughput: false } });
    em.kinesis.call('CreateStream', { StreamName: 's', ShardCount: 2 }, rc);
    const p = new Persister(await openAt(dir), () => clock.now(), 10);
    for (let i = 0; i < 25; i++) {
      em.kinesis.call('PutRecord', { StreamName: 's', PartitionKey: `k${i}`, Data: Buffer.from(`r${i}`).toString('base64') }, rc);
      await p.save(em);
    }
    await opened.pop()!.close();
    const loaded = await new Persister(await openAt(dir), () => clock.now(), 10).load();
    expect(loaded).toMatchObject({ kind: 'restored', records: 25 });
    const again = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 0 } });
    if (loaded.kind === 'restored') again.restore(loaded.snapshot);
    expect(again.snapshot()).toEqual(em.snapshot());
  });
});
