import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { epochMillis } from '../engine/common/brand';
import { ScaledClock, VirtualClock } from '../engine/common/clock';
import { SeededRng } from '../engine/common/rng';
import { Emulator } from '../engine/emulator';
import { decodeUtf8 } from '../engine/protocol/http';
import type { ModuleFactory } from '../engine/module';
import { serviceModules } from '../engine/modules';
import { DEFAULT_RECORD_CAP, EmulatorHost } from './host';
import { kinesisRequest } from './testing';
import type { RecordChunk } from '../engine/kinesis/module';
import { decodeRecordChunk } from '../engine/kinesis/store/recordChunk';
import type { S3Exports } from '../engine/s3/module';
import fixture from './fixtures/save-v1.json';
import { MAX_BATCHES, MemoryStorage, PERSISTENCE_FORMAT, Persister, SaveScheduler, type SaveTimers, type StoredBatch, type StoredState } from './persistence';
import { WorkerCommand } from './protocol';

const T0 = Date.UTC(2026, 0, 1);
const rc = { region: 'us-east-1', requestId: 'r' };
const b64 = (s: string) => Buffer.from(s).toString('base64');
/** The sequence counters in a stored chunk of records (saved in the binary form). */
const countersOf = (chunk: unknown) => [...decodeRecordChunk(chunk as Uint8Array).counters];
/** A stored binary chunk of records as the plain columns storage format 3 and before held. */
const asColumns = (chunk: unknown): RecordChunk => {
  const b = decodeRecordChunk(chunk as Uint8Array);
  let at = 0;
  const data = [...b.lengths].map((n) => Buffer.from(b.data.subarray(at, (at += n))).toString('base64'));
  return { counter: [...b.counters], at: [...b.arrivals], data, partitionKey: b.keys, size: [...b.sizes] };
};

const emulatorAt = (clock: VirtualClock) => {
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 500, enforceThroughput: false } });
  const call = (op: string, input: Record<string, unknown> = {}, region = rc.region): any =>
    emulator.kinesis.call(op, structuredClone(input), { ...rc, region });
  return { emulator, call };
};

/** Timers that fire only when the test moves time. */
class FakeTimers implements SaveTimers {
  t = T0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.ids;
    this.queue.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.queue = this.queue.filter((q) => q.id !== h);
  }
  now() {
    return this.t;
  }
  async advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = this.queue.filter((q) => q.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.queue = this.queue.filter((q) => q !== due);
      this.t = due.at;
      due.fn();
      await new Promise((r) => setTimeout(r, 0));
    }
    this.t = end;
  }
  get armed() {
    return this.queue.map((q) => q.at - this.t);
  }
}

