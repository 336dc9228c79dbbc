import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock, ScaledClock } from '../engine/common/clock';
import { decodeUtf8, encodeUtf8, type HttpRequestLike } from '../engine/protocol/http';
import { createInThreadClient, createWorkerClient, type EmulatorClient, type WorkerLike } from './client';
import { EmulatorHost } from './host';
import { MemoryStorage } from './persistence';
import { EmulatorRestartedError, WorkerCommand, type FromWorker, type ToWorker } from './protocol';
import { portTransport, servePort } from './relay';

const unknownOp: HttpRequestLike = {
  method: 'POST',
  path: '/',
  query: {},
  headers: { 'x-amz-target': 'Kinesis_20131202.NoSuchOperation', 'content-type': 'application/x-amz-json-1.1' },
  body: encodeUtf8('{}'),
};

const text = (b: Uint8Array | string) => (typeof b === 'string' ? b : decodeUtf8(b));

/** A Worker stand-in that runs the worker's message switch on a host in this thread. */
const stubWorker = (host: EmulatorHost): WorkerLike & { terminated: boolean } => {
  const listeners: ((e: MessageEvent<FromWorker>) => void)[] = [];
  return {
    terminated: false,
    postMessage(msg: ToWorker) {
      if (this.terminated) return;
      if (msg.cmd === WorkerCommand.Http) {
        void host.answer(msg).then((reply) => listeners.forEach((l) => l({ data: reply } as MessageEvent<FromWorker>)));
      } else if (msg.cmd === WorkerCommand.Serve) {
        servePort(msg.port, async (request) => {
          const reply = await host.answer({ cmd: WorkerCommand.Http, id: 0, request });
          if (!reply.ok) throw new Error(reply.error);
          return reply.response;
        });
      } else if (msg.cmd === WorkerCommand.Ping) {
        listeners.forEach((l) => l({ data: msg } as MessageEvent<FromWorker>));
      } else expose(host, msg.port);
    },
    addEventListener(type: 'message' | 'error', l: (e: never) => void) {
      if (type === 'message') listeners.push(l as (e: MessageEvent<FromWorker>) => void);
    },
    terminate() {
      this.terminated = true;
    },
  };
};

const clients: EmulatorClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));

const makers: [string, (host: EmulatorHost) => EmulatorClient][] = [
  ['in-thread', (host) => createInThreadClient(host)],
  ['worker', (host) => createWorkerClient(stubWorker(host))],
];

