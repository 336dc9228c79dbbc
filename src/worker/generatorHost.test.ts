import { afterEach, describe, expect, it } from 'vitest';
import { ScaledClock, VirtualClock } from '../engine/common/clock';
import type { OutgoingRecord, PutResult } from '../engine/generator/run';
import { decodeUtf8, encodeUtf8 } from '../engine/protocol/http';
import { createInThreadClient } from './client';
import { GeneratorHost, compileJob, type Timers } from './generatorHost';
import type { GeneratorJob, GeneratorStats } from './generatorProtocol';
import { EmulatorHost } from './host';
import { portTransport, servePort } from './relay';
import { testSignatureHeaders } from '../engine/protocol/testing';
import { WORKSHOP_SENSOR_TEMPLATE } from '../engine/generator/workshop';

const SENSOR = WORKSHOP_SENSOR_TEMPLATE;

const job = (over: Partial<GeneratorJob> = {}): GeneratorJob => ({
  stream: 'gen',
  templates: [{ name: 'sensor', source: SENSOR, weight: 1 }],
  rate: 2000,
  partitionKey: { kind: 'random' },
  newline: true,
  gzip: false,
  connection: { mode: 'emulated', region: 'us-east-1' },
  ...over,
});

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Kinesis calls (awsJson1_1, as the SDK sends them) whose requests cross a MessageChannel to the page's one emulator, as in the worker. */
const relayed = () => {
  const emulator = new EmulatorHost({ options: { stateDelayMs: 0 } });
  const page = createInThreadClient(emulator);
  const channel = new MessageChannel();
  const stop = servePort(channel.port1 as never, page.transport);
  const transport = portTransport(channel.port2 as never);
  closers.push(stop, () => transport.close());
  const call = async (op: string, input: unknown): Promise<any> => {
    const res = await transport({
      method: 'POST',
      path: '/',
      query: {},
      headers: { ...testSignatureHeaders(), 'x-amz-target': `Kinesis_20131202.${op}`, 'content-type': 'application/x-amz-json-1.1' },
      body: encodeUtf8(JSON.stringify(input)),
    });
    const text = typeof res.body === 'string' ? res.body : decodeUtf8(res.body);
    const body = JSON.parse(text || '{}');
    if (res.statusCode !== 200) throw Object.assign(new Error(body.message ?? ''), { name: String(body.__type) });
    return body;
  };
  const host = new GeneratorHost(
    (j) => (batch) =>
      call('PutRecords', { StreamName: j.stream, Records: batch.map((r) => ({ PartitionKey: r.PartitionKey, Data: b64(r.Data) })) }) as Promise<PutResult>,
    { statsIntervalMs: 20 },
  );
  const kinesis = { call };
  return { emulator, kinesis, host };
};

const settle = (host: GeneratorHost, j: GeneratorJob) =>
  new Promise<GeneratorStats[]>((resolve, reject) => {
    const seen: GeneratorStats[] = [];
    host
      .start(j, (s) => {
        seen.push(s);
        if (s.state !== 'running' && s.pending === 0 && s.inFlightCalls === 0) resolve(seen);
      })
      .then((r) => (r.ok ? undefined : reject(new Error(r.rejection.message))), reject);
  });