describe('Persister', () => {
  const setup = (chunkRecords = 1000) => {
    const clock = new VirtualClock(T0);
    const a = emulatorAt(clock);
    const storage = new MemoryStorage();
    const persister = new Persister(storage, () => clock.now(), chunkRecords);
    a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    clock.advance(500);
    const putMany = (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(a.call('PutRecord', { StreamName: 's', PartitionKey: `k${i}`, Data: b64(`r${i}`) }).SequenceNumber);
      return out;
    };
    /** A second page load: a new persister over the same storage, restoring into a new emulator. */
    const reload = async () => {
      const p = new Persister(storage, () => clock.now(), chunkRecords);
      const loaded = await p.load();
      const b = emulatorAt(clock);
      if (loaded.kind === 'restored') b.emulator.restore(loaded.snapshot);
      return { ...b, loaded, persister: p };
    };
    const readAll = (call: (op: string, input?: Record<string, unknown>) => any, shard = 'shardId-000000000000') =>
      call('GetRecords', call('GetShardIterator', { StreamName: 's', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' })).Records.map(
        (r: { SequenceNumber: string }) => r.SequenceNumber,
      );
    return { clock, ...a, storage, persister, putMany, reload, readAll };
  };

  it('loads nothing from empty storage', async () => {
    expect(await new Persister(new MemoryStorage()).load()).toEqual({ kind: 'empty' });
  });

  it('round-trips streams, shards after resharding, records and metrics', async () => {
    const h = setup();
    const before = h.putMany(3);
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 127n) });
    h.clock.advance(500);
    const child = h.call('PutRecord', { StreamName: 's', PartitionKey: 'x', Data: b64('child'), ExplicitHashKey: '5' }).SequenceNumber;
    await h.persister.save(h.emulator);

    const b = await h.reload();
    expect(b.loaded).toMatchObject({ kind: 'restored', records: 4, savedAt: h.clock.now() });
    expect(b.emulator.snapshot()).toEqual(h.emulator.snapshot());
    expect(b.call('ListShards', { StreamName: 's' })).toEqual(h.call('ListShards', { StreamName: 's' }));
    expect(h.readAll(b.call)).toEqual(before);
    expect(h.readAll(b.call, 'shardId-000000000001')).toEqual([child]);
  });

  /** What one save wrote: its batch (a key and, per collection, the counters of its records). */
  const batchKey = (n: number) => `~batch|${String(n).padStart(12, '0')}`;
  const batchOf = (storage: MemoryStorage, n: number) =>
    (storage.chunks.get(batchKey(n)) as StoredBatch | undefined)?.map(([key, start, count, chunk]) => ({ key, start, count, counters: countersOf(chunk) }));

  it('writes each record once: a backlog of a chunk or more as chunks, then the new records of each save in one batch', async () => {
    const h = setup(1000);
    const key = `kinesis|us-east-1|s|${T0}|0`;
    const chunk = (c: number) => `${key}|${String(c).padStart(10, '0')}`;
    const all = h.putMany(2500); // counters 1..2500: chunks 0 (1-999), 1 (1000-1999), 2 (2000-2500)
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 3, recordsWritten: 2500, recordsCompacted: 0, chunksDeleted: 0 });
    expect([...h.storage.chunks.keys()]).toEqual([0, 1, 2].map(chunk));
    all.push(...h.putMany(10)); // 2501..2510: the save's batch, the chunk is not rewritten
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 1, recordsWritten: 10, recordsCompacted: 0 });
    expect(batchOf(h.storage, 1)).toEqual([{ key, start: 2501, count: 10, counters: Array.from({ length: 10 }, (_, i) => 2501 + i) }]);
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 0, recordsWritten: 0 });
    all.push(...h.putMany(490)); // 2511..3000: chunk 2 has filled; still nothing is written twice
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 1, chunksDeleted: 0, recordsWritten: 490, recordsCompacted: 0 });
    expect([...h.storage.chunks.keys()].sort()).toEqual([...[0, 1, 2].map(chunk), batchKey(1), batchKey(3)]);
    const b = await h.reload();
    expect(b.loaded).toMatchObject({ kind: 'restored', records: 3000 });
    expect(h.readAll(b.call)).toEqual(all);
    // A restored persister carries on incrementally too.
    const more = b.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('next') }).SequenceNumber;
    expect(await b.persister.save(b.emulator)).toMatchObject({ chunksWritten: 1, recordsWritten: 1, recordsCompacted: 0 });
    const c = await h.reload();
    expect(h.readAll(c.call)).toEqual([...all, more]);
  });

  it('writes the new records of every shard of every stream in one value per save', async () => {
    const h = setup(1000);
    h.call('CreateStream', { StreamName: 'wide', ShardCount: 8 });
    h.clock.advance(500);
    const seq = new Map<string, string[]>();
    for (let i = 0; i < 64; i++) {
      const r = h.call('PutRecord', { StreamName: 'wide', PartitionKey: `key-${i}`, Data: b64(`w${i}`) });
      seq.set(r.ShardId, [...(seq.get(r.ShardId) ?? []), r.SequenceNumber]);
    }
    h.putMany(3);
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 1, recordsWritten: 67 });
    expect(batchOf(h.storage, 0)?.map((p) => p.count).reduce((a, b) => a + b)).toBe(67);
    expect(batchOf(h.storage, 0)).toHaveLength(seq.size + 1);
    const b = await h.reload();
    for (const [shard, expected] of seq) {
      const it = b.call('GetShardIterator', { StreamName: 'wide', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' });
      expect(b.call('GetRecords', it).Records.map((r: { SequenceNumber: string }) => r.SequenceNumber)).toEqual(expected);
    }
  });

  it('a save after one new record writes that record alone, and a reload reads every batch in order', async () => {
    const h = setup(1000);
    const first = h.putMany(3);
    await h.persister.save(h.emulator);
    const written: string[][] = [];
    for (let i = 0; i < 4; i++) {
      written.push(h.putMany(1));
      expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 1, recordsWritten: 1, recordsCompacted: 0, chunksDeleted: 0 });
    }
    // One batch of 3 records, then one of one record per save.
    expect([0, 1, 2, 3, 4].map((n) => batchOf(h.storage, n)?.[0].count)).toEqual([3, 1, 1, 1, 1]);
    const b = await h.reload();
    expect(b.loaded).toMatchObject({ kind: 'restored', records: 7 });
    expect(h.readAll(b.call)).toEqual([...first, ...written.flat()]);
  });

  it('deletes chunks and batches that retention emptied, and leaves out trimmed records of a kept chunk', async () => {
    const h = setup(10);
    const key = `kinesis|us-east-1|s|${T0}|0`;
    h.putMany(12); // a backlog of a chunk or more: chunks 0 (1-9) and 1 (10-12), at T0+500
    await h.persister.save(h.emulator);
    h.putMany(3); // 13-15: batch 1
    await h.persister.save(h.emulator);
    h.clock.advance(3_600_000);
    const late = h.putMany(3); // 16-18 an hour later
    h.clock.advance(24 * 3_600_000 - 1000); // the first 15 are older than 24 h, the last 3 are not
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksDeleted: 2, chunksWritten: 1, recordsWritten: 3 });
    // Chunk 1 keeps what it held (its trimmed records are left out on load); batch 1 held only trimmed records.
    expect([...h.storage.chunks.keys()].sort()).toEqual([`${key}|0000000001`, batchKey(2)]);
    expect(batchOf(h.storage, 2)?.[0].counters).toEqual([16, 17, 18]);
    const b = await h.reload();
    expect(b.loaded).toMatchObject({ kind: 'restored', records: 3 });
    expect(h.readAll(b.call)).toEqual(late);
  });

  it('writes a collection that pins batches of mostly gone records as chunks, and deletes those batches', async () => {
    const h = setup(10);
    h.call('CreateStream', { StreamName: 'busy', ShardCount: 1 });
    h.clock.advance(500);
    const kept: string[] = [];
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 9; j++) h.call('PutRecord', { StreamName: 'busy', PartitionKey: 'k', Data: b64(`b${i}.${j}`) });
      kept.push(...h.putMany(1));
      expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 1, recordsCompacted: 0 });
    }
    h.call('DeleteStream', { StreamName: 'busy' });
    h.clock.advance(500);
    // Six batches, 54 records of a deleted stream against 6 live ones: the live ones become a chunk.
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 1, chunksDeleted: 6, recordsWritten: 0, recordsCompacted: 6 });
    expect([...h.storage.chunks.keys()]).toEqual([`kinesis|us-east-1|s|${T0}|0|0000000000`]);
    const b = await h.reload();
    expect(h.readAll(b.call)).toEqual(kept);
    // Further records go to batches again.
    kept.push(...h.putMany(1));
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksWritten: 1, recordsWritten: 1, recordsCompacted: 0 });
    expect(h.readAll((await h.reload()).call)).toEqual(kept);
  });

  it(`keeps at most ${MAX_BATCHES} batches: past them, a collection in the oldest is written as chunks`, async () => {
    const h = setup(1000);
    const all: string[] = [];
    let most = 0;
    for (let i = 0; i < MAX_BATCHES + 40; i++) {
      all.push(...h.putMany(1));
      await h.persister.save(h.emulator);
      most = Math.max(most, [...h.storage.chunks.keys()].filter((k) => k.startsWith('~batch|')).length);
    }
    expect(most).toBe(MAX_BATCHES);
    expect([...h.storage.chunks.keys()].filter((k) => !k.startsWith('~batch|'))).toEqual([`kinesis|us-east-1|s|${T0}|0|0000000000`]);
    expect(h.readAll((await h.reload()).call)).toEqual(all);
  });

  it('a stream made again under the same key before a save noticed the old one gone: the old records go, the new ones are saved', async () => {
    const clock = new VirtualClock(T0);
    const make = () => {
      const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 0, enforceThroughput: false } });
      return { emulator, call: (op: string, input: Record<string, unknown> = {}): any => emulator.kinesis.call(op, structuredClone(input), rc) };
    };
    const read = (call: (op: string, input?: Record<string, unknown>) => any) =>
      call('GetRecords', call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' })).Records.map((r: { Data: string }) =>
        Buffer.from(r.Data, 'base64').toString(),
      );
    for (const backlog of [5, 1500]) {
      const a = make();
      const storage = new MemoryStorage();
      const p = new Persister(storage, () => clock.now(), 1000);
      a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
      for (let i = 0; i < backlog; i++) a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64(`old${i}`) });
      await p.save(a.emulator);
      // Deleted and made again in the same millisecond (no state delay): the same shard key, positions from 1 again.
      a.call('DeleteStream', { StreamName: 's' });
      a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
      for (let i = 0; i < 2; i++) a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64(`new${i}`) });
      await p.save(a.emulator);
      const loaded = await new Persister(storage, () => clock.now(), 1000).load();
      const b = make();
      if (loaded.kind === 'restored') b.emulator.restore(loaded.snapshot);
      expect(read(b.call)).toEqual(['new0', 'new1']);
    }
  });

  /** Saves the format-4 saver wrote (fixtures/save-v4.bin, written with the console's format-4 Persister and kept as it wrote them). */
  const format4 = (name: 'fragments' | 'whole') => {
    const v4 = (deserialize(readFileSync(new URL('./fixtures/save-v4.bin', import.meta.url))) as Record<string, { chunkRecords: number; now: number; sequenceNumbers: string[]; state: StoredState; chunks: Map<string, unknown> }>)[name];
    const storage = new MemoryStorage();
    storage.state = v4.state;
    storage.chunks = v4.chunks;
    const clock = new VirtualClock(v4.now);
    const reload = async () => {
      const p = new Persister(storage, () => clock.now(), v4.chunkRecords);
      const loaded = await p.load();
      const b = emulatorAt(clock);
      if (loaded.kind === 'restored') b.emulator.restore(loaded.snapshot);
      return { ...b, loaded, persister: p };
    };
    const readAll = (call: (op: string, input?: Record<string, unknown>) => any) =>
      call('GetRecords', call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' })).Records.map((r: { SequenceNumber: string }) => r.SequenceNumber);
    return { ...v4, storage, reload, readAll };
  };

  it('reads a save of storage format 4 (chunks and fragments per shard), and rewrites it whole in format 5 on the next save', async () => {
    const v4 = format4('fragments');
    expect([...v4.storage.chunks.keys()].some((k) => /\|\d{10}\|\d{16}$/.test(k))).toBe(true);
    const b = await v4.reload();
    expect(b.loaded).toMatchObject({ kind: 'restored', records: 14 });
    expect(v4.readAll(b.call)).toEqual(v4.sequenceNumbers);
    const after = b.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('later') }).SequenceNumber;
    // The next save replaces the old save in one commit: every record, in chunks (a backlog of a chunk or more).
    expect(await b.persister.save(b.emulator)).toMatchObject({ recordsWritten: 15, chunksWritten: 2 });
    expect((v4.storage.state as StoredState).format).toBe(PERSISTENCE_FORMAT);
    const key = `kinesis|us-east-1|s|${T0}|0`;
    expect([...v4.storage.chunks.keys()].sort()).toEqual([`${key}|0000000000`, `${key}|0000000001`]);
    const c = await v4.reload();
    expect(c.emulator.snapshot()).toEqual(b.emulator.snapshot());
    expect(v4.readAll(c.call)).toEqual([...v4.sequenceNumbers, after]);
  });

  it('reads a save of storage format 3 (format 4 with chunks as plain columns)', async () => {
    const v4 = format4('fragments');
    v4.storage.state = { ...(v4.storage.state as StoredState), format: 3 };
    v4.storage.chunks = new Map([...v4.storage.chunks].map(([k, c]) => [k, asColumns(c)]));
    expect(v4.storage.chunks.get(`kinesis|us-east-1|s|${T0}|0|0000000001|0000000000000013`)).toMatchObject({ counter: [13, 14] });
    const b = await v4.reload();
    expect(b.loaded).toMatchObject({ kind: 'restored', records: 14 });
    expect(v4.readAll(b.call)).toEqual(v4.sequenceNumbers);
    await b.persister.save(b.emulator);
    expect([...v4.storage.chunks.values()].every((c) => c instanceof Uint8Array)).toBe(true);
    expect(v4.readAll((await v4.reload()).call)).toEqual(v4.sequenceNumbers);
  });

  it('reads a save of storage format 2 (no fragments, chunks as plain columns), and rewrites it in the current format on the next save', async () => {
    const v4 = format4('whole');
    const saved = v4.storage.state as StoredState;
    // What format 2 wrote: the same chunks as plain columns, no fragments.
    v4.storage.state = { ...saved, format: 2, collections: saved.collections.map(({ fragments: _f, ...c }) => c) };
    v4.storage.chunks = new Map([...v4.storage.chunks].map(([k, c]) => [k, asColumns(c)]));
    const b = await v4.reload();
    expect(b.loaded).toMatchObject({ kind: 'restored', records: 5 });
    const after = b.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('later') }).SequenceNumber;
    expect(await b.persister.save(b.emulator)).toMatchObject({ chunksWritten: 1, recordsWritten: 6 });
    expect((v4.storage.state as StoredState).format).toBe(PERSISTENCE_FORMAT);
    const c = await v4.reload();
    expect(v4.readAll(c.call)).toEqual([...v4.sequenceNumbers, after]);
    // Carried on incrementally from there.
    b.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('last') });
    expect(await b.persister.save(b.emulator)).toMatchObject({ chunksWritten: 1, recordsWritten: 1 });
  });

  it('keeps sequence numbers increasing across a reload', async () => {
    const h = setup();
    const [last] = h.putMany(1);
    await h.persister.save(h.emulator);
    const b = await h.reload();
    const next = b.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('after') }).SequenceNumber;
    expect(next > last).toBe(true);
  });

  it('drops the chunks of a deleted stream, and a new stream of the same name starts empty', async () => {
    const h = setup();
    h.putMany(5);
    await h.persister.save(h.emulator);
    h.putMany(1);
    await h.persister.save(h.emulator);
    h.call('DeleteStream', { StreamName: 's' });
    h.clock.advance(500);
    h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    h.clock.advance(500);
    // The chunk and the fragment of the first stream.
    expect(await h.persister.save(h.emulator)).toMatchObject({ chunksDeleted: 2, chunksWritten: 0 });
    expect(h.storage.chunks.size).toBe(0);
    const b = await h.reload();
    expect(h.readAll(b.call)).toEqual([]);
  });

  it('keeps same-named streams of two regions, made in the same millisecond, apart', async () => {
    const clock = new VirtualClock(T0);
    const a = emulatorAt(clock);
    const storage = new MemoryStorage();
    const regions = ['us-east-1', 'eu-west-1'];
    for (const region of regions) a.call('CreateStream', { StreamName: 'demo', ShardCount: 1 }, region);
    clock.advance(500);
    const put = (region: string, data: string) => a.call('PutRecord', { StreamName: 'demo', PartitionKey: 'k', Data: b64(data) }, region);
    put('us-east-1', 'virginia');
    put('eu-west-1', 'ireland-1');
    put('eu-west-1', 'ireland-2');
    await new Persister(storage, () => clock.now()).save(a.emulator);
    expect(batchOf(storage, 0)?.map((p) => [p.key, p.count])).toEqual([
      [`kinesis|us-east-1|demo|${T0}|0`, 1],
      [`kinesis|eu-west-1|demo|${T0}|0`, 2],
    ]);

    const loaded = await new Persister(storage, () => clock.now()).load();
    const b = emulatorAt(clock);
    if (loaded.kind === 'restored') b.emulator.restore(loaded.snapshot);
    const read = (region: string) => {
      const it = b.call('GetShardIterator', { StreamName: 'demo', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }, region);
      return b.call('GetRecords', it, region).Records.map((r: { Data: string }) => Buffer.from(r.Data, 'base64').toString());
    };
    expect([read('us-east-1'), read('eu-west-1')]).toEqual([['virginia'], ['ireland-1', 'ireland-2']]);
  });

  /** A save written by the console before service modules (storage format 1, emulator snapshot 1), from the fixture. */
  const format1 = () => {
    const storage = new MemoryStorage();
    storage.state = structuredClone(fixture.idb.meta.state);
    storage.chunks = new Map(Object.entries(structuredClone(fixture.idb.chunks)));
    return storage;
  };
  /** Every record of every shard of every stream, by region and stream, read through the API. */
  const everything = (emulator: Emulator) => {
    const out: Record<string, string[]> = {};
    for (const region of ['us-east-1', 'eu-west-1']) {
      const rc2 = { region, requestId: 'r' };
      const call = (op: string, input: Record<string, unknown>): any => emulator.kinesis.call(op, input, rc2);
      for (const name of call('ListStreams', {}).StreamNames as string[]) {
        for (const sh of call('ListShards', { StreamName: name }).Shards as Array<{ ShardId: string }>) {
          const it = call('GetShardIterator', { StreamName: name, ShardId: sh.ShardId, ShardIteratorType: 'TRIM_HORIZON' });
          out[`${region}/${name}/${sh.ShardId}`] = call('GetRecords', it).Records.map((r: { Data: string }) => Buffer.from(r.Data, 'base64').toString());
        }
      }
    }
    return out;
  };
  const expected = {
    'us-east-1/s/shardId-000000000000': ['record 0', 'record 2', 'record 6', 'record 7', 'record 8', 'record 9', 'record 12'],
    'us-east-1/s/shardId-000000000001': ['record 1', 'record 3', 'record 4', 'record 5', 'record 10', 'record 11', 'record 13'],
    'us-east-1/s/shardId-000000000002': ['after 0', 'after 1', 'after 2', 'after 3', 'after 4'],
    'us-east-1/s/shardId-000000000003': [],
    'eu-west-1/demo/shardId-000000000000': ['ireland'],
  };

  it('reads a save of storage format 1 (before service modules), and rewrites it in the current format on the next save', async () => {
    const storage = format1();
    const clock = new VirtualClock(fixture.now);
    const p = new Persister(storage, () => clock.now());
    const loaded = await p.load();
    expect(loaded).toMatchObject({ kind: 'restored', records: 20, savedAt: fixture.now, clock: { speed: 2, offsetMs: 123, now: fixture.now } });
    const b = emulatorAt(clock);
    if (loaded.kind === 'restored') b.emulator.restore(loaded.snapshot);
    // Everything the old console held, and nothing else: the full snapshot it took at the save, record for record.
    const restored = b.emulator.snapshot();
    const reference = emulatorAt(clock);
    reference.emulator.restore(structuredClone(fixture.snapshot) as never);
    expect(restored).toEqual(reference.emulator.snapshot());
    expect(restored.services.cloudwatch).toEqual(fixture.snapshot.metrics);

    await p.save(b.emulator);
    expect((storage.state as StoredState).format).toBe(PERSISTENCE_FORMAT);
    expect([...storage.chunks.keys()].every((k) => k.startsWith('kinesis|') || k.startsWith('~batch|'))).toBe(true);
    const again = await new Persister(storage, () => clock.now()).load();
    const c = emulatorAt(clock);
    if (again.kind === 'restored') c.emulator.restore(again.snapshot);
    expect(c.emulator.snapshot()).toEqual(restored);

    expect(everything(b.emulator)).toEqual(expected);
    expect(b.call('ListTagsForStream', { StreamName: 's' }).Tags).toEqual([{ Key: 'team', Value: 'data' }]);
  });

  it('reads a format-1 save whose shards carry no region: us-east-1, or the one stream of another region of that name', async () => {
    const storage = format1();
    // The layout before regions: shard and chunk keys `stream|createdAt|shardIndex`, no region field.
    const saved = storage.state as { shards: Array<{ key: string; region?: string }> };
    saved.shards = saved.shards.map(({ region, ...sh }) => ({ ...sh, key: sh.key.slice(`${region}|`.length) }));
    storage.chunks = new Map([...storage.chunks].map(([k, c]) => [k.slice(k.indexOf('|') + 1), c]));
    expect([...storage.chunks.keys()]).toContain(`demo|${T0}|0|0000000000`);
    const clock = new VirtualClock(fixture.now);
    const loaded = await new Persister(storage, () => clock.now()).load();
    expect(loaded).toMatchObject({ kind: 'restored', records: 20 });
    const b = emulatorAt(clock);
    if (loaded.kind === 'restored') b.emulator.restore(loaded.snapshot);
    expect(everything(b.emulator)).toEqual(expected);
  });

  it('ignores a save of an unknown format or emulator version, says why, and replaces it on the next save', async () => {
    const h = setup();
    h.putMany(2);
    await h.persister.save(h.emulator);
    const saved = h.storage.state as StoredState;

    h.storage.state = { ...saved, format: 99 };
    const p = new Persister(h.storage);
    expect(await p.load()).toEqual({ kind: 'ignored', reason: `it was saved in storage format 99, this console reads format ${PERSISTENCE_FORMAT}` });
    h.storage.state = { ...saved, snapshot: { ...saved.snapshot, version: 7 } };
    expect(await p.load()).toEqual({ kind: 'ignored', reason: 'it holds emulator state version 7, this console reads version 2' });
    h.storage.state = 'garbage';
    expect(await p.load()).toMatchObject({ kind: 'ignored' });
    h.storage.state = saved;
    const batch = h.storage.chunks.get(batchKey(0));
    h.storage.chunks.delete(batchKey(0));
    expect(await p.load()).toEqual({ kind: 'ignored', reason: 'a batch of saved data is missing' });
    h.storage.chunks.set(batchKey(0), batch);
    h.storage.state = { ...saved, collections: saved.collections.map((c) => ({ ...c, chunks: [0] })) };
    expect(await p.load()).toEqual({ kind: 'ignored', reason: 'a chunk of kinesis data is missing' });

    // The next save starts from a clean chunk store.
    h.storage.chunks.set('stale|1|0|0000000000', { counter: [], at: [], data: [], partitionKey: [], size: [] });
    await p.save(emulatorAt(h.clock).emulator);
    expect(h.storage.chunks.size).toBe(0);
  });

  it('clear() deletes the save', async () => {
    const h = setup();
    h.putMany(2);
    await h.persister.save(h.emulator);
    await h.persister.clear();
    expect(await new Persister(h.storage).load()).toEqual({ kind: 'empty' });
  });
});

