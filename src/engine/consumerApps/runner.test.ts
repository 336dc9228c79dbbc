import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { AwsError } from '../common/errors';
import { SeededRng } from '../common/rng';
import { Emulator } from '../emulator';
import type { KinesisExports } from '../kinesis/module';
import type { ConsumerAppsExports } from './module';
import { LEASE_FAILOVER_MS, MAX_RECORDS_PER_READ, READ_INTERVAL_MS, type ConsumerApplicationView, type CreateConsumerApplicationInput } from './types';

const T0 = Date.UTC(2026, 0, 1);
const R = 'us-east-1';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const HALF = String(1n << 127n);
const HIGH = String((1n << 128n) - 1n);
const shard = (i: number) => `shardId-${String(i).padStart(12, '0')}`;

const make = (shards = 1) => {
  const clock = new VirtualClock(T0);
  let saves = 0;
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 500 }, hooks: { changed: () => saves++ } });
  const call = (op: string, input: Record<string, unknown> = {}): any => emulator.kinesis.call(op, structuredClone(input), { region: R, requestId: 'r' });
  const apps = () => emulator.exports<ConsumerAppsExports>('consumerApps').applications;
  const put = (data: string, hash = '0') => call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64(data), ExplicitHashKey: hash }).SequenceNumber as string;
  /** Runs the emulator's timed work at `now` (as the scheduler does). */
  const tick = (ms = READ_INTERVAL_MS) => {
    clock.advance(ms);
    emulator.advance(clock.now(), (m, e) => {
      throw new Error(`${m}: ${String(e)}`);
    });
  };
  const create = (input: Partial<CreateConsumerApplicationInput> = {}) =>
    apps().create({ region: R, streamName: 's', name: 'app', initialPosition: 'TRIM_HORIZON', ...input });
  const view = (): ConsumerApplicationView => apps().list(R, 's')[0];
  const lease = (id: string) => view().leases.find((l) => l.shardId === id)!;
  /** Uses up the shard's 5 GetRecords calls of the current second, as another application would. */
  const exhaustReads = (id: string) => {
    const { consumer } = emulator.exports<KinesisExports>('kinesis');
    const at = consumer.position(R, 's', id, { type: 'LATEST' });
    for (let i = 0; i < 5; i++) consumer.readShard(R, 's', at, 1);
  };
  call('CreateStream', { StreamName: 's', ShardCount: shards });
  clock.advance(500);
  return { clock, emulator, call, apps, put, tick, create, view, lease, exhaustReads, saves: () => saves };
};

