import { DescribeApplicationCommand, type ApplicationDetail } from '@aws-sdk/client-kinesis-analytics-v2';
import { DescribeDeliveryStreamCommand, type DeliveryStreamDescription } from '@aws-sdk/client-firehose';
import { DescribeStreamSummaryCommand, type StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { ServiceClients } from '../../aws/clients';
import { bucketOfArn } from '../lib/firehoseRules';
import { hasPump, WORKSHOP_BUFFERING, type Remembered } from '../workshop/detectors';
import { selectedProgress, type ProgressStore } from '../workshop/progress';
import { CLICKSTREAM_RATE, CLOUDTRAIL_RATE, scenarioById, type Scenario } from '../workshop/scenarios';
import { SUGGESTED } from '../workshop/steps';
import { describeError, type ShownError } from './errors';
import { useServices } from './services';
import { addOutput, appParts, createApplication, discoverSchema, isTransitionalApp, saveCode, saveSource, startApplication, stopApplication, type SourceSchema } from './useAnalytics';
import { cleanupInventory, runCleanup } from './useCleanup';
import { useEmulatorClockControls } from './useEmulatorConsole';
import { createDeliveryStream, s3DestinationOf } from './useFirehose';
import { generatorRunNow, useGeneratorControls, type GeneratorForm } from './useGenerator';
import { SENSOR_TEMPLATE } from './useGeneratorTemplates';
import { createBucket, listBuckets } from './useS3';
import { createStream } from './useStreams';
import { CLICKSTREAM_SQL_STEPS, CLICKSTREAM_TEMPLATE, CLOUDTRAIL_SQL_STEPS, CLOUDTRAIL_TEMPLATE, sqlUpTo, WORKSHOP_SQL_STEPS, type SqlStep } from './workshopSql';

/*
 * "Do this step for me": each step's action makes what the step makes, with the requests the
 * pages send when the user clicks through them (the same plain functions the page hooks wrap),
 * under the names the walkthrough suggests or has learned. An action that finds its work done
 * (the stream exists, the pump is in the code) does not do it again.
 */

type Clients = Pick<ServiceClients, 'kinesis' | 'analytics' | 'firehose' | 's3'>;

/** What an action needs besides the SDK clients: the generator, the emulator's clock, time. */
export interface ActionDeps {
  clients: Clients;
  mode: 'emulated' | 'aws';
  /** Names learned so far (read when the action starts). */
  remembered: Remembered;
  /** Learns names as soon as they exist, so a retry after a failure reuses them. */
  remember: (r: Remembered) => void;
  /** Waits a while (the page: a timer; tests: the emulator's clock moved on). */
  sleep: (ms: number) => Promise<void>;
  startGenerator: (form: GeneratorForm) => Promise<boolean>;
  stopGenerator: () => unknown;
  /** The generator's current run. */
  generator: () => ReturnType<typeof generatorRunNow>;
  /** Moves the emulator's clock ahead (emulated mode only). */
  skipClock: (ms: number) => Promise<void>;
  /** Says how far a long action has got. */
  onProgress?: (text: string) => void;
}

export interface ActionResult {
  detail: string;
  remember?: Remembered;
}

/** The rate "Do this step for me" runs the generator at (the lab's range is 100-500 records a second). */
export const GENERATOR_RATE = 200;

/** An error with AWS's shape (type in `name`), for what the console itself finds wrong. */
const stepError = (message: string, type = 'WorkshopStepFailed') => Object.assign(new Error(message), { name: type });

const notFound = (e: unknown) => (e as { name?: string }).name === 'ResourceNotFoundException';

/** Asks `probe` every `everyMs` until it gives a value, `tries` times at most. */
const waitFor = async <T>(deps: ActionDeps, what: string, probe: () => Promise<T | undefined>, tries = 120, everyMs = 500): Promise<T> => {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await deps.sleep(everyMs);
  }
  throw stepError(`Gave up waiting for ${what}.`, 'Timeout');
};

