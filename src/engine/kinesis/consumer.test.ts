import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { SeededRng } from '../common/rng';
import { Emulator } from '../emulator';
import { SHARD_READ_BYTES, SHARD_READ_CALLS } from './actions/getRecords';
import type { KinesisExports } from './module';

const T0 = Date.UTC(2026, 0, 1);
const b64 = (s: string) => Buffer.from(s).toString('base64');
const text = (r: { data: string }) => Buffer.from(r.data, 'base64').toString();
const LOW = '0';
const HIGH = String((1n << 128n) - 1n);

const make = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 500 } });
  const call = (op: string, input: Record<string, unknown> = {}): any => emulator.kinesis.call(op, structuredClone(input), { region: 'us-east-1', requestId: 'r' });
  const { consumer } = emulator.exports<KinesisExports>('kinesis');
  const put = (data: string, hash = LOW) => call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64(data), ExplicitHashKey: hash }).SequenceNumber as string;
  const sum = (metric: string) =>
    emulator.metrics.get('AWS/Kinesis', metric, [{ Name: 'StreamName', Value: 's' }], 'us-east-1')?.buckets.reduce((n, b) => n + b.sum, 0) ?? 0;
  call('CreateStream', { StreamName: 's', ShardCount: 1 });
  clock.advance(500);
  return { clock, emulator, call, consumer, put, sum };
};

