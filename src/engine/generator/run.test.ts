import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'fflate';
import { VirtualClock } from '../common/clock';
import { SeededRng } from '../common/rng';
import {
  GeneratorConfigError,
  GeneratorRun,
  validateRate,
  type GeneratorRunOptions,
  type OutgoingRecord,
  type PutResult,
  type SendBatch,
} from './run';
import { compileTemplate } from './template';

const SEQ = compileTemplate('{"n":{{sequence.next}},"sensorId":"sensor-{{random.number(3)}}"}');
const decoder = new TextDecoder();
const text = (r: OutgoingRecord) => decoder.decode(r.Data);
const seqOf = (r: OutgoingRecord) => JSON.parse(text(r)).n as number;

/** A sink that accepts everything, or answers with `answer(batch, callNumber)`. */
const sink = (answer?: (batch: OutgoingRecord[], call: number) => PutResult | Error) => {
  const calls: OutgoingRecord[][] = [];
  const acked: OutgoingRecord[] = [];
  const send: SendBatch = async (batch) => {
    calls.push(batch);
    const res: PutResult | Error = answer?.(batch, calls.length) ?? { FailedRecordCount: 0, Records: batch.map((_, i) => ({ SequenceNumber: String(i), ShardId: 'shardId-000000000000' })) };
    if (res instanceof Error) throw res;
    res.Records?.forEach((e, i) => !e.ErrorCode && acked.push(batch[i]));
    return res;
  };
  return { send, calls, acked };
};

const setup = (opts: Partial<GeneratorRunOptions> & { send: SendBatch }) => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const run = new GeneratorRun({ template: SEQ, rate: 500, clock, rng: new SeededRng(3), ...opts });
  return { clock, run };
};

/** Drives a run on virtual time the way a host's setTimeout loop would, settling sends between ticks. */
const drive = async (run: GeneratorRun, clock: VirtualClock, ms: number, jitter?: SeededRng) => {
  const end = clock.now() + ms;
  while (clock.now() < end) {
    const wait = run.tick();
    await run.idle();
    if (wait < 0) break;
    const step = jitter ? Math.max(1, Math.floor(jitter.next() * 2 * wait)) : wait;
    clock.advance(Math.min(step, end - clock.now()));
  }
  // a few more ticks at the end time flush what is queued behind the in-flight limit
  for (let k = 0; k < 20 && run.tick() >= 0; k++) await run.idle();
};

const throttled = (message = 'Rate exceeded for shard shardId-000000000000 in stream s under account 123456789012.') => ({
  ErrorCode: 'ProvisionedThroughputExceededException',
  ErrorMessage: message,
});

describe('rate', () => {
  it('refuses 0, negative and non-numeric rates with a clear message', () => {
    expect(() => validateRate(0)).toThrow(new GeneratorConfigError('The rate must be greater than 0 records per second (got 0)'));
    expect(() => validateRate(-5)).toThrow('The rate must be greater than 0 records per second (got -5)');
    expect(() => validateRate('abc')).toThrow('The rate must be a number of records per second, not "abc"');
    expect(() => validateRate('')).toThrow('The rate must be a number of records per second, not ""');
    expect(() => validateRate(Number.NaN)).toThrow('The rate must be a number of records per second, not null');
    expect(() => validateRate(Infinity)).toThrow(GeneratorConfigError);
    expect(validateRate('200')).toBe(200);
    expect(validateRate(0.5)).toBe(0.5);
    expect(() => setup({ send: sink().send, rate: 0 })).toThrow(GeneratorConfigError);
  });

  it('holds 500 records/s over a minute of virtual time', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send });
    run.start();
    await drive(run, clock, 60_000);
    const st = run.stats();
    expect(st.rendered).toBe(30_000);
    expect(Math.abs(st.acknowledged - 30_000) / 30_000).toBeLessThan(0.02);
    expect(Math.abs(st.achievedRate - 500) / 500).toBeLessThan(0.02);
    expect(st.recentRate).toBe(500);
  });

  it('does not drift when ticks come late, early or irregularly', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 333 });
    run.start();
    await drive(run, clock, 60_000, new SeededRng(9));
    expect(run.stats().rendered).toBe(Math.floor(60 * 333));
    expect(run.stats().acknowledged).toBe(Math.floor(60 * 333));
  });

  it('changes rate mid-run without losing what was already due', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 100 });
    run.start();
    await drive(run, clock, 10_000);
    expect(run.stats().rendered).toBe(1000);
    run.setRate('250');
    expect(run.rate).toBe(250);
    await drive(run, clock, 10_000);
    expect(run.stats()).toMatchObject({ rendered: 3500, targetRate: 250 });
    expect(() => run.setRate(-1)).toThrow('The rate must be greater than 0 records per second (got -1)');
    expect(run.rate).toBe(250);
  });

  it('catches up after a stalled host without exceeding the schedule', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 100 });
    run.start();
    run.tick();
    clock.advance(5_000); // the page was in the background
    run.tick();
    await run.idle();
    expect(run.stats().rendered).toBe(500);
    run.tick();
    expect(run.stats().rendered).toBe(500);
  });
});