const streamSummary = async (c: Clients, name: string): Promise<StreamDescriptionSummary | undefined> => {
  try {
    return (await c.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary;
  } catch (e) {
    if (notFound(e)) return undefined;
    throw e;
  }
};

const describeApp = async (c: Clients, name: string): Promise<ApplicationDetail | undefined> => {
  try {
    return (await c.analytics.send(new DescribeApplicationCommand({ ApplicationName: name }))).ApplicationDetail;
  } catch (e) {
    if (notFound(e)) return undefined;
    throw e;
  }
};

const describeDelivery = async (c: Clients, name: string): Promise<DeliveryStreamDescription | undefined> => {
  try {
    return (await c.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription;
  } catch (e) {
    if (notFound(e)) return undefined;
    throw e;
  }
};

/** The names learned so far, else the ones the scenario suggests (the immersion day's by default). */
const names = (r: Remembered, suggested: Scenario['suggested'] = SUGGESTED) => ({
  stream: r.stream ?? suggested.stream,
  application: r.application ?? suggested.application,
  deliveryStream: r.deliveryStream ?? suggested.deliveryStream ?? SUGGESTED.deliveryStream,
});

/** The workshop's application once it is not changing state; an error when it does not exist (`appStep` makes it). */
const settledApp = (deps: ActionDeps, name: string, appStep = '2-A') =>
  waitFor(deps, `${name} to settle`, async () => {
    const app = await describeApp(deps.clients, name);
    if (!app) throw stepError(`There is no application ${name}: do step ${appStep} first.`, 'ResourceNotFoundException');
    return isTransitionalApp(app.ApplicationStatus) ? undefined : app;
  });

const appInStatus = (deps: ActionDeps, name: string, status: 'RUNNING' | 'READY') =>
  waitFor(deps, `${name} to be ${status}`, async () => {
    const app = await describeApp(deps.clients, name);
    return app?.ApplicationStatus === status ? app : undefined;
  });

/** A provisioned stream of `shards` shards named `stream`, ACTIVE (an existing one of that name is reused). */
const ensureStream = async (deps: ActionDeps, stream: string, shards: number): Promise<StreamDescriptionSummary> => {
  if (!(await streamSummary(deps.clients, stream))) await createStream(deps.clients.kinesis, { name: stream, mode: 'PROVISIONED', shardCount: shards });
  deps.remember({ stream });
  deps.onProgress?.(`Waiting for ${stream} to be ACTIVE`);
  return waitFor(deps, `${stream} to be ACTIVE`, async () => {
    const x = await streamSummary(deps.clients, stream);
    return x?.StreamStatus === 'ACTIVE' ? x : undefined;
  });
};

/** 1-A: a provisioned stream of 2 shards, ACTIVE (an existing one of that name is reused). */
export const createWorkshopStream = async (deps: ActionDeps): Promise<ActionResult> => {
  const { stream } = names(deps.remembered);
  const s = await ensureStream(deps, stream, 2);
  if (s.OpenShardCount !== 2) throw stepError(`${stream} exists with ${s.OpenShardCount ?? 0} open shards; the workshop uses 2. Reshard it on its Shards tab or delete it.`);
  return { detail: `${stream} is ACTIVE with 2 shards.`, remember: { stream } };
};

/** A scenario's first step: its stream, one shard, ACTIVE (an existing one of that name is reused, whatever its shards). */
export const createScenarioStream =
  (suggested: Scenario['suggested']) =>
  async (deps: ActionDeps): Promise<ActionResult> => {
    const { stream } = names(deps.remembered, suggested);
    await ensureStream(deps, stream, 1);
    return { detail: `${stream} is ACTIVE.`, remember: { stream } };
  };

/** The generator sending `template` at `rate` records a second to `stream` (a run that already does is kept), until records are acknowledged. */
const ensureGenerator = async (deps: ActionDeps, stream: string, template: { name: string; source: string }, rate: number, keep: (r: ReturnType<ActionDeps['generator']>) => boolean) => {
  const run = deps.generator();
  const fits = run.running && run.stream === stream && run.target !== 'firehose' && keep(run);
  if (!fits) {
    if (run.running) await deps.stopGenerator();
    const ok = await deps.startGenerator({
      stream,
      target: 'kinesis',
      templates: [{ ...template, weight: 1 }],
      rate: String(rate),
      limit: '',
      partitionKey: { kind: 'random' },
      newline: true,
      gzip: false,
    });
    if (!ok) throw stepError(deps.generator().problem ?? `The generator did not start on ${stream}.`, 'GeneratorNotStarted');
  }
  deps.onProgress?.('Waiting for the first acknowledged records');
  await waitFor(deps, `records acknowledged by ${stream}`, async () => {
    const now = deps.generator();
    if (!now.running && !now.anyAcknowledged) throw stepError(now.problem ?? 'The generator stopped.', 'GeneratorStopped');
    return now.anyAcknowledged || undefined;
  });
};

/** 1-C: the generator sends the sensor template at GENERATOR_RATE to the stream, until records are acknowledged. */
export const startWorkshopGenerator = async (deps: ActionDeps): Promise<ActionResult> => {
  const { stream } = names(deps.remembered);
  await ensureGenerator(deps, stream, { name: 'Sensor readings', source: SENSOR_TEMPLATE }, GENERATOR_RATE, (r) => r.targetRate >= 100 && r.targetRate <= 500);
  return { detail: `The generator sends ${GENERATOR_RATE} records a second to ${stream}.`, remember: { stream } };
};

/** A scenario's second step: the generator sends its template at `rate` to the scenario's stream. */
export const startScenarioGenerator =
  (suggested: Scenario['suggested'], template: { name: string; source: string }, rate: number) =>
  async (deps: ActionDeps): Promise<ActionResult> => {
    const { stream } = names(deps.remembered, suggested);
    // A run of another template to the same stream is replaced: the next step's schema needs this one's records.
    await ensureGenerator(deps, stream, template, rate, () => false);
    return { detail: `The generator sends ${rate} records a second (${template.name}) to ${stream}.`, remember: { stream } };
  };

/** 2-A: the application, with the stream as its source and the schema discovery proposes. */
export const createWorkshopApplication = (deps: ActionDeps): Promise<ActionResult> => ensureApplication(deps, names(deps.remembered));

/** A scenario's application reading its stream, with the schema discovery proposes. */
export const createScenarioApplication = (suggested: Scenario['suggested']) => (deps: ActionDeps) => ensureApplication(deps, names(deps.remembered, suggested));

const ensureApplication = async (deps: ActionDeps, { stream, application }: { stream: string; application: string }): Promise<ActionResult> => {
  const c = deps.clients;
  let app = await describeApp(c, application);
  if (!app) {
    await createApplication(c.analytics, { name: application });
    app = await settledApp(deps, application);
  }
  deps.remember({ application });
  if (!appParts(app).input) {
    const arn = (await streamSummary(c, stream))?.StreamARN;
    if (!arn) throw stepError(`There is no stream ${stream}: do step 1-A first.`, 'ResourceNotFoundException');
    deps.onProgress?.(`Discovering the schema of ${stream}`);
    // Discovery needs records in the stream: a generator that has only just started may not have written any yet.
    let schema: SourceSchema | undefined;
    for (let i = 0; !schema; i++) {
      try {
        schema = (await discoverSchema(c.analytics, { resourceArn: arn, position: 'TRIM_HORIZON' })).InputSchema as SourceSchema;
      } catch (e) {
        if ((e as { name?: string }).name !== 'UnableToDetectSchemaException' || i >= 10) throw e;
        await deps.sleep(2000);
      }
    }
    await saveSource(c.analytics, { name: application, app: await settledApp(deps, application), kind: 'kinesis', resourceArn: arn, schema });
  }
  return { detail: `${application} reads ${stream}.`, remember: { application } };
};

const WORKSHOP_SQL_LIST = [WORKSHOP_SQL_STEPS.dedup, WORKSHOP_SQL_STEPS.filter, WORKSHOP_SQL_STEPS.aggregate];

/** Activity 2's SQL up to the pump of step `upTo` (0: 2-B, 1: 2-C, 2: 2-D), statements as the lab has them. */
export const workshopCodeUpTo = (upTo: number): string => sqlUpTo(WORKSHOP_SQL_LIST, upTo);

/**
 * The application's code has the pumps of `sql` up to the `upTo`-th, and it runs. Code that lacks
 * one of them is replaced by the scenario's SQL up to there (as the steps offer it).
 */
const runPumps =
  (sql: readonly SqlStep[], upTo: number, suggested: Scenario['suggested'] = SUGGESTED, appStep = '2-A') =>
  async (deps: ActionDeps): Promise<ActionResult> => {
    const { application } = names(deps.remembered, suggested);
    const c = deps.clients;
    const app = await settledApp(deps, application, appStep);
    const parts = appParts(app);
    if (!parts.input) throw stepError(`${application} has no source yet: do step ${appStep} first.`);
    const has = sql.slice(0, upTo + 1).every((p) => hasPump(parts.code, p.pumpName, p.into));
    if (!has) await saveCode(c.analytics, { name: application, app, code: sqlUpTo(sql, upTo), run: true });
    else if (app.ApplicationStatus === 'READY') await startApplication(c.analytics, { name: application, inputId: parts.input.InputId ?? '1.1', position: 'NOW' });
    deps.onProgress?.(`Waiting for ${application} to run`);
    await appInStatus(deps, application, 'RUNNING');
    return { detail: `${sql[upTo].pumpName} runs in ${application}.`, remember: { application } };
  };

/** 2-B, 2-C, 2-D: the application's code has the pumps up to this step's, and it runs. */
export const runWorkshopPumps = (upTo: number) => runPumps(WORKSHOP_SQL_LIST, upTo);

/** A scenario's SQL steps: the pumps up to the `upTo`-th run in its application. */
export const runScenarioPumps = (scenario: Scenario, sql: readonly SqlStep[], upTo: number, appStep: string) => runPumps(sql, upTo, scenario.suggested, appStep);

/** 2-E: the application stopped (READY). */
export const stopWorkshopApplication = async (deps: ActionDeps): Promise<ActionResult> => {
  const { application } = names(deps.remembered);
  const app = await settledApp(deps, application);
  if (app.ApplicationStatus === 'RUNNING') await stopApplication(deps.clients.analytics, { name: application });
  await appInStatus(deps, application, 'READY');
  return { detail: `${application} is stopped.` };
};

/** A bucket name for AWS mode, where names are global: the suggested one with a few random letters. */
const awsBucketName = () => `${SUGGESTED.bucket}-${Math.random().toString(36).slice(2, 8)}`;

/** 3-A: a bucket and a Direct PUT delivery stream to it, buffering 5 MB / 60 s, ACTIVE. */
export const createWorkshopDelivery = async (deps: ActionDeps): Promise<ActionResult> => {
  const { deliveryStream } = names(deps.remembered);
  const c = deps.clients;
  const existing = await describeDelivery(c, deliveryStream);
  let bucket = bucketOfArn(s3DestinationOf(existing)?.BucketARN) ?? deps.remembered.bucket ?? (deps.mode === 'emulated' ? SUGGESTED.bucket : awsBucketName());
  if (!existing) {
    if (!(await listBuckets(c.s3)).some((b) => b.name === bucket)) await createBucket(c.s3, bucket);
    deps.remember({ bucket });
    await createDeliveryStream(c.firehose, {
      name: deliveryStream,
      source: 'DirectPut',
      bucket,
      prefix: '',
      errorPrefix: '',
      sizeInMBs: WORKSHOP_BUFFERING.sizeInMBs,
      intervalInSeconds: WORKSHOP_BUFFERING.intervalInSeconds,
      compression: 'UNCOMPRESSED',
      errorLogging: true,
    });
  }
  deps.remember({ deliveryStream, bucket });
  deps.onProgress?.(`Waiting for ${deliveryStream} to be ACTIVE`);
  const d = await waitFor(deps, `${deliveryStream} to be ACTIVE`, async () => {
    const x = await describeDelivery(c, deliveryStream);
    if (x?.DeliveryStreamStatus === 'CREATING_FAILED') throw stepError(`${deliveryStream} could not be created.`, 'CREATING_FAILED');
    return x?.DeliveryStreamStatus === 'ACTIVE' ? x : undefined;
  });
  bucket = bucketOfArn(s3DestinationOf(d)?.BucketARN) ?? bucket;
  return { detail: `${deliveryStream} delivers to s3://${bucket}.`, remember: { deliveryStream, bucket } };
};

/** The in-application stream the lab sends to Firehose. */
export const WORKSHOP_OUTPUT = 'FILTERED_STREAM';

/** 3-B: FILTERED_STREAM goes to the delivery stream as CSV, and the application runs. */
export const connectWorkshopOutput = async (deps: ActionDeps): Promise<ActionResult> => {
  const { application, deliveryStream } = names(deps.remembered);
  const c = deps.clients;
  const arn = (await describeDelivery(c, deliveryStream))?.DeliveryStreamARN;
  if (!arn) throw stepError(`There is no delivery stream ${deliveryStream}: do step 3-A first.`, 'ResourceNotFoundException');
  let app = await settledApp(deps, application);
  if (!appParts(app).outputs.some((o) => o.KinesisFirehoseOutputDescription?.ResourceARN === arn && o.Name?.toUpperCase() === WORKSHOP_OUTPUT)) {
    await addOutput(c.analytics, { name: application, version: app.ApplicationVersionId ?? 1, streamName: WORKSHOP_OUTPUT, resourceArn: arn, kind: 'firehose', format: 'CSV' });
    app = await settledApp(deps, application);
  }
  const input = appParts(app).input;
  if (app.ApplicationStatus === 'READY') await startApplication(c.analytics, { name: application, inputId: input?.InputId ?? '1.1', position: 'NOW' });
  deps.onProgress?.(`Waiting for ${application} to run`);
  await appInStatus(deps, application, 'RUNNING');
  return { detail: `${application} sends ${WORKSHOP_OUTPUT} to ${deliveryStream} as CSV.` };
};

/** 3-C: waits for the delivery stream's first object; in emulated mode the clock skips past the buffer interval. */
export const awaitWorkshopObjects = async (deps: ActionDeps): Promise<ActionResult> => {
  const { deliveryStream } = names(deps.remembered);
  const c = deps.clients;
  const d = await describeDelivery(c, deliveryStream);
  const dest = s3DestinationOf(d);
  const bucket = bucketOfArn(dest?.BucketARN);
  if (!bucket) throw stepError(`There is no delivery stream ${deliveryStream} to S3: do step 3-A first.`, 'ResourceNotFoundException');
  const emulated = deps.mode === 'emulated';
  const skip = (WORKSHOP_BUFFERING.intervalInSeconds + 1) * 1000;
  const key = await waitFor(
    deps,
    `an object from ${deliveryStream} in s3://${bucket}`,
    async () => {
      const out = await c.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: (dest?.Prefix ?? '').split('!{')[0], MaxKeys: 100 }));
      const k = out.Contents?.map((o) => o.Key ?? '').find((x) => x.split('/').pop()!.startsWith(`${deliveryStream}-`));
      if (k) return k;
      if (emulated) {
        deps.onProgress?.(`Skipping the clock ${skip / 1000} s ahead`);
        await deps.skipClock(skip);
      } else deps.onProgress?.(`Waiting for ${deliveryStream}'s buffer interval`);
      return undefined;
    },
    // Emulated: a few skips (rows must reach the buffer first); AWS: up to about 3 minutes.
    emulated ? 6 : 36,
    emulated ? 2000 : 5000,
  );
  return { detail: `${key} in s3://${bucket}.` };
};