describe('SaveScheduler', () => {
  const make = () => {
    const timers = new FakeTimers();
    const runs: number[] = [];
    let release: (() => void) | undefined;
    let block = false;
    const scheduler = new SaveScheduler(
      () => {
        runs.push(timers.now() - T0);
        return block ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      timers,
      300,
      1000,
    );
    return { timers, runs, scheduler, setBlock: (b: boolean) => (block = b), release: () => release?.() };
  };

  it('runs once things are quiet', async () => {
    const s = make();
    s.scheduler.poke();
    await s.timers.advance(100);
    s.scheduler.poke();
    expect(s.scheduler.pending).toBe(true);
    await s.timers.advance(299);
    expect(s.runs).toEqual([]);
    await s.timers.advance(1);
    expect(s.runs).toEqual([400]);
    expect(s.scheduler.pending).toBe(false);
  });

  it('runs at least once a second under a steady stream of changes', async () => {
    const s = make();
    for (let i = 0; i < 25; i++) {
      s.scheduler.poke();
      await s.timers.advance(100);
    }
    expect(s.runs).toEqual([1000, 2000]);
  });

  it('never runs twice at once; changes during a run schedule the next', async () => {
    const s = make();
    s.setBlock(true);
    s.scheduler.poke();
    await s.timers.advance(300);
    s.scheduler.poke();
    await s.timers.advance(2000);
    expect(s.runs).toEqual([300]);
    s.setBlock(false);
    s.release();
    await new Promise((r) => setTimeout(r, 0));
    await s.timers.advance(0);
    // The change waited longer than a second already: the next run starts at once.
    expect(s.runs).toEqual([300, 2300]);
  });

  it('flush() runs at once and cancel() forgets', async () => {
    const s = make();
    s.scheduler.poke();
    await s.scheduler.flush();
    expect(s.runs).toEqual([0]);
    s.scheduler.poke();
    s.scheduler.cancel();
    await s.timers.advance(5000);
    expect(s.runs).toEqual([0]);
    expect(s.timers.armed).toEqual([]);
  });
});

describe('EmulatorHost with storage', () => {
  const request = kinesisRequest;

  const boot = (storage: MemoryStorage, timers = new FakeTimers(), base = new VirtualClock(T0)) => {
    const host = new EmulatorHost({ clock: new ScaledClock(base), storage, timers, options: { stateDelayMs: 0 } });
    const call = async (op: string, body: unknown) => {
      const reply = await host.answer({ cmd: WorkerCommand.Http, id: 1, request: request(op, body) });
      if (!reply.ok) throw new Error(reply.error);
      const out = reply.response.body;
      const text = typeof out === 'string' ? out : decodeUtf8(out);
      return text ? JSON.parse(text) : {};
    };
    return { host, call, timers, base };
  };

  it('restores before answering the first request, and saves each change before answering it', async () => {
    const storage = new MemoryStorage();
    const a = boot(storage);
    await a.call('CreateStream', { StreamName: 's', ShardCount: 2 });
    expect(storage.commits).toBe(1);
    const { SequenceNumber } = await a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('kept') });
    expect(storage.commits).toBe(2);
    await a.timers.advance(5000);
    const saves = storage.commits;
    // Reads do not cause saves.
    await a.call('DescribeStreamSummary', { StreamName: 's' });
    await a.timers.advance(5000);
    expect(storage.commits).toBe(saves);
    expect(await a.host.storage()).toMatchObject({ persistence: 'indexeddb', streams: 1, shards: 2, records: 1, recordBytes: 5, pending: false });
    // Nothing was restored at its start: the storage was empty.
    expect((await a.host.storage()).restored).toBeUndefined();

    const b = boot(storage);
    // No await on ready: the request itself waits for the restore.
    const summary = await b.call('DescribeStreamSummary', { StreamName: 's' });
    expect(summary.StreamDescriptionSummary).toMatchObject({ StreamStatus: 'ACTIVE', OpenShardCount: 2 });
    const shards = (await b.call('ListShards', { StreamName: 's' })).Shards;
    const it = await Promise.all(
      shards.map((sh: { ShardId: string }) => b.call('GetShardIterator', { StreamName: 's', ShardId: sh.ShardId, ShardIteratorType: 'TRIM_HORIZON' })),
    );
    const records = (await Promise.all(it.map((i) => b.call('GetRecords', i)))).flatMap((r) => r.Records);
    expect(records).toEqual([expect.objectContaining({ SequenceNumber, Data: b64('kept'), PartitionKey: 'k' })]);
    // The Storage dialog says what the start restored, and how long it took.
    expect((await b.host.storage()).restored).toEqual({ records: 1, ms: expect.any(Number) });
  });

  it("saves a consumer application's checkpoints when its workers move them (no request needed), and resumes from them after a reload", async () => {
    const storage = new MemoryStorage();
    const a = boot(storage);
    const { StreamDescription } = await a.call('CreateStream', { StreamName: 's', ShardCount: 1 }).then(() => a.call('DescribeStream', { StreamName: 's' }));
    const arn = StreamDescription.StreamARN as string;
    await a.host.createConsumerApplication({ streamARN: arn, name: 'app', initialPosition: 'TRIM_HORIZON', workers: 1 });
    await a.timers.advance(300);
    const { SequenceNumber } = await a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('one') });
    await a.timers.advance(300);
    const saved = storage.commits;
    // A second later the worker reads the shard and checkpoints; the host saves that with no request.
    a.base.advance(1000);
    await a.timers.advance(1000);
    await a.timers.advance(300);
    expect(storage.commits).toBe(saved + 1);
    const lease = (await a.host.consumerApplications(arn))[0].leases[0];
    expect(lease).toMatchObject({ processed: 1, checkpoint: { sequenceNumber: SequenceNumber } });

    const b = boot(storage);
    const back = (await b.host.consumerApplications(arn))[0];
    expect(back.leases[0]).toMatchObject({ processed: 1, checkpoint: { sequenceNumber: SequenceNumber }, state: 'processing' });
    expect(back.workers).toEqual([{ id: 'worker-1', running: true, leases: 1 }]);
  });

  it('carries the clock on: a skip ahead and the speed survive, time never runs backwards', async () => {
    const storage = new MemoryStorage();
    const a = boot(storage);
    a.host.skip(60_000);
    a.host.setSpeed(10);
    await a.host.flush();
    const saved = a.host.clock().now;
    expect(saved).toBe(T0 + 60_000);
    // Reloaded 5 s (wall time) later.
    const timers = new FakeTimers();
    timers.t = T0 + 5000;
    const b = boot(storage, timers, new VirtualClock(T0 + 5000));
    await b.host.ready;
    expect(b.host.clock()).toEqual({ now: T0 + 65_000, speed: 10 });
  });

  it('reset deletes the state and the save', async () => {
    const storage = new MemoryStorage();
    const a = boot(storage);
    await a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    await a.host.flush();
    await a.host.reset();
    expect(storage.state).toBeUndefined();
    expect((await a.call('ListStreams', {})).StreamNames).toEqual([]);
    const b = boot(storage);
    expect((await b.call('ListStreams', {})).StreamNames).toEqual([]);
  });

  it('keeps records under the cap, the oldest first, tells the user once, and remembers the cap', async () => {
    const storage = new MemoryStorage();
    const a = boot(storage);
    expect((await a.host.storage()).maxRecordBytes).toBe(DEFAULT_RECORD_CAP);
    await expect(a.host.setRecordCap(1000)).rejects.toThrow('The cap must be at least 1 MiB');
    await a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    const data = b64('x'.repeat(100_000));
    for (let i = 0; i < 15; i++) {
      await a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: data });
      a.base.advance(1000);
    }
    const status = await a.host.setRecordCap(1024 * 1024);
    // 15 records of 100,001 bytes over 1 MiB: down to 90% of it, 9 records.
    expect(status).toMatchObject({ records: 9, recordBytes: 900_009, maxRecordBytes: 1_048_576, trimmedRecords: 6 });
    expect(status.notices).toEqual([
      {
        id: 1,
        type: 'warning',
        text: 'The emulator holds more than its cap of 1 MiB of stored data: the oldest items went, 6 Kinesis records (585.9 KiB), as retention would drop them (Firehose buffers are kept until delivered). Change the cap under Clock > Emulator storage.',
      },
    ]);
    expect(status.services.kinesis).toEqual({ records: 9, bytes: 900_009, counts: { streams: 1, shards: 1 }, trimmed: 6 });
    expect(storage.settings).toEqual({ maxRecordBytes: 1_048_576 });
    const b = boot(storage);
    expect(await b.host.storage()).toMatchObject({ maxRecordBytes: 1_048_576, records: 9 });
  });

  it('counts S3 objects against the cap, per service, and says in words when objects go', async () => {
    const a = boot(new MemoryStorage());
    await a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    const s3 = a.host.emulator.exports<S3Exports>('s3');
    s3.service.store.createBucket('out', 'us-east-1');
    s3.putObject('out', 'old', new Uint8Array(600_000));
    a.base.advance(1000);
    await a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('x'.repeat(599_999)) });
    const status = await a.host.setRecordCap(1024 * 1024);
    // 1,200,000 bytes over 1 MiB: the object is older than the record, so it goes alone.
    expect(status).toMatchObject({ records: 1, recordBytes: 600_000, trimmedRecords: 1 });
    expect(status.services.s3).toEqual({ records: 0, bytes: 0, counts: { buckets: 1, objects: 0 }, trimmed: 1 });
    expect(status.services.kinesis).toMatchObject({ records: 1, bytes: 600_000, trimmed: 0 });
    expect(status.notices.map((n) => n.text)).toEqual([
      'The emulator holds more than its cap of 1 MiB of stored data: the oldest items went, 1 S3 object (585.9 KiB), as retention would drop them (Firehose buffers are kept until delivered). Change the cap under Clock > Emulator storage.',
    ]);
  });

  it('ignores a save it cannot read with a notice, and starts empty', async () => {
    const storage = new MemoryStorage();
    storage.state = { format: 42 };
    const b = boot(storage);
    expect((await b.call('ListStreams', {})).StreamNames).toEqual([]);
    expect((await b.host.storage()).notices).toEqual([
      {
        id: 1,
        type: 'warning',
        text: `A saved emulator state was found but not restored (it was saved in storage format 42, this console reads format ${PERSISTENCE_FORMAT}). The emulator starts empty; the next change replaces the old save.`,
      },
    ]);
  });

  it('runs in memory when the storage cannot be read, and says so', async () => {
    const storage = new MemoryStorage();
    storage.load = () => Promise.reject(new Error('QuotaExceededError'));
    const b = boot(storage);
    await b.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    const status = await b.host.storage();
    expect(status).toMatchObject({ persistence: 'memory', reason: 'the browser storage could not be read: QuotaExceededError', streams: 0 });
    expect(status.notices[0].text).toBe(
      "The emulator cannot use this browser's storage (QuotaExceededError); it runs in memory only and forgets everything on reload.",
    );
  });

  it("runs the modules' timed work on the emulator's clock: a stream turns ACTIVE on time without a request, at 60x too", async () => {
    const timers = new FakeTimers();
    const host = new EmulatorHost({ clock: new ScaledClock({ now: () => epochMillis(timers.now()) }), timers, options: { stateDelayMs: 60_000 } });
    await host.ready;
    host.setSpeed(60);
    const created = await host.answer({ cmd: WorkerCommand.Http, id: 1, request: request('CreateStream', { StreamName: 's', ShardCount: 1 }) });
    expect(created.ok).toBe(true);
    const raw = () => [...host.emulator.kinesis.store.streams.values()][0].StreamStatus;
    await timers.advance(999);
    expect(raw()).toBe('CREATING');
    // 60 emulated seconds are one second of wall time at 60x.
    await timers.advance(1);
    expect(raw()).toBe('ACTIVE');
  });

  it('reports a module that fails in its timed work, once, and keeps the others running', async () => {
    const broken: ModuleFactory = {
      name: 'broken',
      create: () => ({
        name: 'broken',
        service: { kind: 'json', targetPrefix: 'Broken', jsonVersion: '1.1', hasOperation: () => false, call: () => undefined },
        operations: {},
        exports: {},
        snapshot: () => ({ version: 1 }),
        restore: () => {},
        advance: () => {
          throw new Error('disk on fire');
        },
      }),
    };
    const timers = new FakeTimers();
    const host = new EmulatorHost({ clock: new ScaledClock({ now: () => epochMillis(timers.now()) }), timers, options: { stateDelayMs: 500 }, modules: [...serviceModules, broken] });
    await host.answer({ cmd: WorkerCommand.Http, id: 1, request: request('CreateStream', { StreamName: 's', ShardCount: 1 }) });
    await timers.advance(5000);
    expect([...host.emulator.kinesis.store.streams.values()][0].StreamStatus).toBe('ACTIVE');
    expect((await host.storage()).notices).toEqual([
      { id: 1, type: 'warning', text: 'The emulated broken service failed in its timed work (disk on fire); it is tried again in a second.' },
    ]);
    // Retried a second of emulated time after each failure.
    expect(timers.armed).toHaveLength(1);
    expect(timers.armed[0]).toBeLessThanOrEqual(1000);
  });

  it('without storage runs in memory and says why', async () => {
    const host = new EmulatorHost();
    expect(await host.storage()).toMatchObject({ persistence: 'memory', reason: 'this browser offers no IndexedDB here' });
  });
});
