import { describe, expect, it } from 'vitest';
import { ScaledClock, VirtualClock } from '../engine/common/clock';
import { decodeUtf8 } from '../engine/protocol/http';
import { EmulatorHost } from './host';
import { kinesisRequest } from './testing';
import { MemoryStorage, type StoredChunk, type StoredState } from './persistence';
import { WorkerCommand } from './protocol';

// Acknowledged means durable: a crash (the host dropped with no final save) loses nothing that was answered.
const T0 = Date.UTC(2026, 0, 1);
const b64 = (s: string) => Buffer.from(s).toString('base64');

const request = kinesisRequest;

/** A storage whose commits wait for `release()` while held: a save in flight at the moment of a crash. */
class HeldStorage extends MemoryStorage {
  private gate?: Promise<void>;
  private open?: () => void;
  failNext?: Error;
  hold() {
    this.gate = new Promise((r) => (this.open = r));
  }
  release() {
    this.open?.();
    this.gate = undefined;
  }
  override async commit(state: StoredState, put: Map<string, StoredChunk>, remove: string[], clearChunks: boolean) {
    if (this.gate) await this.gate;
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = undefined;
      throw e;
    }
    return super.commit(state, put, remove, clearChunks);
  }
  /** What is on disk now: what a new page finds after the crash. */
  disk(): MemoryStorage {
    const copy = new MemoryStorage();
    copy.state = structuredClone(this.state);
    copy.chunks = structuredClone(this.chunks);
    copy.settings = this.settings && { ...this.settings };
    return copy;
  }
}

const boot = (storage: MemoryStorage) => {
  const host = new EmulatorHost({ clock: new ScaledClock(new VirtualClock(T0)), storage, options: { stateDelayMs: 0, enforceThroughput: false } });
  const raw = (op: string, body: unknown) => host.answer({ cmd: WorkerCommand.Http, id: 1, request: request(op, body) });
  const call = async (op: string, body: unknown) => {
    const reply = await raw(op, body);
    if (!reply.ok) throw new Error(reply.error);
    const text = typeof reply.response.body === 'string' ? reply.response.body : decodeUtf8(reply.response.body);
    return { status: reply.response.statusCode, body: text ? JSON.parse(text) : {} };
  };
  /** The record at this sequence number, or undefined. */
  const read = async (shardId: string, seq: string) => {
    const it = await call('GetShardIterator', { StreamName: 's', ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: seq });
    const got = await call('GetRecords', { ShardIterator: it.body.ShardIterator, Limit: 1 });
    const r = got.body.Records?.[0];
    return r?.SequenceNumber === seq ? r : undefined;
  };
  const count = async () => {
    let n = 0;
    for (const { ShardId } of (await call('ListShards', { StreamName: 's' })).body.Shards) {
      const it = await call('GetShardIterator', { StreamName: 's', ShardId, ShardIteratorType: 'TRIM_HORIZON' });
      n += (await call('GetRecords', { ShardIterator: it.body.ShardIterator })).body.Records.length;
    }
    return n;
  };
  return { host, call, read, count };
};

const putBatch = (i: number, n = 5) => ({
  StreamName: 's',
  Records: Array.from({ length: n }, (_, j) => ({ PartitionKey: `k${i}-${j}`, Data: b64(`record ${i}-${j}`) })),
});

describe('acknowledged means durable', () => {
  it('answers a write only once it is saved: after a crash every acknowledged record is read back by its sequence number', async () => {
    const storage = new MemoryStorage();
    const a = boot(storage);
    await a.call('CreateStream', { StreamName: 's', ShardCount: 2 });
    const acked: { shard: string; seq: string; data: string; key: string }[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const { body } = await a.call('PutRecords', putBatch(i));
        body.Records.forEach((r: { ShardId: string; SequenceNumber: string }, j: number) =>
          acked.push({ shard: r.ShardId, seq: r.SequenceNumber, key: `k${i}-${j}`, data: b64(`record ${i}-${j}`) }),
        );
      }),
    );
    // The crash: this host is gone without a flush; a new page restores from what was committed.
    const b = boot(storage);
    expect(acked).toHaveLength(100);
    for (const r of acked) expect(await b.read(r.shard, r.seq)).toMatchObject({ SequenceNumber: r.seq, PartitionKey: r.key, Data: r.data });
  });

  it('shares one save among concurrent writers: 20 PutRecords calls cost far fewer than 20 saves', async () => {
    const storage = new MemoryStorage();
    const a = boot(storage);
    await a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    const before = storage.commits;
    await Promise.all(Array.from({ length: 20 }, (_, i) => a.call('PutRecords', putBatch(i))));
    expect(storage.commits - before).toBeLessThanOrEqual(3);
  });

  it('keeps a write not yet acknowledged whole or not at all: absent when its save had not committed, whole when it had', async () => {
    const storage = new HeldStorage();
    const a = boot(storage);
    await a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    storage.hold();
    let answered = false;
    const pending = a.call('PutRecords', putBatch(1, 50)).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe(false);
    // Crash now: the save is in flight; the disk holds the stream and none of the 50 records.
    expect(await boot(storage.disk()).count()).toBe(0);
    // Crash after the save committed but before the answer went out: all 50 are there.
    storage.release();
    await pending;
    expect(await boot(storage.disk()).count()).toBe(50);
  });

  it('answers a write whose save failed with a retryable 500 InternalFailure (the SDK sends it again) and says so', async () => {
    const storage = new HeldStorage();
    const a = boot(storage);
    await a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    storage.failNext = new Error('QuotaExceededError');
    const failed = await a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('x') });
    expect(failed).toEqual({
      status: 500,
      body: { __type: 'InternalFailure', message: "The change could not be saved in this browser's storage (QuotaExceededError); send the request again." },
    });
    expect((await a.host.storage()).notices.map((n) => n.text)).toEqual([
      'The emulator state could not be saved (QuotaExceededError). It is still here until you reload; a lower cap may help.',
    ]);

  });

  it('answers reads at once, even while a save is in flight', async () => {
    const storage = new HeldStorage();
    const a = boot(storage);
    await a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    storage.hold();
    void a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('x') });
    expect((await a.call('DescribeStreamSummary', { StreamName: 's' })).status).toBe(200);
    storage.release();
  });

  it('without storage answers writes at once', async () => {
    const host = new EmulatorHost({ clock: new ScaledClock(new VirtualClock(T0)), options: { stateDelayMs: 0 } });
    const reply = await host.answer({ cmd: WorkerCommand.Http, id: 1, request: request('CreateStream', { StreamName: 's', ShardCount: 1 }) });
    expect(reply).toMatchObject({ ok: true, response: { statusCode: 200 } });
  });
});