/** 3-D: the clean-up of what the workshop made (its names only, never the user's other resources). */
export const cleanUpWorkshop = async (deps: ActionDeps): Promise<ActionResult> => {
  const r = deps.remembered;
  const run = deps.generator();
  const inventory = await cleanupInventory(deps.clients, run.running ? (run.stream ?? 'data generator') : undefined);
  const mine = (kind: string, name: string) =>
    kind === 'generator' ||
    (kind === 'stream' && name === r.stream) ||
    (kind === 'application' && name === r.application) ||
    (kind === 'delivery-stream' && name === r.deliveryStream) ||
    (kind === 'bucket' && name === r.bucket);
  const items = inventory.items.filter((i) => mine(i.kind, i.name));
  const failures: string[] = [];
  await runCleanup(deps.clients, items, {
    stopGenerator: deps.stopGenerator,
    onState: (id, s) => {
      if (s.status === 'working') deps.onProgress?.(`Deleting ${id.replace(':', ' ')}${s.progress ? `: ${s.progress}` : ''}`);
      if (s.status === 'failed') failures.push(`${id.replace(':', ' ')}: ${s.error.type}: ${s.error.message}`);
    },
  });
  if (failures.length) throw stepError(failures.join('; '), 'CleanupFailed');
  return { detail: items.length ? `Deleted ${items.map((i) => i.name).join(', ')}.` : 'Nothing of the workshop was left.' };
};