describe('on a clock that runs fast or skips', () => {
  it('takes the recent rate over longer buckets when the clock runs fast, so it reads the target, not bursts', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 100 });
    run.start();
    // At 60x a host tick of 100 ms wall is 6 s of clock: acknowledgements arrive 600 at a time.
    run.setClockSpeed(60);
    const end = clock.now() + 10 * 60_000;
    while (clock.now() < end) {
      run.tick();
      await run.idle();
      clock.advance(6000);
    }
    expect(run.stats().recentRate).toBe(100);
  });

  it('is not owed the records of a skip ahead, and the skipped time is not sending time', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 100 });
    run.start();
    await drive(run, clock, 10_000);
    clock.advance(60_000);
    run.timeJumped(60_000);
    await drive(run, clock, 10_000);
    expect(run.stats()).toMatchObject({ rendered: 2000, acknowledged: 2000, elapsedMs: 20_000, achievedRate: 100 });
  });

  it('owes nothing for a reading that seems to move the clock back (one that arrived late)', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 100 });
    run.start();
    await drive(run, clock, 10_000);
    for (let i = 0; i < 20; i++) run.timeJumped(-500);
    await drive(run, clock, 10_000);
    expect(run.stats()).toMatchObject({ rendered: 2000, acknowledged: 2000 });
  });
});

describe('batching', () => {
  it('never sends more than 500 records per call', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 5000, tickMs: 1000 });
    run.start();
    await drive(run, clock, 3_000);
    expect(s.calls.length).toBeGreaterThanOrEqual(30);
    expect(Math.max(...s.calls.map((c) => c.length))).toBe(500);
    expect(run.stats().acknowledged).toBe(15_000);
  });

  it('respects the byte limit, counting data and partition key (PutRecordBatch: 4 MiB)', async () => {
    const big = compileTemplate(`${'x'.repeat(10_000)}{{sequence.next}}`);
    const s = sink();
    const { run, clock } = setup({ send: s.send, template: big, rate: 2000, tickMs: 1000, maxBatchBytes: 4 * 1024 * 1024 });
    run.start();
    await drive(run, clock, 2_000);
    expect(s.calls.length).toBeGreaterThan(0);
    for (const c of s.calls) {
      const bytes = c.reduce((n, r) => n + r.Data.length + r.PartitionKey.length, 0);
      expect(bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
    // 10 kB records: about 419 fit in 4 MiB
    expect(Math.max(...s.calls.map((c) => c.length))).toBeLessThan(420);
    expect(Math.max(...s.calls.map((c) => c.length))).toBeGreaterThan(400);
    expect(run.stats().acknowledged).toBe(4000);
  });

  it('uses a custom record-count limit', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 100, tickMs: 1000, maxBatchRecords: 7 });
    run.start();
    await drive(run, clock, 1_000);
    expect(Math.max(...s.calls.map((c) => c.length))).toBe(7);
  });
});

