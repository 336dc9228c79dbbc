import { describe, expect, it } from 'vitest';
import { VirtualClock } from './common/clock';
import { AwsError } from './common/errors';
import { SeededRng } from './common/rng';
import { Emulator, SnapshotVersionError, type EmulatorSnapshot } from './emulator';

const T0 = Date.UTC(2026, 0, 1);
const rc = { region: 'us-east-1', requestId: 'r' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

const make = (at = T0) => {
  const clock = new VirtualClock(at);
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 500 } });
  const call = (op: string, input: Record<string, unknown> = {}): any => emulator.kinesis.call(op, structuredClone(input), rc);
  const error = (op: string, input: Record<string, unknown>): string => {
    try {
      call(op, input);
    } catch (e) {
      if (e instanceof AwsError) return `${e.code}: ${e.message}`;
      throw e;
    }
    throw new Error(`${op} did not fail`);
  };
  return { clock, emulator, call, error };
};

const put = (h: ReturnType<typeof make>, key: string, data: string, hash: string): string =>
  h.call('PutRecord', { StreamName: 's', PartitionKey: key, Data: b64(data), ExplicitHashKey: hash }).SequenceNumber;

/** A stream resharded once, records in old and new shards, and a shard iterator handed out. */
const busy = () => {
  const a = make();
  a.call('CreateStream', { StreamName: 's', ShardCount: 2 });
  a.clock.advance(500);
  const first = put(a, 'k0', 'before split', '0');
  a.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 126n) });
  a.clock.advance(500);
  const child = put(a, 'k1', 'after split', '1');
  a.clock.advance(1000);
  const iterator = a.call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000002', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
  return { a, first, child, iterator };
};

const restoredFrom = (snapshot: EmulatorSnapshot, at: number) => {
  const b = make(at);
  b.emulator.restore(JSON.parse(JSON.stringify(snapshot)));
  return b;
};