export interface StepAction {
  /** What it makes or does, in a line (the catch-up's confirmation lists these). */
  plan: (r: Remembered, mode: 'emulated' | 'aws') => string;
  run?: (deps: ActionDeps) => Promise<ActionResult>;
  /** Marks a manual step done. */
  mark?: boolean;
  /** Nothing to do: the step ticks by itself (the button opens its page). */
  open?: boolean;
  /** The catch-up waits for the step's check to tick before the next step. */
  waitTick?: boolean;
  /** It deletes things: the button asks first. */
  deletes?: boolean;
}

const n = names;
const cleanUpPlan = (r: Remembered) => `Stop the generator and delete ${[r.application, r.deliveryStream, r.stream, r.bucket].filter(Boolean).join(', ') || 'what the workshop made'}.`;

/**
 * A scenario's actions, by step: <prefix>-1 its stream, -2 the generator with its template, -3
 * its application, then one step per SQL step, then the clean-up.
 */
const scenarioActions = (sc: Scenario, prefix: string, template: { name: string; source: string }, rate: number, sql: SqlStep[]): Record<string, StepAction> => {
  const nn = (r: Remembered) => names(r, sc.suggested);
  const appStep = `${prefix}-3`;
  const out: Record<string, StepAction> = {
    [`${prefix}-1`]: { plan: (r) => `Create the data stream ${nn(r).stream} with 1 shard and wait until it is ACTIVE.`, run: createScenarioStream(sc.suggested), waitTick: true },
    [`${prefix}-2`]: { plan: (r) => `Start the data generator: the ${template.name} template at ${rate} records a second to ${nn(r).stream}.`, run: startScenarioGenerator(sc.suggested, template, rate), waitTick: true },
    [appStep]: { plan: (r) => `Create the application ${nn(r).application}, discover the schema of ${nn(r).stream} and save it as the source.`, run: createScenarioApplication(sc.suggested), waitTick: true },
  };
  sql.forEach((step, i) => {
    out[`${prefix}-${4 + i}`] = {
      plan: (r) => `${i === 0 ? 'Save' : 'Add'} ${step.into} and ${step.pumpName} in ${nn(r).application} and run it.`,
      run: runScenarioPumps(sc, sql, i, appStep),
      waitTick: true,
    };
  });
  out[`${prefix}-${4 + sql.length}`] = { plan: cleanUpPlan, run: cleanUpWorkshop, deletes: true };
  return out;
};