describe('retries', () => {
  it('re-sends only the records that failed, until every one is acknowledged exactly once', async () => {
    let attempt = 0;
    const s = sink((batch) => {
      const Records = batch.map(() => (attempt++ % 3 === 0 ? throttled() : { SequenceNumber: '1', ShardId: 'shardId-000000000001' }));
      return { FailedRecordCount: Records.filter((r) => 'ErrorCode' in r).length, Records };
    });
    const { run, clock } = setup({ send: s.send, rate: 200 });
    run.start();
    await drive(run, clock, 10_000);
    run.stop();
    await drive(run, clock, 15_000);
    const st = run.stats();
    const sent = s.calls.flat().length;
    expect(st.failed).toBe(sent - st.acknowledged);
    expect(st.failed).toBeGreaterThan(500);
    expect(st.retried).toBe(st.failed - st.dropped);
    expect(st.acknowledged + st.dropped).toBe(st.rendered);
    const seqs = s.acked.map(seqOf).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(seqs.length); // no duplicates
    expect(st.lastError).toMatchObject({ code: 'ProvisionedThroughputExceededException' });
  });

  it('acknowledges everything once the throttling stops, none lost and none doubled', async () => {
    const s = sink((batch, call) =>
      call <= 5 ? { FailedRecordCount: batch.length, Records: batch.map(() => throttled()) } : undefined as unknown as PutResult,
    );
    const { run, clock } = setup({ send: s.send, rate: 100, limit: 300 });
    run.start();
    await drive(run, clock, 60_000);
    const st = run.stats();
    expect(st.state).toBe('completed');
    expect(st.acknowledged).toBe(300);
    expect(s.acked.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(st.pending).toBe(0);
  });

  it('retries a whole call that was rejected, with a growing, jittered backoff', async () => {
    const times: number[] = [];
    const { run, clock } = setup({
      rate: 1,
      limit: 1,
      retryBaseMs: 100,
      send: async (batch) => {
        times.push(clock.now());
        if (times.length <= 4) throw Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
        return { FailedRecordCount: 0, Records: batch.map(() => ({ SequenceNumber: '1', ShardId: 'shardId-000000000000' })) };
      },
    });
    run.start();
    await drive(run, clock, 10_000);
    expect(times).toHaveLength(5);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    [100, 200, 400, 800].forEach((d, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(d / 2);
      expect(gaps[i]).toBeLessThanOrEqual(d + 1);
    });
    expect(run.stats()).toMatchObject({ state: 'completed', acknowledged: 1, failed: 4, retried: 4 });
  });
});

describe('back-pressure', () => {
  it('pauses rendering while throttled records pile up, instead of growing without bound', async () => {
    const s = sink((batch) => ({ FailedRecordCount: batch.length, Records: batch.map(() => throttled()) }));
    const { run, clock } = setup({ send: s.send, rate: 1000, maxQueued: 300 });
    run.start();
    await drive(run, clock, 10_000);
    const st = run.stats();
    expect(st.rendered).toBeLessThanOrEqual(300);
    expect(st.pending).toBe(st.rendered);
    expect(st.acknowledged).toBe(0);
  });
});

describe('stopping', () => {
  it('leaves nothing unaccounted for: acknowledged + dropped = rendered', async () => {
    const pending: (() => void)[] = [];
    const { run, clock } = setup({
      rate: 1000,
      maxInFlight: 2,
      send: (batch) =>
        new Promise((resolve) =>
          pending.push(() => resolve({ FailedRecordCount: 0, Records: batch.map(() => ({ SequenceNumber: '1', ShardId: 's' })) })),
        ),
    });
    run.start();
    for (let i = 0; i < 10; i++) {
      clock.advance(run.tick());
    }
    const before = run.stats();
    expect(before.inFlightCalls).toBe(2);
    expect(before.pending).toBe(before.rendered);
    run.stop('Stopped by the user');
    expect(run.tick()).toBe(-1);
    pending.splice(0).forEach((f) => f());
    await run.idle();
    const st = run.stats();
    expect(st.state).toBe('stopped');
    expect(st.stopReason).toBe('Stopped by the user');
    expect(st.pending).toBe(0);
    expect(st.acknowledged).toBeGreaterThan(0);
    expect(st.acknowledged + st.dropped).toBe(st.rendered);
  });

  it('stops with the reason when the stream is deleted, counters still adding up', async () => {
    const { run, clock } = setup({
      rate: 100,
      send: async (batch) => {
        if (clock.now() >= Date.UTC(2026, 0, 1) + 2_000)
          throw Object.assign(new Error('Stream s under account 123456789012 not found.'), { name: 'ResourceNotFoundException' });
        return { FailedRecordCount: 0, Records: batch.map(() => ({ SequenceNumber: '1', ShardId: 's' })) };
      },
    });
    run.start();
    await drive(run, clock, 5_000);
    const st = run.stats();
    expect(st.state).toBe('stopped');
    expect(st.stopReason).toBe('The stream no longer exists: Stream s under account 123456789012 not found.');
    expect(st.lastError).toMatchObject({ code: 'ResourceNotFoundException' });
    expect(st.acknowledged + st.dropped).toBe(st.rendered);
    expect(st.acknowledged).toBeGreaterThanOrEqual(190);
    expect(run.tick()).toBe(-1);
  });

  it('a record over 1 MiB stops the run before it is sent', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, template: compileTemplate('{{lorem.paragraphs(30)}}'), maxRecordBytes: 1000 });
    run.start();
    await drive(run, clock, 1_000);
    expect(run.stats().stopReason).toMatch(/^RecordTooLarge: A rendered record is \d+ bytes with its partition key; the limit is 1000 bytes per record$/);
    expect(s.calls).toHaveLength(0);
    expect(run.stats().dropped).toBe(run.stats().rendered);
  });

  it('sends exactly the limit, then completes', async () => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 500, limit: 1234 });
    run.start();
    await drive(run, clock, 10_000);
    expect(run.stats()).toMatchObject({ state: 'completed', acknowledged: 1234, rendered: 1234, stopReason: 'Sent 1234 records (limit 1234)' });
    expect(s.calls.flat()).toHaveLength(1234);
  });

  it('checks its options', () => {
    const send = sink().send;
    expect(() => setup({ send, limit: 0 })).toThrow('The record limit must be a whole number greater than 0 (got 0)');
    expect(() => setup({ send, partitionKey: { kind: 'fixed', key: '' } })).toThrow('A fixed partition key must be 1 to 256 characters long');
    expect(() => setup({ send, partitionKey: { kind: 'field', field: ' ' } })).toThrow('Name the record field to use as the partition key');
    expect(() => setup({ send, template: [{ name: 'a', template: SEQ, weight: 0 }] })).toThrow(
      'The weight of template "a" must be a number greater than 0',
    );
    const { run } = setup({ send });
    run.start();
    expect(() => run.start()).toThrow('This run has already started');
  });
});