describe('Kinesis consumer (for other services)', () => {
  it('reads a shard from TRIM_HORIZON, LATEST, AT_TIMESTAMP and after a sequence number, up to N records', () => {
    const h = make();
    const seqs = ['a', 'b', 'c'].map((d) => {
      const s = h.put(d);
      h.clock.advance(1000);
      return s;
    });
    const read = (type: Parameters<typeof h.consumer.position>[3], limit = 10) => {
      // Within 5 reads a second.
      h.clock.advance(250);
      const r = h.consumer.readShard('us-east-1', 's', h.consumer.position('us-east-1', 's', 'shardId-000000000000', type), limit);
      return r.throttled ? 'throttled' : r.records.map(text);
    };
    expect(read({ type: 'TRIM_HORIZON' })).toEqual(['a', 'b', 'c']);
    expect(read({ type: 'TRIM_HORIZON' }, 2)).toEqual(['a', 'b']);
    expect(read({ type: 'LATEST' })).toEqual([]);
    expect(read({ type: 'AT_TIMESTAMP', timestamp: T0 + 1500 })).toEqual(['b', 'c']);
    expect(read({ type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: seqs[0] })).toEqual(['b', 'c']);
    expect(read({ type: 'AT_SEQUENCE_NUMBER', sequenceNumber: seqs[2] })).toEqual(['c']);
  });

  it('hands back the position after the last record, and LATEST sees only what came after it', () => {
    const h = make();
    h.put('before');
    const latest = h.consumer.position('us-east-1', 's', 'shardId-000000000000', { type: 'LATEST' });
    h.put('after 1');
    const first = h.consumer.readShard('us-east-1', 's', latest, 10);
    h.put('after 2');
    if (first.throttled) throw new Error('throttled');
    expect(first.records.map(text)).toEqual(['after 1']);
    const second = h.consumer.readShard('us-east-1', 's', first.position, 10);
    expect(!second.throttled && second.records.map((r) => [text(r), r.shardId, r.arrivalTime])).toEqual([['after 2', 'shardId-000000000000', T0 + 500]]);
  });

  it('counts in the stream GetRecords metrics, as a GetRecords call does', () => {
    const h = make();
    h.put('12345');
    h.clock.advance(2000);
    const r = h.consumer.readShard('us-east-1', 's', h.consumer.position('us-east-1', 's', 'shardId-000000000000', { type: 'TRIM_HORIZON' }), 10);
    expect(r.throttled).toBe(false);
    expect([h.sum('GetRecords.Records'), h.sum('GetRecords.Bytes'), h.sum('GetRecords.Success'), h.sum('GetRecords.IteratorAgeMilliseconds')]).toEqual([1, 6, 1, 2000]);
  });

  it('is held to 5 reads a second per shard and 2 MiB/s, and says so in its result instead of throwing', () => {
    const h = make();
    const start = h.consumer.position('us-east-1', 's', 'shardId-000000000000', { type: 'TRIM_HORIZON' });
    const results = Array.from({ length: SHARD_READ_CALLS + 1 }, () => h.consumer.readShard('us-east-1', 's', start, 10).throttled);
    expect(results).toEqual([false, false, false, false, false, true]);
    expect(h.sum('ReadProvisionedThroughputExceeded')).toBe(1);
    // 3 MiB (1 MiB a second, the write limit) read at once overdraws the 2 MiB/s allowance by 1 MiB.
    for (let i = 0; i < 3; i++) {
      h.clock.advance(1000);
      h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: Buffer.alloc(1_048_575).toString('base64') });
    }
    h.clock.advance(1000);
    const big = h.consumer.readShard('us-east-1', 's', start, 10);
    expect(!big.throttled && big.records.length).toBe(3);
    expect(h.consumer.readShard('us-east-1', 's', start, 1).throttled).toBe(true);
    // Paid back at 2 MiB/s: half a second.
    h.clock.advance(((3 * 1_048_576 - SHARD_READ_BYTES) / SHARD_READ_BYTES) * 1000 + 1);
    expect(h.consumer.readShard('us-east-1', 's', start, 1).throttled).toBe(false);
  });

  it('lists every shard, closed ones included', () => {
    const h = make();
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 127n) });
    h.clock.advance(500);
    expect(h.consumer.listShards('us-east-1', 's').map((s) => [s.shardId, s.open, s.parentShardId])).toEqual([
      ['shardId-000000000000', false, undefined],
      ['shardId-000000000001', true, 'shardId-000000000000'],
      ['shardId-000000000002', true, 'shardId-000000000000'],
    ]);
  });

  it("follows resharding: a shard's children are read only after the shard is read to its end", () => {
    const h = make();
    const reader = h.consumer.reader('us-east-1', 's', { type: 'TRIM_HORIZON' });
    h.put('p1');
    h.put('p2');
    h.put('p3');
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 127n) });
    h.clock.advance(500);
    h.put('low child', LOW);
    h.put('high child', HIGH);
    const texts = (limit: number) => reader.read(limit).records.map((r) => `${r.shardId.slice(-1)}:${text(r)}`);
    // The parent first, in two reads: the children wait though they hold records.
    expect(texts(2)).toEqual(['0:p1', '0:p2']);
    expect(texts(10)).toEqual(['0:p3']);
    h.clock.advance(1000);
    expect(texts(10).sort()).toEqual(['1:low child', '2:high child']);
    expect(reader.checkpoint().shards['shardId-000000000000']).toBe('done');
    // A reader made from the checkpoint carries on where this one is.
    h.put('later', HIGH);
    h.clock.advance(1000);
    const again = h.consumer.reader('us-east-1', 's', { type: 'TRIM_HORIZON' }, reader.checkpoint());
    expect(again.read(10).records.map(text)).toEqual(['later']);
  });

  it('from LATEST starts at the open shards and reads children from their start', () => {
    const h = make();
    h.put('old');
    const reader = h.consumer.reader('us-east-1', 's', { type: 'LATEST' });
    expect(reader.read(10).records).toEqual([]);
    h.put('new');
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 127n) });
    h.clock.advance(500);
    h.put('child', HIGH);
    expect(reader.read(10).records.map(text)).toEqual(['new']);
    expect(reader.read(10).records.map(text)).toEqual(['child']);
  });

  it('reports a throttled shard and reads it next time', () => {
    const h = make();
    h.put('x');
    const reader = h.consumer.reader('us-east-1', 's', { type: 'TRIM_HORIZON' });
    const start = h.consumer.position('us-east-1', 's', 'shardId-000000000000', { type: 'LATEST' });
    for (let i = 0; i < SHARD_READ_CALLS; i++) h.consumer.readShard('us-east-1', 's', start, 1);
    expect(reader.read(10)).toMatchObject({ records: [], throttledShardIds: ['shardId-000000000000'] });
    h.clock.advance(1000);
    expect(reader.read(10).records.map(text)).toEqual(['x']);
  });
});
