import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { SeededRng } from '../common/rng';
import { Emulator } from '../emulator';
import { RETENTION_SWEEP_MS } from './module';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const make = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 500 } });
  const call = (op: string, input: Record<string, unknown> = {}): any => emulator.kinesis.call(op, structuredClone(input), { region: 'us-east-1', requestId: 'r' });
  /** The stream as stored, without resolving due state changes (what a request would do lazily). */
  const raw = (name: string) => emulator.kinesis.store.streams.get(emulator.kinesis.store.arnOf('us-east-1', name))!;
  return { clock, emulator, call, raw };
};

describe('the Kinesis module', () => {
  it('round-trips through its snapshot: durable state, then records as bulk data', () => {
    const a = make();
    a.call('CreateStream', { StreamName: 's', ShardCount: 2 });
    a.clock.advance(500);
    a.call('IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: 48 });
    const seq = a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('one') }).SequenceNumber;
    const b = make();
    b.emulator.restore(JSON.parse(JSON.stringify(a.emulator.snapshot())));
    expect(b.emulator.snapshot()).toEqual(a.emulator.snapshot());
    expect(b.call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary).toMatchObject({ RetentionPeriodHours: 48, OpenShardCount: 2 });
    // Routing is rebuilt: the same key lands in the same shard, after the restored record.
    const next = b.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('two') });
    expect(next.ShardId).toBe(a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('x') }).ShardId);
    expect(next.SequenceNumber > seq).toBe(true);
  });

  it('keeps registered consumers through a snapshot and restore, and reads older snapshots as having none', () => {
    const a = make();
    a.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    a.clock.advance(500);
    const StreamARN = a.raw('s').StreamARN;
    const c = a.call('RegisterStreamConsumer', { StreamARN, ConsumerName: 'app' }).Consumer;
    a.clock.advance(250);
    a.call('RegisterStreamConsumer', { StreamARN, ConsumerName: 'late' });
    a.clock.advance(250);
    const snap = JSON.parse(JSON.stringify(a.emulator.snapshot()));
    const b = make();
    b.clock.set(a.clock.now());
    b.emulator.restore(snap);
    expect(b.call('ListStreamConsumers', { StreamARN }).Consumers.map((x: { ConsumerStatus: string }) => x.ConsumerStatus)).toEqual(['ACTIVE', 'CREATING']);
    expect(b.call('DescribeStreamConsumer', { ConsumerARN: c.ConsumerARN }).ConsumerDescription.ConsumerCreationTimestamp).toBe(c.ConsumerCreationTimestamp);
    // A pending CREATING still ends on time after the restore.
    b.clock.advance(250);
    expect(b.call('DescribeStreamConsumer', { StreamARN, ConsumerName: 'late' }).ConsumerDescription.ConsumerStatus).toBe('ACTIVE');
    for (const s of snap.services.kinesis.streams) delete s._consumers;
    const old = make();
    old.emulator.restore(snap);
    expect(old.call('ListStreamConsumers', { StreamARN }).Consumers).toEqual([]);
  });

  it('turns a consumer ACTIVE when its time comes, without a request, and asks to run then', () => {
    const h = make();
    h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    h.clock.advance(500);
    h.call('RegisterStreamConsumer', { StreamARN: h.raw('s').StreamARN, ConsumerName: 'app' });
    expect(h.emulator.advance(h.clock.now())).toBe(T0 + 1000);
    h.clock.advance(500);
    expect(h.emulator.advance(h.clock.now())).toBeUndefined();
    expect(h.raw('s')._consumers[0].ConsumerStatus).toBe('ACTIVE');
  });

  it('turns a stream ACTIVE when its time comes, without a request, and asks to run then', () => {
    const h = make();
    h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    expect(h.emulator.advance(h.clock.now())).toBe(T0 + 500);
    h.clock.advance(499);
    expect(h.emulator.advance(h.clock.now())).toBe(T0 + 500);
    expect(h.raw('s').StreamStatus).toBe('CREATING');
    h.clock.advance(1);
    expect(h.emulator.advance(h.clock.now())).toBeUndefined();
    expect(h.raw('s')).toMatchObject({ StreamStatus: 'ACTIVE', _open: [0] });
    // Deleting: the stream goes at its time.
    h.call('DeleteStream', { StreamName: 's' });
    expect(h.emulator.advance(h.clock.now())).toBe(T0 + 1000);
    h.clock.advance(500);
    h.emulator.advance(h.clock.now());
    expect(h.emulator.kinesis.store.streams.size).toBe(0);
  });

  it('trims records past retention on its own schedule (at most once a minute), so idle streams free their memory', () => {
    const h = make();
    h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
    h.clock.advance(500);
    h.emulator.advance(h.clock.now());
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('old') });
    h.clock.advance(HOUR);
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('new') });
    // The oldest record expires 24 h after it arrived.
    expect(h.emulator.advance(h.clock.now())).toBe(T0 + 500 + 24 * HOUR + 1);
    h.clock.set(T0 + 500 + 24 * HOUR + 1);
    const next = h.emulator.advance(h.clock.now());
    const log = h.raw('s').Shards[0]._log;
    expect(log.count).toBe(1);
    expect(next).toBe(T0 + 500 + 25 * HOUR + 1);
    // Records expiring every second do not wake it every second.
    const x = h.clock.now();
    for (let i = 0; i < 10; i++) {
      h.clock.advance(1000);
      h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64(String(i)) });
    }
    h.clock.set(x + 1000 + 24 * HOUR + 1);
    expect(h.emulator.advance(h.clock.now())).toBe(h.clock.now() + RETENTION_SWEEP_MS);
    expect(log.count).toBe(9);
  });
});