describe('records', () => {
  const firstBatch = async (opts: Partial<GeneratorRunOptions>) => {
    const s = sink();
    const { run, clock } = setup({ send: s.send, rate: 100, ...opts });
    run.start();
    await drive(run, clock, 1_000);
    return { records: s.calls.flat(), run };
  };

  it('appends a newline by default, and not when turned off', async () => {
    const on = await firstBatch({});
    expect(text(on.records[0])).toMatch(/^\{"n":1,.*\}\n$/);
    const off = await firstBatch({ newline: false });
    expect(text(off.records[0])).toMatch(/^\{"n":1,.*\}$/);
  });

  it('GZIPs each record on its own', async () => {
    const { records } = await firstBatch({ gzip: true });
    expect(records[0].Data[0]).toBe(0x1f);
    expect(records[0].Data[1]).toBe(0x8b);
    expect(decoder.decode(gunzipSync(records[0].Data))).toMatch(/^\{"n":1,.*\}\n$/);
  });

  it('partition keys: random like KDG, a field of the record, or fixed', async () => {
    const random = await firstBatch({});
    expect(random.records.every((r) => /^\d{1,10}$/.test(r.PartitionKey))).toBe(true);
    expect(new Set(random.records.map((r) => r.PartitionKey)).size).toBeGreaterThan(90);
    const field = await firstBatch({ partitionKey: { kind: 'field', field: 'sensorId' } });
    for (const r of field.records) expect(r.PartitionKey).toBe(JSON.parse(text(r)).sensorId);
    const fixed = await firstBatch({ partitionKey: { kind: 'fixed', key: 'all-here' } });
    expect(new Set(fixed.records.map((r) => r.PartitionKey))).toEqual(new Set(['all-here']));
  });

  it('falls back to a random key (and counts it) when the field is missing', async () => {
    const { records, run } = await firstBatch({ partitionKey: { kind: 'field', field: 'nope.deeper' } });
    expect(records.every((r) => /^\d+$/.test(r.PartitionKey))).toBe(true);
    expect(run.stats().keyFallbacks).toBe(records.length);
  });

  it('mixes named templates by weight', async () => {
    const a = compileTemplate('A');
    const b = compileTemplate('B');
    const { records, run } = await firstBatch({
      rate: 4000,
      template: [
        { name: 'clicks', template: a, weight: 3 },
        { name: 'views', template: b, weight: 1 },
      ],
    });
    const share = records.filter((r) => text(r) === 'A\n').length / records.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
    const by = run.stats().renderedByTemplate;
    expect(by.clicks + by.views).toBe(4000);
  });

  it('counts bytes of acknowledged data', async () => {
    const { records, run } = await firstBatch({});
    expect(run.stats().bytesSent).toBe(records.reduce((n, r) => n + r.Data.length, 0));
  });

  it('a seed gives the same records every time', async () => {
    const one = await firstBatch({});
    const two = await firstBatch({});
    expect(one.records.map(text)).toEqual(two.records.map(text));
    expect(one.records.map((r) => r.PartitionKey)).toEqual(two.records.map((r) => r.PartitionKey));
  });
});