describe.each(makers)('EmulatorClient (%s)', (_name, make) => {
  const fresh = () => {
    const base = new VirtualClock(Date.UTC(2026, 0, 1));
    const host = new EmulatorHost({ clock: new ScaledClock(base) });
    const client = make(host);
    clients.push(client);
    return { base, host, client };
  };

  it('carries an AWS request to the emulator and its error envelope back', async () => {
    const { client } = fresh();
    const res = await client.transport(unknownOp);
    expect(res.statusCode).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(text(res.body))).toEqual({ __type: 'UnknownOperationException' });
  });

  it('answers concurrent requests each with its own response', async () => {
    const { client } = fresh();
    const bad = { ...unknownOp, body: encodeUtf8('not json') };
    const results = await Promise.all([client.transport(unknownOp), client.transport(bad), client.transport(unknownOp)]);
    expect(results.map((r) => r.statusCode)).toEqual([400, 400, 400]);
  });

  it('speeds the emulator clock up and skips it forward over the console channel', async () => {
    const { base, client } = fresh();
    expect(await client.console.clock()).toEqual({ now: Date.UTC(2026, 0, 1), speed: 1 });
    await client.console.setSpeed(10);
    base.advance(1000);
    expect(await client.console.clock()).toEqual({ now: Date.UTC(2026, 0, 1) + 10_000, speed: 10 });
    const after = await client.console.skip(60_000);
    expect(after.now).toBe(Date.UTC(2026, 0, 1) + 70_000);
  });

  it('gives a reading of the clock with its wall time, which another thread can run on from', async () => {
    const { base, client } = fresh();
    await client.console.setSpeed(60);
    await client.console.skip(5000);
    base.advance(1000);
    expect(await client.console.clockReading()).toEqual({ now: Date.UTC(2026, 0, 1) + 65_000, wallAt: Date.UTC(2026, 0, 1) + 1000, speed: 60 });
  });

  it('rejects a speed that is not a positive number', async () => {
    const { client } = fresh();
    await expect(client.console.setSpeed(0)).rejects.toThrow('speed must be a positive number');
  });

  it('keeps transformation functions over the console channel: put (with the default timeout), list, replace, delete', async () => {
    const { client } = fresh();
    const source = 'exports.handler = async (event) => ({ records: [] });';
    expect(await client.console.putTransformFunction({ name: 'upper', source })).toEqual({
      arn: 'arn:aws:lambda:us-east-1:000000000000:function:upper',
    });
    await client.console.putTransformFunction({ name: 'upper', source: '// v2', timeoutSeconds: 60 });
    expect(await client.console.listTransformFunctions()).toEqual([
      { name: 'upper', arn: 'arn:aws:lambda:us-east-1:000000000000:function:upper', source: '// v2', timeoutSeconds: 60 },
    ]);
    await expect(client.console.putTransformFunction({ name: 'no spaces', source })).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await client.console.deleteTransformFunction('upper');
    expect(await client.console.listTransformFunctions()).toEqual([]);
    await expect(client.console.deleteTransformFunction('upper')).rejects.toThrow(
      'Function not found: arn:aws:lambda:us-east-1:000000000000:function:upper',
    );
  });

  it('reset gives a fresh emulator on the same clock', async () => {
    const { host, client } = fresh();
    const before = host.emulator;
    await client.console.skip(5000);
    await client.console.reset();
    expect(host.emulator).not.toBe(before);
    expect(host.emulator.ctx.clock.now()).toBe(Date.UTC(2026, 0, 1) + 5000);
  });

  it('carries a subscription to a shard across: its events, then nothing once reset forgot it', async () => {
    const { host, client } = fresh();
    const rc = { region: 'us-east-1', requestId: 't' };
    const call = (op: string, input: Record<string, unknown>): any => host.emulator.kinesis.call(op, input, rc);
    call('CreateStream', { StreamName: 's', ShardCount: 1 });
    await client.console.skip(60_000);
    const streamArn = call('DescribeStreamSummary', { StreamName: 's' }).StreamDescriptionSummary.StreamARN;
    const consumerArn = call('RegisterStreamConsumer', { StreamARN: streamArn, ConsumerName: 'c' }).Consumer.ConsumerARN;
    await client.console.skip(60_000);
    const { SequenceNumber } = call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: btoa('hello') });
    const id = await client.console.subscribeToShard(consumerArn, 'shardId-000000000000', { Type: 'TRIM_HORIZON' });
    expect(await client.console.pollSubscription(id)).toEqual({
      events: [{ Records: [expect.objectContaining({ SequenceNumber, PartitionKey: 'k', Data: btoa('hello') })], ContinuationSequenceNumber: SequenceNumber, MillisBehindLatest: 0 }],
    });
    await client.console.reset();
    await expect(client.console.pollSubscription(id)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('createInThreadClient', () => {
  it('holds calls until a host that is still loading is there, then answers them', async () => {
    let loaded!: (host: EmulatorHost) => void;
    const client = createInThreadClient(new Promise<EmulatorHost>((resolve) => (loaded = resolve)));
    let answered = false;
    const call = client.transport(unknownOp).then((res) => ((answered = true), res));
    const clock = client.console.clock();
    await new Promise((r) => setTimeout(r, 0));
    expect(answered).toBe(false);
    loaded(new EmulatorHost({ clock: new ScaledClock(new VirtualClock(Date.UTC(2026, 0, 1))) }));
    expect((await call).headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(await clock).toEqual({ now: Date.UTC(2026, 0, 1), speed: 1 });
  });

  it('fails its calls when the host cannot be loaded', async () => {
    const client = createInThreadClient(Promise.reject(new Error('Failed to fetch dynamically imported module')));
    await expect(client.transport(unknownOp)).rejects.toThrow('Failed to fetch dynamically imported module');
    await expect(client.console.storage()).rejects.toThrow('Failed to fetch dynamically imported module');
  });
});

describe('createWorkerClient', () => {
  it('fails waiting and later calls when the worker cannot start', async () => {
    let onError: ((e: ErrorEvent) => void) | undefined;
    const broken: WorkerLike = {
      postMessage() {},
      addEventListener(type: 'message' | 'error', l: (e: never) => void) {
        if (type === 'error') onError = l as (e: ErrorEvent) => void;
      },
      terminate() {},
    };
    const client = createWorkerClient(broken);
    const waiting = client.transport(unknownOp);
    onError?.({ message: 'Failed to fetch the worker script' } as ErrorEvent);
    await expect(waiting).rejects.toThrow('the emulator worker failed: Failed to fetch the worker script');
    await expect(client.transport(unknownOp)).rejects.toThrow('the emulator worker failed');
  });

  it('rejects calls still waiting when the worker is stopped', async () => {
    const never: WorkerLike & { terminated: boolean } = {
      terminated: false,
      postMessage() {},
      addEventListener() {},
      terminate() {
        this.terminated = true;
      },
    };
    const client = createWorkerClient(never);
    const call = client.transport(unknownOp);
    client.dispose();
    await expect(call).rejects.toThrow('the emulator was stopped');
    expect(never.terminated).toBe(true);
  });
});

describe('connectPort', () => {
  for (const kind of ['in-thread', 'worker'] as const) {
    it(`gives another thread a direct line to the same emulator (${kind})`, async () => {
      const host = new EmulatorHost();
      const client = kind === 'in-thread' ? createInThreadClient(host) : createWorkerClient(stubWorker(host));
      clients.push(client);
      const channel = new MessageChannel();
      client.connectPort(channel.port1);
      const other = portTransport(channel.port2 as never);
      try {
        const res = await other(unknownOp);
        expect(res.statusCode).toBe(400);
        expect(JSON.parse(text(res.body)).__type).toBe('UnknownOperationException');
      } finally {
        other.close();
      }
    });
  }
});

describe('a crashed emulator worker', () => {
  /** A heartbeat driven by the test: `tick()` moves wall time on by one beat. */
  const beats = () => {
    let t = 0;
    let fn: (() => void) | undefined;
    return {
      timers: { setInterval: (f: () => void) => (fn = f), clearInterval: () => (fn = undefined), now: () => t },
      tick: async (ms = 10) => {
        t += ms;
        fn?.();
        await new Promise((r) => setTimeout(r, 0));
      },
    };
  };
  const put = (data: string): HttpRequestLike => ({
    method: 'POST',
    path: '/',
    query: {},
    headers: {
      'x-amz-target': 'Kinesis_20131202.PutRecord',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-date': '20260101T000000Z',
      authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: encodeUtf8(JSON.stringify({ StreamName: 's', PartitionKey: 'k', Data: btoa(data) })),
  });

  it('is noticed by the heartbeat, replaced by one that restores every acknowledged change, and the calls it owed fail retryably', async () => {
    const storage = new MemoryStorage();
    const workers: ReturnType<typeof stubWorker>[] = [];
    const start = () => {
      const w = stubWorker(new EmulatorHost({ clock: new ScaledClock(new VirtualClock(Date.UTC(2026, 0, 1))), storage, options: { stateDelayMs: 0 } }));
      workers.push(w);
      return w;
    };
    const hb = beats();
    const client = createWorkerClient(start, { everyMs: 10, deadAfterMs: 50, timers: hb.timers });
    clients.push(client);
    const restarts: unknown[] = [];
    client.onRestart((e) => restarts.push(e));
    await hb.tick();
    const create = { ...put(''), headers: { ...put('').headers, 'x-amz-target': 'Kinesis_20131202.CreateStream' }, body: encodeUtf8('{"StreamName":"s","ShardCount":1}') };
    expect((await client.transport(create)).statusCode).toBe(200);
    const { SequenceNumber } = JSON.parse(text((await client.transport(put('kept'))).body));

    client.crash();
    const owed = client.transport(put('never answered'));
    const owedError = owed.catch((e: unknown) => e);
    for (let i = 0; i < 8 && restarts.length === 0; i++) await hb.tick();
    expect(restarts).toEqual([{ restarted: true }]);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    const e = await owedError;
    expect(e).toBeInstanceOf(EmulatorRestartedError);
    expect(e).toMatchObject({ name: 'EmulatorRestarted', $retryable: {} });

    // The new worker restored the save: the acknowledged record is there, at its sequence number.
    const it = JSON.parse(
      text(
        (
          await client.transport({
            ...create,
            headers: { ...create.headers, 'x-amz-target': 'Kinesis_20131202.GetShardIterator' },
            body: encodeUtf8(JSON.stringify({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: SequenceNumber })),
          })
        ).body,
      ),
    );
    const got = JSON.parse(
      text((await client.transport({ ...create, headers: { ...create.headers, 'x-amz-target': 'Kinesis_20131202.GetRecords' }, body: encodeUtf8(JSON.stringify(it)) })).body),
    );
    expect(got.Records[0]).toMatchObject({ SequenceNumber, Data: btoa('kept') });
    expect(await client.console.clock()).toMatchObject({ speed: 1 });
  });

  it('is given up on after too many restarts in a row, and every call then says so', async () => {
    const hb = beats();
    const client = createWorkerClient(() => stubWorker(new EmulatorHost()), { everyMs: 10, deadAfterMs: 15, maxRestarts: 1, timers: hb.timers });
    clients.push(client);
    const events: unknown[] = [];
    client.onRestart((e) => events.push(e));
    for (let round = 0; round < 2; round++) {
      // Answering once makes it a worker that ran (one that never did is not restarted).
      await hb.tick();
      await hb.tick();
      client.crash();
      for (let i = 0; i < 4; i++) await hb.tick();
    }
    expect(events).toEqual([
      { restarted: true },
      { restarted: false, reason: 'The emulator stopped unexpectedly and could not be kept running; reload the page to start it again.' },
    ]);
    await expect(client.transport(unknownOp)).rejects.toThrow('could not be kept running');
  });
});
