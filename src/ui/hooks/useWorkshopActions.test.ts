import { DescribeApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { CreateStreamCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { emulatedClients } from '../../aws/testing';
import type { AnalyticsExports } from '../../engine/analytics/module';
import { SeededRng } from '../../engine/common/rng';
import { compileTemplate, TemplateRenderer } from '../../engine/generator/template';
import type { Detector, Remembered, WorkshopSnapshot } from '../workshop/detectors';
import {
  aggregatePumpRunning,
  applicationStopped,
  applicationWithSource,
  dedupPumpRunning,
  deliveryStreamToS3,
  filteredToFirehose,
  filterRowsSeen,
  objectsInS3,
  streamWithTwoShards,
} from '../workshop/detectors';
import { SUGGESTED } from '../workshop/steps';
import { scenarioById } from '../workshop/scenarios';
import {
  awaitWorkshopObjects,
  cleanUpWorkshop,
  connectWorkshopOutput,
  createWorkshopApplication,
  createWorkshopDelivery,
  createWorkshopStream,
  runWorkshopPumps,
  startWorkshopGenerator,
  stopWorkshopApplication,
  STEP_ACTIONS,
  workshopCodeUpTo,
  type ActionDeps,
} from './useWorkshopActions';
import { SENSOR_TEMPLATE } from './useGeneratorTemplates';
import { toWorkshopApp } from './useWorkshopProgress';
import { fetchDeliveryStreamRows } from './useFirehose';
import { fetchStreamRows } from '../lib/kinesisReads';
import { listBuckets } from './useS3';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ListApplicationsCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { WORKSHOP_SQL } from './workshopSql';

/**
 * The walkthrough's actions against an in-thread emulator on a manual clock: waiting moves the
 * clock, and a stand-in generator writes sensor records with PutRecords when asked.
 */
const setup = () => {
  const env = emulatedClients();
  const { clients, emulator, advance, clock } = env;
  let renderer = new TemplateRenderer(compileTemplate(SENSOR_TEMPLATE), { clock, rng: new SeededRng(7) });
  const run = { stream: undefined as string | undefined, running: false, acked: 0, rate: 0 };
  let remembered: Remembered = {};
  const put = async (count: number) => {
    const records = Array.from({ length: count }, (_, i) => ({ Data: new TextEncoder().encode(renderer.render() + '\n'), PartitionKey: String(i * 7919) }));
    const out = await clients.kinesis.send(new PutRecordsCommand({ StreamName: run.stream, Records: records }));
    run.acked += count - (out.FailedRecordCount ?? 0);
  };
  // The stand-in generator writes a batch on start and one each time the clock moves while it runs.
  const tick = async (ms: number) => {
    advance(ms);
    if (run.running) await put(20);
    advance(0);
  };
  const deps = (): ActionDeps => ({
    clients,
    mode: 'emulated',
    remembered,
    remember: (r) => (remembered = { ...r, ...remembered }),
    sleep: (ms) => tick(ms),
    startGenerator: async (form) => {
      Object.assign(run, { stream: form.stream, running: true, rate: Number(form.rate) });
      renderer = new TemplateRenderer(compileTemplate(form.templates[0].source), { clock, rng: new SeededRng(7) });
      await put(50);
      return true;
    },
    stopGenerator: () => (run.running = false),
    generator: () => ({ stream: run.stream, target: 'kinesis', targetRate: run.rate, anyAcknowledged: run.acked > 0, running: run.running, problem: undefined }),
    skipClock: (ms) => tick(ms),
  });
  const { runtime } = emulator.exports<AnalyticsExports>('analytics');
  /** The snapshot the walkthrough would build (the emulated-mode rows per in-application stream included). */
  const snapshot = async (): Promise<WorkshopSnapshot> => {
    const apps = await Promise.all(
      ((await clients.analytics.send(new ListApplicationsCommand({}))).ApplicationSummaries ?? []).map(async (s) => {
        const a = (await clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: s.ApplicationName }))).ApplicationDetail!;
        const tail = runtime.tail(a.ApplicationARN!);
        return toWorkshopApp(a, tail.running ? Object.fromEntries(tail.streams.map((t) => [t.name, t.total])) : undefined);
      }),
    );
    const buckets = (await listBuckets(clients.s3)).map((b) => b.name);
    const deliveryStreams = await Promise.all(
      (await fetchDeliveryStreamRows(clients.firehose)).map(async (row) => {
        const d = (await clients.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: row.name }))).DeliveryStreamDescription!;
        const s3d = d.Destinations?.[0]?.ExtendedS3DestinationDescription;
        const objects = row.bucket && buckets.includes(row.bucket) ? ((await clients.s3.send(new ListObjectsV2Command({ Bucket: row.bucket }))).Contents ?? []).map((o) => o.Key!) : undefined;
        return { name: row.name, status: row.status, bucket: row.bucket, sizeInMBs: s3d?.BufferingHints?.SizeInMBs, intervalInSeconds: s3d?.BufferingHints?.IntervalInSeconds, objects };
      }),
    );
    return {
      mode: 'emulated',
      streams: (await fetchStreamRows(clients.kinesis)).map((s) => ({ name: s.name, status: s.status, openShards: s.openShards })),
      applications: apps,
      deliveryStreams,
      buckets,
      generator: run.stream ? { stream: run.stream, target: 'kinesis', anyAcknowledged: run.acked > 0, targetRate: run.rate, running: run.running } : undefined,
    };
  };
  const done = new Set<string>();
  /** Runs the detector on a fresh snapshot; a passing step counts as done for the ones after it. */
  const check = async (id: string, d: Detector) => {
    const c = d(await snapshot(), { remembered, done });
    if (c.done) done.add(id);
    return c;
  };
  return { ...env, deps, check, tick, run, remembered: () => remembered };
};