describe('Emulator snapshot and restore', () => {
  it('carries streams, shards after resharding, records and metrics through JSON', () => {
    const { a, first, child } = busy();
    const b = restoredFrom(a.emulator.snapshot(), a.clock.now());
    expect(b.emulator.metrics.snapshot()).toEqual(a.emulator.metrics.snapshot());
    expect(b.emulator.metrics.snapshot().series.map((s) => s.name)).toContain('IncomingRecords');

    const shards = b.call('ListShards', { StreamName: 's' }).Shards;
    expect(shards).toEqual(a.call('ListShards', { StreamName: 's' }).Shards);
    expect(shards.map((s: { ShardId: string }) => s.ShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
      'shardId-000000000003',
    ]);
    expect(shards[0].SequenceNumberRange.EndingSequenceNumber).toBeDefined();
    expect(b.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('ACTIVE');

    const it0 = b.call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
    expect(b.call('GetRecords', it0).Records).toEqual([expect.objectContaining({ SequenceNumber: first, Data: b64('before split'), PartitionKey: 'k0' })]);
    const it2 = b.call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000002', ShardIteratorType: 'TRIM_HORIZON' });
    expect(b.call('GetRecords', it2).Records.map((r: { SequenceNumber: string }) => r.SequenceNumber)).toEqual([child]);
  });

  it('keeps sequence numbers increasing after a restore', () => {
    const { a, child } = busy();
    const b = restoredFrom(a.emulator.snapshot(), a.clock.now() + 10);
    const next = put(b, 'k2', 'after restore', '1');
    expect(next.length).toBe(child.length);
    expect(next > child).toBe(true);
  });

  it('accepts an iterator handed out before the snapshot while it is young, and expires it after 5 minutes', () => {
    const { a, child, iterator } = busy();
    const snapshot = a.emulator.snapshot();
    const b = restoredFrom(snapshot, a.clock.now() + 60_000);
    expect(b.call('GetRecords', { ShardIterator: iterator }).Records.map((r: { SequenceNumber: string }) => r.SequenceNumber)).toEqual([child]);

    const c = restoredFrom(snapshot, a.clock.now() + 300_001);
    expect(c.error('GetRecords', { ShardIterator: iterator })).toBe(
      'ExpiredIteratorException: Iterator expired. The iterator was created at time Thu Jan 01 00:00:02 UTC 2026 while right now it is Thu Jan 01 00:05:02 UTC 2026 which is further in the future than the tolerated delay of 300000 milliseconds.',
    );
  });

  it('is a copy: changes after the snapshot do not reach it', () => {
    const { a } = busy();
    const snapshot = a.emulator.snapshot();
    a.call('DeleteStream', { StreamName: 's' });
    a.clock.advance(500);
    const b = restoredFrom(snapshot, a.clock.now());
    expect(b.call('ListStreams').StreamNames).toEqual(['s']);
  });

  it('refuses a snapshot of another version and keeps what it had', () => {
    const { a } = busy();
    const snapshot = a.emulator.snapshot();
    const bad = { ...snapshot, version: 3 } as unknown as EmulatorSnapshot;
    const b = make();
    b.call('CreateStream', { StreamName: 'mine', ShardCount: 1 });
    expect(() => b.emulator.restore(bad)).toThrow(SnapshotVersionError);
    expect(() => b.emulator.restore(bad)).toThrow('unsupported emulator snapshot version 3');
    expect(() => b.emulator.restore({ ...snapshot, services: { ...snapshot.services, kinesis: { version: 9 } } })).toThrow(
      'unsupported emulator snapshot version "kinesis 9"',
    );
    expect(() => b.emulator.restore({ ...snapshot, services: { ...snapshot.services, cloudwatch: { version: 2 } } })).toThrow(
      'unsupported emulator snapshot version "cloudwatch 2"',
    );
    expect(() => b.emulator.restore(null as never)).toThrow(SnapshotVersionError);
    expect(b.call('ListStreams').StreamNames).toEqual(['mine']);
  });

  it('saves durable fields only: no records, routing tables, hex ranges or throttle windows in the state', () => {
    const { a } = busy();
    const kinesis = a.emulator.snapshot().services.kinesis as { version: number; streams: Array<Record<string, unknown> & { Shards: Array<Record<string, unknown>> }> };
    expect(kinesis.version).toBe(3);
    const stream = kinesis.streams[0];
    for (const k of ['_open', '_openStarts', '_openStartWords', '_wSec', '_wBytes', '_wRecords']) expect(stream).not.toHaveProperty(k);
    for (const k of ['_log', '_startHex', '_endHex', '_wSec', '_wBytes', '_wRecords', '_rSec', '_rCalls', '_rTokens', '_rAt']) expect(stream.Shards[0]).not.toHaveProperty(k);
    expect(stream.Shards[0]).toMatchObject({ ShardId: 'shardId-000000000000', _counter: 1, _closedAt: T0 + 1000 });
  });

  it('hands out the state without bulk data plus the live collections, which together make the full snapshot', () => {
    const { a } = busy();
    const { snapshot, collections } = a.emulator.snapshotWithoutBulk();
    expect(snapshot.bulk).toEqual({});
    expect(collections.map((c) => [c.module, c.collection.key, c.collection.range()?.count ?? 0])).toEqual([
      ['kinesis', `us-east-1|s|${T0}|0`, 1],
      ['kinesis', `us-east-1|s|${T0}|1`, 0],
      ['kinesis', `us-east-1|s|${T0}|2`, 1],
      ['kinesis', `us-east-1|s|${T0}|3`, 0],
    ]);
    const full = a.emulator.snapshot();
    expect({ ...full, bulk: {} }).toEqual(snapshot);
    expect(Object.keys(full.bulk.kinesis)).toEqual([`us-east-1|s|${T0}|0`, `us-east-1|s|${T0}|2`]);
  });
});

describe('record usage and the cap', () => {
  const fill = () => {
    const h = make();
    h.call('CreateStream', { StreamName: 's', ShardCount: 2 });
    h.clock.advance(500);
    // 10 records of 10 bytes (9 data + 1 key), alternating shards, 1 s apart.
    for (let i = 0; i < 10; i++) {
      put(h, String(i), `record-${i}!`.slice(0, 9), i % 2 ? String(1n << 127n) : '0');
      h.clock.advance(1000);
    }
    return h;
  };

  it('counts live records as AWS sizes them (data + partition key)', () => {
    const h = fill();
    expect(h.emulator.recordUsage()).toMatchObject({ streams: 1, shards: 2, records: 10, bytes: 100 });
  });

  it('does nothing at or under the cap', () => {
    const h = fill();
    expect(h.emulator.trimRecordsToCap(100)).toMatchObject({ records: 0, bytes: 0, before: 0, services: {}, usage: { streams: 1, shards: 2, records: 10, bytes: 100 } });
    expect(h.emulator.recordUsage().records).toBe(10);
  });

  it('over the cap drops the oldest records across shards down to the low-water mark', () => {
    const h = fill();
    const trim = h.emulator.trimRecordsToCap(95, 60);
    expect(trim).toMatchObject({
      records: 4,
      bytes: 40,
      before: T0 + 500 + 3000 + 1,
      services: { kinesis: { records: 4, bytes: 40 } },
      usage: { streams: 1, shards: 2, records: 6, bytes: 60 },
    });
    expect(h.emulator.recordUsage()).toMatchObject({ streams: 1, shards: 2, records: 6, bytes: 60 });
    const read = (shard: string) =>
      h.call('GetRecords', h.call('GetShardIterator', { StreamName: 's', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' })).Records.map(
        (r: { PartitionKey: string }) => r.PartitionKey,
      );
    expect(read('shardId-000000000000')).toEqual(['4', '6', '8']);
    expect(read('shardId-000000000001')).toEqual(['5', '7', '9']);
  });

  it('can drop everything', () => {
    const h = fill();
    expect(h.emulator.trimRecordsToCap(0).records).toBe(10);
    expect(h.emulator.recordUsage().bytes).toBe(0);
  });
});
