import { afterEach, describe, expect, it } from 'vitest';
import type { PutResult } from '../engine/generator/run';
import { decodeUtf8, encodeUtf8 } from '../engine/protocol/http';
import { createInThreadClient } from './client';
import { GeneratorHost, compileJob } from './generatorHost';
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
});