describe('"Do this step for me" through the console SDK clients', () => {
  it('walks Activities 1-3: each action leaves the state its step\'s check accepts, and the clean-up leaves nothing', async () => {
    const t = setup();
    expect((await createWorkshopStream(t.deps())).remember).toEqual({ stream: SUGGESTED.stream });
    expect(await t.check('1-A', streamWithTwoShards)).toMatchObject({ done: true, remember: { stream: SUGGESTED.stream } });

    await startWorkshopGenerator(t.deps());
    expect(t.run).toMatchObject({ stream: SUGGESTED.stream, running: true, rate: 200 });

    await createWorkshopApplication(t.deps());
    expect(await t.check('2-A', applicationWithSource)).toMatchObject({ done: true, remember: { application: SUGGESTED.application } });

    for (const [i, id, detector] of [
      [0, '2-B', dedupPumpRunning],
      [1, '2-C', filterRowsSeen],
      [2, '2-D', aggregatePumpRunning],
    ] as const) {
      await runWorkshopPumps(i)(t.deps());
      // Rows flow while the generator writes; a 10-second window closes for 2-D.
      for (let k = 0; k < 12; k++) await t.tick(1000);
      const c = await t.check(id, detector);
      expect(c.detail).toMatch(/rows through/);
      expect(c.done).toBe(true);
    }
    const app = (await t.clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: SUGGESTED.application }))).ApplicationDetail!;
    // The code is the lab's script, statement for statement.
    expect(toWorkshopApp(app).code.replace(/\s+/g, ' ').trim()).toBe(WORKSHOP_SQL.replace(/\s+/g, ' ').trim());

    await stopWorkshopApplication(t.deps());
    expect(await t.check('2-E', applicationStopped)).toMatchObject({ done: true });

    expect((await createWorkshopDelivery(t.deps())).remember).toEqual({ deliveryStream: SUGGESTED.deliveryStream, bucket: SUGGESTED.bucket });
    expect(await t.check('3-A', deliveryStreamToS3)).toMatchObject({ done: true, remember: { deliveryStream: SUGGESTED.deliveryStream, bucket: SUGGESTED.bucket } });

    await connectWorkshopOutput(t.deps());
    expect(await t.check('3-B', filteredToFirehose)).toMatchObject({ done: true });

    await awaitWorkshopObjects(t.deps());
    expect(await t.check('3-C', objectsInS3)).toMatchObject({ done: true });

    await cleanUpWorkshop(t.deps());
    t.advance(10_000);
    expect(t.run.running).toBe(false);
    expect((await fetchStreamRows(t.clients.kinesis)).map((r) => r.name)).not.toContain(SUGGESTED.stream);
    expect(await listBuckets(t.clients.s3)).toEqual([]);
  });

  it('is idempotent: a second run reuses the stream, the application and its source, and keeps the code', async () => {
    const t = setup();
    await createWorkshopStream(t.deps());
    await createWorkshopStream(t.deps());
    await startWorkshopGenerator(t.deps());
    const acked = t.run.acked;
    await startWorkshopGenerator(t.deps());
    // The running generator is kept, not restarted.
    expect(t.run.acked).toBeGreaterThanOrEqual(acked);
    await createWorkshopApplication(t.deps());
    await runWorkshopPumps(2)(t.deps());
    const before = (await t.clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: SUGGESTED.application }))).ApplicationDetail!;
    await createWorkshopApplication(t.deps());
    await runWorkshopPumps(0)(t.deps());
    const after = (await t.clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: SUGGESTED.application }))).ApplicationDetail!;
    expect(after.ApplicationVersionId).toBe(before.ApplicationVersionId);
    expect(toWorkshopApp(after).code).toBe(workshopCodeUpTo(2));
  });

  it('fails with a readable reason when a stream of that name has the wrong number of shards', async () => {
    const t = setup();
    await t.clients.kinesis.send(new CreateStreamCommand({ StreamName: SUGGESTED.stream, ShardCount: 1 }));
    await expect(createWorkshopStream(t.deps())).rejects.toThrow(/1 open shards; the workshop uses 2/);
  });

  it('says which step comes first when the application is missing', async () => {
    const t = setup();
    await expect(runWorkshopPumps(0)(t.deps())).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: expect.stringMatching(/do step 2-A first/) });
  });

  for (const [scenario, prefix] of [
    ['cloudtrail', 'CT'],
    ['clickstream', 'CS'],
  ] as const)
    it(`walks the ${scenario} scenario: each action leaves the state its step's check accepts, and the clean-up leaves nothing`, async () => {
      const t = setup();
      const sc = scenarioById(scenario);
      const steps = sc.steps({ mode: 'emulated', region: 'us-east-1', remembered: {} });
      for (const step of steps) {
        const action = STEP_ACTIONS[step.id];
        expect(action.plan({}, 'emulated').length).toBeGreaterThan(10);
        await action.run!(t.deps());
        // Rows flow while the generator writes; the clock passes a minute's end for the windows (and the forest's 256-row sample fills).
        if (/-[4-9]$/.test(step.id) && step.check.kind === 'auto' && step.id !== steps[steps.length - 1].id) for (let k = 0; k < 65; k++) await t.tick(1000);
        if (step.id === steps[steps.length - 1].id) t.advance(10_000);
        if (step.check.kind !== 'auto') throw new Error(`${step.id} is not automatic`);
        const c = await t.check(step.id, step.check.detector);
        expect([step.id, c.done, c.detail]).toEqual([step.id, true, c.detail]);
      }
      expect(t.remembered()).toEqual({ stream: sc.suggested.stream, application: sc.suggested.application });
      expect(t.run.running).toBe(false);
      expect((await fetchStreamRows(t.clients.kinesis)).map((r) => r.name)).toEqual([]);
      expect(Object.keys(STEP_ACTIONS).filter((id) => id.startsWith(`${prefix}-`))).toEqual(steps.map((s) => s.id));
    });

  it('a scenario step says which step makes its application when it is missing', async () => {
    const t = setup();
    await expect(STEP_ACTIONS['CT-4'].run!(t.deps())).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: expect.stringMatching(/do step CT-3 first/) });
  });
});
