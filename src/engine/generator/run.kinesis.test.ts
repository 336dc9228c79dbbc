/**
 * GeneratorRun against the emulated Kinesis service (PutRecords as the SDK would call it, minus
 * HTTP): the workshop's two-shard stream, throttling on a stream too small for the rate, and a
 * stream deleted while sending.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../common/rng';
import { kinesisHarness } from '../kinesis/testing';
import { GeneratorRun, type SendBatch } from './run';
import { compileTemplate } from './template';

const SENSOR = compileTemplate(`{
  "n": {{sequence.next}},
  "sensorId": "sensor-{{random.number(100)}}",
  "eventTimeStamp": "{{current.timestamp}}",
  "ambientTemp": {{random.number({"min":-40, "max":60})}},
  "measuredTemp": {{random.number({"min":0, "max":100})}}
}`);

const setup = (shards: number, rate: number) => {
  const h = kinesisHarness();
  h.active('s', shards);
  const send: SendBatch = async (batch) =>
    h.call('PutRecords', {
      StreamName: 's',
      Records: batch.map((r) => ({ Data: Buffer.from(r.Data).toString('base64'), PartitionKey: r.PartitionKey })),
    });
  const run = new GeneratorRun({ template: SENSOR, rate, send, clock: h.clock, rng: new SeededRng(5) });
  const drive = async (ms: number) => {
    const end = h.clock.now() + ms;
    while (h.clock.now() < end) {
      const wait = run.tick();
      await run.idle();
      if (wait < 0) return;
      h.clock.advance(Math.min(wait, end - h.clock.now()));
    }
    run.tick();
    await run.idle();
  };
  /** Every record in the stream, read back shard by shard. */
  const readAll = () => {
    const out: { shard: string; n: number }[] = [];
    const shards = h.call('ListShards', { StreamName: 's' }).Shards.map((x: { ShardId: string }) => x.ShardId);
    for (const shard of shards) {
      let it = h.call('GetShardIterator', { StreamName: 's', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
      for (;;) {
        h.clock.advance(1000); // stay under 5 reads/s per shard
        const page = h.call('GetRecords', { ShardIterator: it, Limit: 10000 });
        for (const r of page.Records) out.push({ shard, n: JSON.parse(Buffer.from(r.Data, 'base64').toString()).n });
        if (page.Records.length === 0) break;
        it = page.NextShardIterator;
      }
    }
    return out;
  };
  return { h, run, drive, readAll };
};

describe('GeneratorRun into emulated Kinesis', () => {
  it('Activity 1-C: 200 records/s for 10 s into two shards, all acknowledged, spread over both', async () => {
    const { run, drive, readAll } = setup(2, 200);
    run.start();
    await drive(10_000);
    run.stop();
    await run.idle();
    const st = run.stats();
    expect(st.acknowledged).toBe(2000);
    expect(st.failed).toBe(0);
    const stored = readAll();
    expect(stored).toHaveLength(st.acknowledged);
    const byShard = new Set(stored.map((r) => r.shard));
    expect(byShard.size).toBe(2);
  });

  it('over a shard’s 1,000 records/s, records are throttled, retried and all land exactly once', async () => {
    const { run, drive, readAll } = setup(1, 1500);
    run.start();
    await drive(5_000);
    run.stop();
    await run.idle();
    const st = run.stats();
    expect(st.failed).toBeGreaterThan(500);
    expect(st.retried).toBeGreaterThan(0);
    expect(st.lastError?.code).toBe('ProvisionedThroughputExceededException');
    expect(st.acknowledged + st.dropped).toBe(st.rendered);
    const ns = readAll().map((r) => r.n);
    expect(ns).toHaveLength(st.acknowledged);
    expect(new Set(ns).size).toBe(ns.length);
    // the shard caps what gets in, well under the 1,500/s asked for
    expect(st.achievedRate).toBeLessThan(1200);
  });

  it('stops and says why when the stream is deleted while sending', async () => {
    const { h, run, drive } = setup(2, 300);
    run.start();
    await drive(3_000);
    h.call('DeleteStream', { StreamName: 's' });
    h.settle();
    await drive(3_000);
    const st = run.stats();
    expect(st.state).toBe('stopped');
    expect(st.stopReason).toMatch(/^The stream no longer exists: Stream s under account 000000000000 not found\.$/);
    expect(st.acknowledged).toBe(900);
    expect(st.acknowledged + st.dropped).toBe(st.rendered);
    expect(st.pending).toBe(0);
  });
});