export const STEP_ACTIONS: Record<string, StepAction> = {
  '1-A': { plan: (r) => `Create the data stream ${n(r).stream} with 2 shards and wait until it is ACTIVE.`, run: createWorkshopStream, waitTick: true },
  '1-B': { plan: () => 'Mark the credentials step as done.', mark: true },
  '1-C': { plan: (r) => `Start the data generator: the sensor template at ${GENERATOR_RATE} records a second to ${n(r).stream}.`, run: startWorkshopGenerator, waitTick: true },
  '1-R': { plan: () => 'Mark the review as done.', mark: true },
  '1-M': { plan: () => 'Nothing to create: IncomingRecords ticks this step once a minute of records is counted.', open: true },
  '2-A': { plan: (r) => `Create the application ${n(r).application}, discover the schema of ${n(r).stream} and save it as the source.`, run: createWorkshopApplication, waitTick: true },
  '2-B': { plan: (r) => `Save CLEAN_IOT_STREAM and DEDUP_PUMP in ${n(r).application} and run it.`, run: runWorkshopPumps(0), waitTick: true },
  '2-C': { plan: () => 'Add FILTERED_STREAM and FILTER_PUMP, keep the application running.', run: runWorkshopPumps(1), waitTick: true },
  '2-D': { plan: () => 'Add AGGREGATE_STREAM and AGGREGATE_PUMP, keep the application running.', run: runWorkshopPumps(2), waitTick: true },
  '2-E': { plan: (r) => `Stop ${n(r).application}.`, run: stopWorkshopApplication, waitTick: true },
  '3-A': {
    plan: (r, mode) =>
      `Create the bucket ${r.bucket ?? (mode === 'emulated' ? SUGGESTED.bucket : `${SUGGESTED.bucket}-<random>`)} and the delivery stream ${n(r).deliveryStream} to it, buffering 5 MB / 60 s.`,
    run: createWorkshopDelivery,
    waitTick: true,
  },
  '3-B': { plan: (r) => `Send FILTERED_STREAM to ${n(r).deliveryStream} as CSV and run ${n(r).application}.`, run: connectWorkshopOutput, waitTick: true },
  '3-C': {
    plan: (_r, mode) => (mode === 'emulated' ? 'Skip the clock past the 60-second buffer interval until an object is in the bucket.' : 'Wait for the first object in the bucket.'),
    run: awaitWorkshopObjects,
    waitTick: true,
  },
  '3-D': { plan: (r) => cleanUpPlan(r), run: cleanUpWorkshop, deletes: true },
  ...scenarioActions(scenarioById('cloudtrail'), 'CT', { name: 'CloudTrail events', source: CLOUDTRAIL_TEMPLATE }, CLOUDTRAIL_RATE, [
    CLOUDTRAIL_SQL_STEPS.perIp,
    CLOUDTRAIL_SQL_STEPS.byEventTime,
    CLOUDTRAIL_SQL_STEPS.topCalls,
  ]),
  ...scenarioActions(scenarioById('clickstream'), 'CS', { name: 'Clicks', source: CLICKSTREAM_TEMPLATE }, CLICKSTREAM_RATE, [
    CLICKSTREAM_SQL_STEPS.score,
    CLICKSTREAM_SQL_STEPS.anomalies,
  ]),
};