describe('GeneratorHost', () => {
  it('refuses a bad template before sending anything, naming the template, line and column', async () => {
    const { host } = relayed();
    const bad = job({ templates: [{ name: 'broken', source: '{\n  "a": {{random.nope}}\n}', weight: 1 }] });
    const result = await host.start(bad, () => {});
    expect(result).toMatchObject({ ok: false, rejection: { kind: 'template', template: 'broken', line: 2, column: 10 } });
    expect(result.ok ? '' : result.rejection.message).toMatch(/random\.nope/);
    expect(host.running).toBe(false);
  });

  it('refuses a rate of 0 with a message', async () => {
    const { host } = relayed();
    const result = await host.start(job({ rate: 0 }), () => {});
    expect(result).toEqual({ ok: false, rejection: { kind: 'config', message: 'The rate must be greater than 0 records per second (got 0)' } });
  });

  it('sends N records then stops, every one acknowledged and readable from the one emulator', async () => {
    const { host, kinesis } = relayed();
    await kinesis.call('CreateStream', { StreamName: 'gen', ShardCount: 1 });
    const stats = await settle(host, job({ limit: 300 }));
    const last = stats[stats.length - 1];
    expect(last).toMatchObject({ state: 'completed', rendered: 300, acknowledged: 300, dropped: 0, pending: 0 });
    expect(stats.length).toBeGreaterThan(1);
    const it0 = await kinesis.call('GetShardIterator', { StreamName: 'gen', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
    const got = await kinesis.call('GetRecords', { ShardIterator: it0.ShardIterator, Limit: 1000 });
    expect(got.Records).toHaveLength(300);
    const first = Buffer.from(got.Records[0].Data, 'base64').toString('utf8');
    expect(first.endsWith('}\n')).toBe(true);
    expect(JSON.parse(first)).toHaveProperty('sensorId');
  });

  it('runs a Periodic backfill job to its end in the one emulator', async () => {
    const { host, kinesis } = relayed();
    await kinesis.call('CreateStream', { StreamName: 'gen', ShardCount: 2 });
    const grid = Array.from({ length: 24 }, () => Array.from({ length: 7 }, () => ({ mu: 3, sigma: 0 })));
    const start = new Date(2026, 10, 30, 8).getTime();
    const stats = await settle(host, job({ periodic: { grid, smoothing: false }, backfill: { start, end: start + 60_000 } }));
    const last = stats[stats.length - 1];
    expect(last).toMatchObject({ state: 'completed', acknowledged: 180, rateMode: 'periodic', periodic: { mu: 3, sigma: 0, expected: 3 } });
    expect(last.stopReason).toBe('Backfill complete: 180 records for 60 simulated seconds');
    expect(last.backfill).toMatchObject({ secondsDone: 60, totalSeconds: 60 });
  });

  it('stops and says why when the stream is deleted while sending; counters add up', async () => {
    const { host, kinesis } = relayed();
    await kinesis.call('CreateStream', { StreamName: 'gen', ShardCount: 2 });
    const done = settle(host, job({ rate: 1000 }));
    await new Promise((r) => setTimeout(r, 150));
    await kinesis.call('DeleteStream', { StreamName: 'gen' });
    const stats = await done;
    const last = stats[stats.length - 1];
    expect(last.state).toBe('stopped');
    expect(last.stopReason).toMatch(/^The stream no longer exists/);
    expect(last.acknowledged).toBeGreaterThan(0);
    expect(last.acknowledged + last.dropped).toBe(last.rendered);
  });

  it('stop() settles the calls in flight and reports final counters', async () => {
    const { host, kinesis } = relayed();
    await kinesis.call('CreateStream', { StreamName: 'gen', ShardCount: 2 });
    const seen: GeneratorStats[] = [];
    await host.start(job({ rate: 1000 }), (s) => seen.push(s));
    await new Promise((r) => setTimeout(r, 120));
    await host.stop();
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ state: 'stopped', stopReason: 'Stopped by the user', pending: 0, inFlightCalls: 0 });
    expect(last.acknowledged + last.dropped).toBe(last.rendered);
  });

  it('compiles every template of a mix, or names the one that fails', () => {
    const mix = job({
      templates: [
        { name: 'a', source: '{{random.uuid}}', weight: 1 },
        { name: 'b', source: 'x\n{{internet.ipp}}', weight: 2 },
      ],
    });
    expect(compileJob(mix)).toMatchObject({ ok: false, rejection: { template: 'b', line: 2, column: 3 } });
  });

  it('refuses an empty template: it would send empty records', () => {
    expect(compileJob(job({ templates: [{ name: 'blank', source: ' \n', weight: 1 }] }))).toEqual({
      ok: false,
      rejection: { kind: 'template', template: 'blank', line: 1, column: 1, message: 'The template is empty: write the record the generator sends' },
    });
  });
});

/**
 * A host on virtual time: `wall` is the page's real clock, `emulator` the emulator's clock on it.
 * Its timers fire only when `step` says so; every batch is acknowledged at once.
 */
