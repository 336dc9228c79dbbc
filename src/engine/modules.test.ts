import { describe, expect, it } from 'vitest';
import { VirtualClock } from './common/clock';
import { SeededRng } from './common/rng';
import { ADVANCE_RETRY_MS, Emulator } from './emulator';
import { buildModules, SnapshotVersionError, type ModuleFactory } from './module';
import { serviceModules } from './modules';
import { defaultEngineOptions, type EngineContext } from './protocol/context';
import { testSignatureHeaders } from './protocol/testing';
import { encodeUtf8, type HttpRequestLike } from './protocol/http';

const T0 = Date.UTC(2026, 0, 1);

/** A made-up service: a counter with timed work every `every` ms, to test the module mechanism itself. */
const counterModule = (name: string, opts: { every?: number; fail?: () => boolean; needs?: string } = {}): ModuleFactory => ({
  name,
  create(_ctx, lookup) {
    if (opts.needs) lookup(opts.needs);
    let count = 0;
    let runs: number[] = [];
    let next = T0 + (opts.every ?? 0);
    return {
      name,
      service: { kind: 'json', targetPrefix: `Counter_${name}`, jsonVersion: '1.1', hasOperation: (op) => op === 'Get' || op === 'Add', call: () => ({ count }) },
      operations: { Get: 'read', Add: 'write' },
      exports: { runs: () => runs, add: () => count++ },
      snapshot: () => ({ version: 2, count }),
      restore(state) {
        const s = state as { version: number; count?: number; n?: number };
        // Version 1 called the field `n`.
        if (s.version === 1) count = s.n ?? 0;
        else if (s.version === 2) count = s.count ?? 0;
        else throw new SnapshotVersionError(`${name} ${s.version}`);
        runs = [];
      },
      advance: opts.every
        ? (now) => {
            if (opts.fail?.()) throw new Error('broken');
            while (next <= now) {
              runs.push(next);
              next += opts.every!;
            }
            return next;
          }
        : undefined,
    };
  },
});

const make = (modules: readonly ModuleFactory[] = serviceModules) => {
  const clock = new VirtualClock(T0);
  return { clock, emulator: new Emulator({ clock, rng: new SeededRng(1), modules }) };
};

const request = (target: string): HttpRequestLike => ({ method: 'POST', path: '/', query: {}, headers: { ...testSignatureHeaders('us-east-1'), 'x-amz-target': target }, body: encodeUtf8('{}') });

describe('service modules', () => {
  it('registers CloudWatch, then Kinesis (which reports to it), then Analytics (which reads Kinesis), one line each', () => {
    expect(serviceModules.map((m) => m.name)).toEqual(['cloudwatch', 'kinesis', 's3', 'functions', 'firehose', 'analytics', 'consumerApps']);
    expect(make().emulator.moduleNames).toEqual(['cloudwatch', 'kinesis', 's3', 'functions', 'firehose', 'analytics', 'consumerApps']);
  });

  it('lets a module look up only modules registered before it, and refuses a name twice', () => {
    const ctx: EngineContext = { clock: new VirtualClock(T0), rng: new SeededRng(1), metrics: { put() {} }, options: defaultEngineOptions, accountId: '1', defaultRegion: 'us-east-1' };
    expect(buildModules([counterModule('a'), counterModule('b', { needs: 'a' })], ctx).map((m) => m.name)).toEqual(['a', 'b']);
    expect(() => buildModules([counterModule('b', { needs: 'a' }), counterModule('a')], ctx)).toThrow('service module "a" is not registered before the module that needs it');
    expect(() => buildModules([counterModule('a'), counterModule('a')], ctx)).toThrow('service module "a" is registered twice');
  });

  it("asks each module whether a request only reads: Kinesis and CloudWatch reads, not their writes or unknown calls", () => {
    const { emulator } = make();
    const reads = ['Kinesis_20131202.DescribeStream', 'Kinesis_20131202.DescribeStreamSummary', 'Kinesis_20131202.ListStreams', 'Kinesis_20131202.ListShards', 'Kinesis_20131202.ListTagsForStream', 'Kinesis_20131202.GetShardIterator', 'GraniteServiceVersion20100801.GetMetricData', 'GraniteServiceVersion20100801.GetMetricStatistics', 'GraniteServiceVersion20100801.ListMetrics'];
    expect(reads.filter((t) => emulator.isReadOnly(request(t)))).toEqual(reads);
    const writes = ['Kinesis_20131202.PutRecords', 'Kinesis_20131202.CreateStream', 'Kinesis_20131202.GetRecords', 'GraniteServiceVersion20100801.PutMetricData', 'Kinesis_20131202.Nope', 'Nope.ListStreams'];
    expect(writes.filter((t) => emulator.isReadOnly(request(t)))).toEqual([]);
  });

  it("round-trips each module's state by name, migrates a module's older version, and starts a module missing from the snapshot empty", () => {
    const a = make([...serviceModules, counterModule('counter')]);
    a.emulator.exports<{ add: () => void }>('counter').add();
    const snap = JSON.parse(JSON.stringify(a.emulator.snapshot()));
    expect(snap.services.counter).toEqual({ version: 2, count: 1 });
    const b = make([...serviceModules, counterModule('counter')]);
    b.emulator.restore(snap);
    expect(b.emulator.snapshot().services.counter).toEqual({ version: 2, count: 1 });
    b.emulator.restore({ ...snap, services: { ...snap.services, counter: { version: 1, n: 7 } } });
    expect(b.emulator.snapshot().services.counter).toEqual({ version: 2, count: 7 });
    // A save from before the module existed.
    b.emulator.restore(make().emulator.snapshot());
    expect(b.emulator.snapshot().services.counter).toEqual({ version: 2, count: 0 });
  });

  it('runs each module at the times it asks for, and says when the next is due', () => {
    const { clock, emulator } = make([...serviceModules, counterModule('fast', { every: 1000 }), counterModule('slow', { every: 5000 })]);
    expect(emulator.advance(clock.now())).toBe(T0 + 1000);
    expect(emulator.advance(clock.advance(5000))).toBe(T0 + 6000);
    expect(emulator.exports<{ runs: () => number[] }>('fast').runs()).toEqual([1, 2, 3, 4, 5].map((s) => T0 + s * 1000));
    expect(emulator.exports<{ runs: () => number[] }>('slow').runs()).toEqual([T0 + 5000]);
  });

  it('reports a module that throws in its timed work and retries it a second later, while the others run on time', () => {
    let broken = true;
    const { clock, emulator } = make([...serviceModules, counterModule('bad', { every: 10_000, fail: () => broken }), counterModule('good', { every: 400 })]);
    const reports: string[] = [];
    const report = (m: string, e: unknown) => reports.push(`${m}: ${(e as Error).message}`);
    expect(emulator.advance(clock.advance(1000), report)).toBe(T0 + 1200);
    expect(reports).toEqual(['bad: broken']);
    expect(emulator.exports<{ runs: () => number[] }>('good').runs()).toEqual([T0 + 400, T0 + 800]);
    // Retried ADVANCE_RETRY_MS after the failure; fixed by then, it returns to its own times.
    expect(emulator.advance(clock.advance(200), report)).toBe(T0 + 1600);
    broken = false;
    expect(emulator.advance(clock.set(T0 + 1000 + ADVANCE_RETRY_MS), report)).toBe(T0 + 2400);
    expect(reports).toEqual(['bad: broken', 'bad: broken']);
  });
});