/* ---------- the hook: one action at a time per step, and "Catch me up to step N" ---------- */

export type CatchUpState = { status: 'waiting' } | { status: 'working'; progress?: string } | { status: 'done'; detail: string } | { status: 'failed'; error: ShownError };

interface ActionsState {
  busy: Record<string, string | true | undefined>;
  errors: Record<string, ShownError | undefined>;
  catchUp?: { target: string; steps: string[]; states: Record<string, CatchUpState>; running: boolean };
  set(f: (s: ActionsState) => Partial<ActionsState>): void;
}

// Module scope: the Workshop page and the walkthrough panel show the same runs, and a run goes on while the user looks elsewhere.
const useActionsStore = create<ActionsState>((set) => ({ busy: {}, errors: {}, set: (f) => set(f) }));

/** How long the catch-up waits for a step's check to tick after its action (the checks poll every few seconds). */
const TICK_TRIES = 60;

/**
 * "Do this step for me" and "Catch me up to step N". Mount it where the walkthrough is shown:
 * the catch-up waits for each step to tick, which the walkthrough's checks decide.
 */
export const useWorkshopActions = () => {
  const clients = useServices();
  const mode: 'emulated' | 'aws' = clients.settings.mode === 'emulated' ? 'emulated' : 'aws';
  const generator = useGeneratorControls();
  const { skip } = useEmulatorClockControls();
  const qc = useQueryClient();
  const state = useActionsStore();
  const { start, stop } = generator;
  const skipAsync = skip.mutateAsync;

  const deps = useCallback(
    (store: ProgressStore, onProgress?: (t: string) => void): ActionDeps => ({
      clients,
      mode,
      remembered: store.getState().remembered,
      remember: (r) => store.getState().remember(r),
      sleep: (ms) => new Promise((res) => setTimeout(res, ms)),
      startGenerator: start,
      stopGenerator: stop,
      generator: generatorRunNow,
      skipClock: async (ms) => void (await skipAsync(ms)),
      onProgress,
    }),
    [clients, mode, start, stop, skipAsync],
  );

  /** Runs one step's action; resolves to its result, throws AWS's error. */
  const perform = useCallback(
    async (id: string, store: ProgressStore, onProgress?: (t: string) => void): Promise<ActionResult | undefined> => {
      const a = STEP_ACTIONS[id];
      if (!a) return undefined;
      if (a.mark) {
        store.getState().markDone(id, Date.now());
        return { detail: 'Marked as done.' };
      }
      if (!a.run) return undefined;
      try {
        const r = await a.run(deps(store, onProgress));
        if (r.remember) store.getState().remember(r.remember);
        return r;
      } finally {
        // Every list the checks read may have changed.
        void qc.invalidateQueries();
      }
    },
    [deps, qc],
  );

  const doStep = useCallback(
    async (id: string) => {
      const set = useActionsStore.getState().set;
      if (useActionsStore.getState().busy[id]) return;
      set((s) => ({ busy: { ...s.busy, [id]: true }, errors: { ...s.errors, [id]: undefined } }));
      try {
        // The scenario shown when the user asked: its progress learns the names, whatever is shown later.
        await perform(id, selectedProgress(), (t) => set((s) => ({ busy: { ...s.busy, [id]: t } })));
      } catch (e) {
        set((s) => ({ errors: { ...s.errors, [id]: describeError(e) } }));
      } finally {
        set((s) => ({ busy: { ...s.busy, [id]: undefined } }));
      }
    },
    [perform],
  );

  /** Runs the actions of `steps` (the ones before the target, in order), stopping at the first failure. */
  const catchUp = useCallback(
    async (target: string, steps: string[]) => {
      const set = useActionsStore.getState().set;
      if (useActionsStore.getState().catchUp?.running) return;
      const put = (id: string, st: CatchUpState) =>
        set((s) => (s.catchUp ? { catchUp: { ...s.catchUp, states: { ...s.catchUp.states, [id]: st } } } : {}));
      set(() => ({ catchUp: { target, steps, running: true, states: Object.fromEntries(steps.map((id) => [id, { status: 'waiting' as const }])) } }));
      const store = selectedProgress();
      try {
        for (const id of steps) {
          const ticked = store.getState().ticked[id];
          if (ticked) {
            put(id, { status: 'done', detail: 'Already done.' });
            continue;
          }
          put(id, { status: 'working' });
          try {
            const r = await perform(id, store, (t) => put(id, { status: 'working', progress: t }));
            if (STEP_ACTIONS[id]?.waitTick) {
              put(id, { status: 'working', progress: 'Waiting for the step to tick' });
              let i = 0;
              while (!store.getState().ticked[id]) {
                if (++i > TICK_TRIES) throw stepError(`The step's check did not pass: ${r?.detail ?? ''}`.trim(), 'NotTicked');
                await new Promise((res) => setTimeout(res, 1000));
                if (i % 3 === 0) void qc.invalidateQueries({ queryKey: ['workshop'] });
              }
            }
            put(id, { status: 'done', detail: r?.detail ?? 'Done.' });
          } catch (e) {
            put(id, { status: 'failed', error: describeError(e) });
            return;
          }
        }
      } finally {
        set((s) => (s.catchUp ? { catchUp: { ...s.catchUp, running: false } } : {}));
      }
    },
    [perform, qc],
  );

  const dismissCatchUp = useCallback(() => useActionsStore.getState().set(() => ({ catchUp: undefined })), []);

  return { mode, busy: state.busy, errors: state.errors, catchUpRun: state.catchUp, doStep, catchUp, dismissCatchUp };
};

export type WorkshopActions = ReturnType<typeof useWorkshopActions>;