const onVirtualTime = (speed: number) => {
  const wall = new VirtualClock(Date.UTC(2026, 10, 2, 9, 0));
  const emulator = new ScaledClock(wall, speed);
  let due: (() => void) | undefined;
  const timers: Timers = {
    setTimeout: (fn) => ((due = fn), 1),
    clearTimeout: () => (due = undefined),
    setInterval: () => 2,
    clearInterval: () => {},
  };
  const sent: OutgoingRecord[] = [];
  const host = new GeneratorHost(
    () => async (batch) => {
      sent.push(...batch);
      return { FailedRecordCount: 0, Records: batch.map(() => ({ SequenceNumber: '1', ShardId: 'shardId-000000000000' })) };
    },
    { clock: wall, timers },
  );
  const flush = () => new Promise((r) => setTimeout(r, 0));
  /** `ms` of wall time, in the host's own ticks. */
  const step = async (ms: number) => {
    const end = wall.now() + ms;
    while (wall.now() < end) {
      wall.advance(Math.min(100, end - wall.now()));
      const fn = due;
      due = undefined;
      fn?.();
      await flush();
    }
  };
  let last: GeneratorStats | undefined;
  const start = async (over: Partial<GeneratorJob> = {}) => {
    const r = await host.start(job({ rate: 100, clock: emulator.reading(), ...over }), (s) => (last = s));
    expect(r).toEqual({ ok: true });
  };
  return { wall, emulator, host, sent, step, start, stats: () => last!, flush };
};

const texts = (records: OutgoingRecord[]) => records.map((r) => JSON.parse(new TextDecoder().decode(r.Data)));

describe('GeneratorHost on the emulator clock', () => {
  it('at 60x, 100 records per second for one wall second is 6,000 records (a rate in emulated seconds)', async () => {
    const t = onVirtualTime(60);
    await t.start();
    await t.step(1000);
    await t.host.stop();
    expect(t.sent).toHaveLength(6000);
    expect(t.stats()).toMatchObject({ acknowledged: 6000, elapsedMs: 60_000 });
    expect(t.stats().achievedRate).toBe(100);
  });

  it('renders current.timestamp and date.now from the emulator clock, not the wall clock', async () => {
    const t = onVirtualTime(1);
    t.emulator.skip(23 * 60_000);
    await t.start({ templates: [{ name: 't', source: '{"ts":{{date.now("x")}},"d":"{{date.now("YYYY-MM-DDTHH:mm")}}","u":"{{date.utc("HH:mm")}}"}', weight: 1 }] });
    await t.step(1000);
    await t.host.stop();
    const [first] = texts(t.sent);
    const expected = t.wall.now() - 1000 + 23 * 60_000;
    expect(Math.abs(first.ts - expected)).toBeLessThan(1000);
    expect(first.u).toBe('09:23');
  });

  it('follows a speed change pushed while it runs', async () => {
    const t = onVirtualTime(1);
    await t.start();
    await t.step(1000);
    expect(t.sent).toHaveLength(100);
    t.emulator.setSpeed(10);
    t.host.setClock(t.emulator.reading());
    await t.step(1000);
    await t.host.stop();
    expect(t.sent).toHaveLength(1100);
  });

  it('is not owed the records of a skip ahead: it carries on at its rate from the new time', async () => {
    const t = onVirtualTime(1);
    await t.start({ templates: [{ name: 't', source: '{"ts":{{date.now("x")}}}', weight: 1 }] });
    await t.step(1000);
    t.emulator.skip(60_000);
    t.host.setClock(t.emulator.reading());
    await t.step(1000);
    await t.host.stop();
    expect(t.sent).toHaveLength(200);
    expect(t.stats().elapsedMs).toBe(2000);
    const stamps = texts(t.sent).map((r) => r.ts as number);
    expect(stamps[199] - stamps[0]).toBeGreaterThan(60_000);
  });

  it('in AWS mode runs on real time, whatever the emulator clock does', async () => {
    const t = onVirtualTime(60);
    await t.start({ connection: { mode: 'aws', region: 'us-east-1' } });
    t.host.setClock(t.emulator.reading());
    await t.step(1000);
    await t.host.stop();
    expect(t.sent).toHaveLength(100);
    expect(t.host.now()).toBe(t.wall.now());
  });

  it('resumes a run with its counters: they carry on, not from zero', async () => {
    const t = onVirtualTime(1);
    await t.start({
      resume: { rendered: 1000, acknowledged: 990, failed: 3, retried: 3, pending: 10, dropped: 0, bytesSent: 99_000, elapsedMs: 10_000, keyFallbacks: 0, renderedByTemplate: { template: 1000 } },
    });
    await t.step(1000);
    await t.host.stop();
    expect(t.sent).toHaveLength(100);
    // The 10 pending at the cut are not known to have arrived: counted as dropped.
    expect(t.stats()).toMatchObject({ rendered: 1100, acknowledged: 1090, dropped: 10, failed: 3, elapsedMs: 11_000, renderedByTemplate: { template: 1100 } });
  });
});