describe('consumer applications (KCL-style lease tables)', () => {
  it('gives every shard a lease, processes its records, checkpoints the last sequence number, and lag falls to 0', () => {
    const h = make(2);
    const a = h.put('a', '0');
    const b = h.put('b', HIGH);
    h.create({ workers: 2 });
    expect(h.view().leases.map((l) => [l.shardId, l.state, l.checkpoint])).toEqual([
      [shard(0), 'processing', 'TRIM_HORIZON'],
      [shard(1), 'processing', 'TRIM_HORIZON'],
    ]);
    h.tick();
    expect(h.view().leases.map((l) => [l.processed, l.checkpoint, l.millisBehindLatest])).toEqual([
      [1, { sequenceNumber: a }, 0],
      [1, { sequenceNumber: b }, 0],
    ]);
    expect(h.lease(shard(0)).recent.map((r) => Buffer.from(r.data, 'base64').toString())).toEqual(['a']);
    expect(h.view().processed).toBe(2);
    expect(h.saves()).toBeGreaterThan(0);
  });

  it('reports MillisBehindLatest of the last read: behind while a read leaves records, 0 once caught up', () => {
    const h = make(1);
    // More records than one read takes, at 1,000 records/s (the shard's write limit).
    for (let n = 0; n <= MAX_RECORDS_PER_READ; n += 500) {
      const Records = Array.from({ length: Math.min(500, MAX_RECORDS_PER_READ + 1 - n) }, () => ({ PartitionKey: 'k', Data: b64('x') }));
      expect(h.call('PutRecords', { StreamName: 's', Records }).FailedRecordCount).toBe(0);
      h.clock.advance(500);
    }
    h.create({ workers: 1 });
    h.tick();
    expect(h.lease(shard(0)).processed).toBe(MAX_RECORDS_PER_READ);
    expect(h.lease(shard(0)).millisBehindLatest).toBeGreaterThan(0);
    h.tick();
    expect(h.lease(shard(0)).processed).toBe(MAX_RECORDS_PER_READ + 1);
    expect(h.lease(shard(0)).millisBehindLatest).toBe(0);
  });

  it('after a split, processes the children only once the parent reached SHARD_END and was checkpointed', () => {
    const h = make(1);
    h.put('p1');
    h.put('p2');
    h.call('SplitShard', { StreamName: 's', ShardToSplit: shard(0), NewStartingHashKey: HALF });
    h.clock.advance(500);
    h.put('c1', '0');
    h.put('c2', HIGH);
    h.create({ workers: 2 });
    expect(h.lease(shard(1))).toMatchObject({ state: 'waiting-for-parent', parents: [shard(0)], parentShardIds: [shard(0)] });
    expect(h.lease(shard(2))).toMatchObject({ state: 'waiting-for-parent', parents: [shard(0)] });

    // The parent's reads are used up by someone else this second: its children keep waiting.
    h.clock.advance(READ_INTERVAL_MS - (h.clock.now() % 1000));
    h.exhaustReads(shard(0));
    h.tick(0);
    expect(h.lease(shard(0))).toMatchObject({ state: 'processing', processed: 0, throttled: 1 });
    expect([h.lease(shard(1)).processed, h.lease(shard(2)).processed]).toEqual([0, 0]);
    expect(h.lease(shard(1)).state).toBe('waiting-for-parent');

    h.tick();
    expect(h.lease(shard(0))).toMatchObject({ state: 'shard-end', checkpoint: 'SHARD_END', processed: 2 });
    expect(h.lease(shard(0)).owner).toBeUndefined();
    expect(h.lease(shard(1))).toMatchObject({ state: 'processing', processed: 1 });
    expect(h.lease(shard(2))).toMatchObject({ state: 'processing', processed: 1 });
  });

  it('after a merge, a child waits for both parents', () => {
    const h = make(2);
    h.put('left', '0');
    h.put('right', HIGH);
    h.call('MergeShards', { StreamName: 's', ShardToMerge: shard(0), AdjacentShardToMerge: shard(1) });
    h.clock.advance(500);
    h.put('merged');
    h.create({ workers: 1 });
    expect(h.lease(shard(2))).toMatchObject({ state: 'waiting-for-parent', parents: [shard(0), shard(1)] });
    h.clock.advance(READ_INTERVAL_MS - (h.clock.now() % 1000));
    h.exhaustReads(shard(1));
    h.tick(0);
    expect(h.lease(shard(0)).state).toBe('shard-end');
    expect(h.lease(shard(2))).toMatchObject({ state: 'waiting-for-parent', parents: [shard(1)], processed: 0 });
    h.tick();
    expect(h.view().leases.map((l) => [l.state, l.processed])).toEqual([
      ['shard-end', 1],
      ['shard-end', 1],
      ['processing', 1],
    ]);
  });

  it('a reshard while the application runs: the new children join the table and wait for their parent', () => {
    const h = make(1);
    h.create({ workers: 1 });
    h.put('before');
    h.tick();
    h.call('SplitShard', { StreamName: 's', ShardToSplit: shard(0), NewStartingHashKey: HALF });
    h.clock.advance(500);
    h.put('after', HIGH);
    h.apps().setWorkerRunning(R, 'app', 'worker-1', false);
    h.tick();
    expect(h.lease(shard(2))).toMatchObject({ state: 'waiting-for-parent', checkpoint: 'TRIM_HORIZON' });
    h.apps().setWorkerRunning(R, 'app', 'worker-1', true);
    h.tick();
    expect(h.view().leases.map((l) => [l.shardId, l.state, l.processed])).toEqual([
      [shard(0), 'shard-end', 1],
      [shard(1), 'processing', 0],
      [shard(2), 'processing', 1],
    ]);
  });

  it('resumes from its checkpoints after a restore, without processing a record twice', () => {
    const h = make(1);
    h.put('one');
    h.create({ workers: 1 });
    h.tick();
    const saved = h.emulator.snapshot();
    const back = new Emulator({ clock: h.clock, rng: new SeededRng(2), options: { stateDelayMs: 500 } });
    back.restore(saved);
    back.kinesis.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('two') }, { region: R, requestId: 'r' });
    h.clock.advance(READ_INTERVAL_MS);
    back.advance(h.clock.now(), () => {});
    const l = back.exports<ConsumerAppsExports>('consumerApps').applications.list(R, 's')[0].leases[0];
    expect(l.processed).toBe(2);
    expect(l.recent.map((r) => Buffer.from(r.data, 'base64').toString())).toEqual(['one', 'two']);
  });

  it('balances leases across running workers; a stopped worker keeps its leases until they expire', () => {
    const h = make(4);
    h.create({ workers: 3 });
    const owners = () => Object.fromEntries(h.view().workers.map((w) => [w.id, w.leases]));
    expect(owners()).toEqual({ 'worker-1': 2, 'worker-2': 1, 'worker-3': 1 });
    const held = h.view().leases.filter((l) => l.owner === 'worker-1');

    h.apps().setWorkerRunning(R, 'app', 'worker-1', false);
    h.tick(LEASE_FAILOVER_MS - 1000);
    for (const l of held) expect(h.lease(l.shardId)).toMatchObject({ state: 'unassigned', heldBy: 'worker-1', owner: 'worker-1' });
    h.tick(1000);
    expect(owners()).toEqual({ 'worker-1': 0, 'worker-2': 2, 'worker-3': 2 });
    for (const l of held) expect(h.lease(l.shardId)).toMatchObject({ state: 'processing', leaseCounter: l.leaseCounter + 1 });

    h.apps().setWorkerRunning(R, 'app', 'worker-1', true);
    expect(Object.values(owners()).sort()).toEqual([1, 1, 2]);
  });

  it('LATEST starts at the open shards (closed ones are finished already); names and worker counts are checked', () => {
    const h = make(1);
    h.put('old');
    h.call('SplitShard', { StreamName: 's', ShardToSplit: shard(0), NewStartingHashKey: HALF });
    h.clock.advance(500);
    h.create({ initialPosition: 'LATEST', workers: 1 });
    expect(h.view().leases.map((l) => [l.state, l.checkpoint])).toEqual([
      ['shard-end', 'SHARD_END'],
      ['processing', 'LATEST'],
      ['processing', 'LATEST'],
    ]);
    h.tick();
    h.put('new');
    h.tick();
    expect(h.view().processed).toBe(1);

    const err = (input: Partial<CreateConsumerApplicationInput>) => {
      try {
        h.create(input);
      } catch (e) {
        return e instanceof AwsError ? `${e.code}: ${e.message}` : String(e);
      }
      return 'created';
    };
    expect(err({})).toBe('ResourceInUseException: Consumer application app already exists.');
    expect(err({ name: 'x' })).toMatch(/^ValidationException: 1 validation error detected: Value 'x' at 'applicationName' failed to satisfy constraint: Member must have length greater than or equal to 3/);
    expect(err({ name: 'five', workers: 5 })).toMatch(/Member must have value less than or equal to 4/);
    expect(err({ name: 'other', streamName: 'nope' })).toMatch(/^ResourceNotFoundException/);
  });

  it('says why when its stream is gone, and deletes', () => {
    const h = make(1);
    h.create();
    h.call('DeleteStream', { StreamName: 's' });
    h.tick(1000);
    expect(h.view().problem).toMatch(/Stream s under account \d+ not found/);
    h.apps().delete(R, 'app');
    expect(h.apps().list(R, 's')).toEqual([]);
  });
});
