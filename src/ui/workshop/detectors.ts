/*
 * Whether a walkthrough step is done, read from a snapshot of the console's state. Pure
 * functions: the snapshot is gathered by useWorkshopProgress (src/ui/hooks) through the same SDK
 * clients the pages use, so the checks hold in emulated and in AWS mode alike.
 */

/** What the console can see, at one moment. A field left undefined could not be read (yet). */
export interface WorkshopSnapshot {
  mode: 'emulated' | 'aws';
  streams?: { name: string; status: string; openShards?: number }[];
  /** The data generator's current or last run (this page load). */
  generator?: { stream?: string; target?: 'kinesis' | 'firehose'; anyAcknowledged: boolean; targetRate: number; running: boolean };
  /** IncomingRecords of the workshop stream over the last minutes, as 1-minute sums. */
  incomingRecords?: { stream: string; sum: number };
  applications?: WorkshopApplication[];
  deliveryStreams?: WorkshopDeliveryStream[];
  /** Every bucket's name. */
  buckets?: string[];
}

export interface WorkshopApplication {
  name: string;
  status: string;
  code: string;
  /** ARNs of the Kinesis streams it reads, with how many columns its schema has (and their names, where known). */
  inputs: { streamArn?: string; columns: number; names?: string[] }[];
  outputs: { name: string; firehoseArn?: string; kinesisArn?: string; format?: string }[];
  /** Rows through each in-application stream since it started; undefined where the console cannot see them (AWS mode). */
  streamTotals?: Record<string, number>;
}

export interface WorkshopDeliveryStream {
  name: string;
  status: string;
  bucket?: string;
  prefix?: string;
  errorPrefix?: string;
  sizeInMBs?: number;
  intervalInSeconds?: number;
  /** Object keys under its prefix written by it (a few), and whether there are any. */
  objects?: string[];
}

/** Names the walkthrough learned along the way (the stream of 1-A, the application of 2-A, ...). */
export interface Remembered {
  stream?: string;
  application?: string;
  deliveryStream?: string;
  bucket?: string;
}

export interface DetectorContext {
  remembered: Remembered;
  /** Steps already ticked. */
  done: ReadonlySet<string>;
}

export interface Check {
  done: boolean;
  /** What the console sees, in a sentence: why it is done, or what is missing. */
  detail: string;
  /** Names to remember once the step ticks. */
  remember?: Remembered;
}

export type Detector = (s: WorkshopSnapshot, ctx: DetectorContext) => Check;

const not = (detail: string): Check => ({ done: false, detail });
const unknown = not('Checking…');

export const arnNames = (arn: string | undefined, kind: 'stream' | 'deliverystream') => {
  const m = arn?.match(new RegExp(`:${kind}/(.+)$`));
  return m?.[1];
};

/** 1-A: a provisioned stream with 2 open shards, ACTIVE. */
export const streamWithTwoShards: Detector = (s, ctx) => {
  if (!s.streams) return unknown;
  if (s.streams.length === 0) return not('No data stream yet.');
  const ready = s.streams.filter((x) => x.status === 'ACTIVE' && x.openShards === 2);
  const pick = ready.find((x) => x.name === ctx.remembered.stream) ?? ready[0];
  if (pick) return { done: true, detail: `${pick.name} is ACTIVE with 2 shards.`, remember: { stream: pick.name } };
  const near = s.streams.find((x) => x.openShards === 2) ?? s.streams[0];
  if (near.status !== 'ACTIVE') return not(`${near.name} is ${near.status}; it is ready when ACTIVE.`);
  return not(`${near.name} has ${near.openShards ?? 'no'} open shard${near.openShards === 1 ? '' : 's'}; the workshop uses 2.`);
};

/** Any ACTIVE data stream (the one learned, else the suggested name, else the first): the other scenarios take any shard count. */
export const streamActive =
  (suggested: string): Detector =>
  (s, ctx) => {
    if (!s.streams) return unknown;
    if (s.streams.length === 0) return not('No data stream yet.');
    const active = s.streams.filter((x) => x.status === 'ACTIVE');
    const pick = active.find((x) => x.name === ctx.remembered.stream) ?? active.find((x) => x.name === suggested) ?? active[0];
    if (pick) return { done: true, detail: `${pick.name} is ACTIVE.`, remember: { stream: pick.name } };
    return not(`${s.streams[0].name} is ${s.streams[0].status}; it is ready when ACTIVE.`);
  };

export const WORKSHOP_RATE = { min: 100, max: 500 } as const;

/** The generator has had records acknowledged by the data stream, sent at a rate inside `rate` when one is given. */
export const generatorWrote =
  (rate?: { min: number; max: number }): Detector =>
  (s, ctx) => {
    const g = s.generator;
    if (!g || !g.stream) return not('The data generator has not sent anything yet.');
    if (g.target === 'firehose') return not(`The generator sends to the delivery stream ${g.stream}; in this step it writes to the data stream.`);
    if (ctx.remembered.stream && g.stream !== ctx.remembered.stream) return not(`The generator sends to ${g.stream}, not to ${ctx.remembered.stream}.`);
    if (rate && (g.targetRate < rate.min || g.targetRate > rate.max))
      return not(`The run sends ${g.targetRate} records a second; pick a rate from ${rate.min} to ${rate.max}.`);
    if (!g.anyAcknowledged) return not(`Sending to ${g.stream}; no record acknowledged yet.`);
    return { done: true, detail: `Records acknowledged by ${g.stream}.`, remember: { stream: g.stream } };
  };

/** 1-C: the generator has had records acknowledged by a data stream, sent at 100-500 records/s. */
export const generatorWroteRecords = generatorWrote(WORKSHOP_RATE);

/** Monitoring: IncomingRecords of the workshop stream shows records in its 1-minute sums. */
export const incomingRecordsSeen: Detector = (s, ctx) => {
  const name = ctx.remembered.stream;
  if (!name) return not('Create the stream of step 1-A first.');
  const m = s.incomingRecords;
  if (!m || m.stream !== name) return unknown;
  if (m.sum <= 0) return not(`IncomingRecords for ${name} is 0 so far.`);
  return { done: true, detail: `IncomingRecords for ${name}: ${m.sum.toLocaleString('en-US')} in the last minutes.` };
};

/** Applications reading the workshop stream (or any stream when none is known yet). */
const readersOf = (s: WorkshopSnapshot, ctx: DetectorContext) =>
  (s.applications ?? []).filter((a) => a.inputs.some((i) => !ctx.remembered.stream || arnNames(i.streamArn, 'stream') === ctx.remembered.stream));

/** The workshop's application: the one 2-A ticked with, else one that reads the stream. */
const workshopApp = (s: WorkshopSnapshot, ctx: DetectorContext) =>
  s.applications?.find((a) => a.name === ctx.remembered.application) ?? readersOf(s, ctx)[0];

/**
 * An application reads the workshop stream with a discovered schema; with `columns`, the schema
 * has those columns too (so the records are the ones the scenario's generator template makes).
 */
export const applicationReading =
  (columns: readonly string[]): Detector =>
  (s, ctx) => {
    if (!s.applications) return unknown;
    const readers = readersOf(s, ctx);
    const missing = (i: WorkshopApplication['inputs'][number]) => (i.names ? columns.filter((c) => !i.names!.includes(c)) : []);
    const withSchema = readers.find((a) => a.inputs.some((i) => i.columns > 0 && missing(i).length === 0));
    if (withSchema) return { done: true, detail: `${withSchema.name} reads ${arnNames(withSchema.inputs[0].streamArn, 'stream')} with a schema of ${withSchema.inputs[0].columns} columns.`, remember: { application: withSchema.name } };
    const partial = readers.flatMap((a) => a.inputs.filter((i) => i.columns > 0).map((i) => ({ a, lacks: missing(i) })))[0];
    if (partial) return not(`The schema of ${partial.a.name} has no column ${partial.lacks.join(', ')}: are the records the ones this scenario's template makes?`);
    if (s.applications.length === 0) return not('No analytics application yet.');
    const a = s.applications[0];
    return not(`${a.name} has no source${ctx.remembered.stream ? ` reading ${ctx.remembered.stream}` : ''} yet.`);
  };

/** 2-A: an application reads the workshop stream with a discovered schema of sensor readings (not another scenario's application). */
export const applicationWithSource = applicationReading(['sensorId', 'ambientTemp', 'measuredTemp']);

/** `CREATE [OR REPLACE] PUMP <pump> AS INSERT INTO <stream>`, quoted or not, any case. */
export const hasPump = (code: string, pump: string, into: string): boolean =>
  new RegExp(`CREATE\\s+(OR\\s+REPLACE\\s+)?PUMP\\s+"?${pump}"?\\s+AS\\s+INSERT\\s+INTO\\s+"?${into}"?`, 'i').test(code);

/** A pump that is in the running application (and, where the console can see them, rows through its stream). */
export const pumpRunning = (pump: string, into: string, needRows: boolean, appStep = '2-A'): Detector => (s, ctx) => {
  if (!s.applications) return unknown;
  const app = workshopApp(s, ctx);
  if (!app) return not(`Create the application of step ${appStep} first.`);
  if (!hasPump(app.code, pump, into)) return not(`${app.name} has no ${pump} inserting into ${into} yet.`);
  if (app.status !== 'RUNNING') return not(`${pump} is saved; ${app.name} is ${app.status}, run it.`);
  const rows = app.streamTotals?.[into];
  if (needRows && app.streamTotals && !rows) return not(`${app.name} is running; no row in ${into} yet.`);
  return {
    done: true,
    detail: rows ? `${rows.toLocaleString('en-US')} rows through ${into}.` : `${pump} runs in ${app.name}.`,
    remember: { application: app.name },
  };
};

/** Activity 2's pumps, in the order steps 2-B, 2-C and 2-D add them, with the stream each fills. */
export const WORKSHOP_PUMPS = [
  { pump: 'DEDUP_PUMP', into: 'CLEAN_IOT_STREAM' },
  { pump: 'FILTER_PUMP', into: 'FILTERED_STREAM' },
  { pump: 'AGGREGATE_PUMP', into: 'AGGREGATE_STREAM' },
] as const;
const [dedup, filter, aggregate] = WORKSHOP_PUMPS;

/** 2-B: the DEDUP pump runs (rows in CLEAN_IOT_STREAM). */
export const dedupPumpRunning = pumpRunning(dedup.pump, dedup.into, true);
/** 2-C: the continuous filter runs and rows appeared in FILTERED_STREAM. */
export const filterRowsSeen = pumpRunning(filter.pump, filter.into, true);
/** 2-D: the tumbling aggregate runs (a 10-second window has closed into AGGREGATE_STREAM). */
export const aggregatePumpRunning = pumpRunning(aggregate.pump, aggregate.into, true);

/** 2-E: the application that ran the pumps is stopped (READY). */
export const applicationStopped: Detector = (s, ctx) => {
  if (!s.applications) return unknown;
  if (!ctx.done.has('2-B')) return not('Run the pumps of steps 2-B to 2-D first.');
  const app = workshopApp(s, ctx);
  if (!app) return not('The application is gone.');
  if (app.status !== 'READY') return not(`${app.name} is ${app.status}.`);
  return { done: true, detail: `${app.name} is stopped (READY).` };
};

/** Buffering hints the lab asks for: 5 MB or 60 seconds, whichever comes first. */
export const WORKSHOP_BUFFERING = { sizeInMBs: 5, intervalInSeconds: 60 } as const;

/** 3-A: an ACTIVE delivery stream to S3 buffering 5 MB / 60 s. */
export const deliveryStreamToS3: Detector = (s, ctx) => {
  if (!s.deliveryStreams) return unknown;
  const ok = (d: WorkshopDeliveryStream) =>
    d.bucket && d.sizeInMBs === WORKSHOP_BUFFERING.sizeInMBs && d.intervalInSeconds === WORKSHOP_BUFFERING.intervalInSeconds;
  const candidates = s.deliveryStreams.filter((d) => d.name !== ctx.remembered.stream);
  const good = candidates.find((d) => ok(d) && d.status === 'ACTIVE');
  if (good) return { done: true, detail: `${good.name} delivers to s3://${good.bucket}, buffering 5 MB or 60 s.`, remember: { deliveryStream: good.name, bucket: good.bucket } };
  if (candidates.length === 0) return not('No delivery stream yet.');
  const d = candidates.find(ok) ?? candidates[0];
  if (!d.bucket) return not(`${d.name} does not deliver to S3.`);
  if (!ok(d)) return not(`${d.name} buffers ${d.sizeInMBs ?? '?'} MB / ${d.intervalInSeconds ?? '?'} s; the lab uses 5 MB / 60 s.`);
  return not(`${d.name} is ${d.status}.`);
};

/** 3-B: FILTERED_STREAM goes to the delivery stream as CSV, and the application runs. */
export const filteredToFirehose: Detector = (s, ctx) => {
  if (!s.applications) return unknown;
  const ds = ctx.remembered.deliveryStream;
  if (!ds) return not('Create the delivery stream of step 3-A first.');
  const app = workshopApp(s, ctx);
  if (!app) return not('The application of step 2-A is gone.');
  const out = app.outputs.find((o) => arnNames(o.firehoseArn, 'deliverystream') === ds);
  if (!out) return not(`${app.name} has no destination for ${ds} yet.`);
  if (out.name.toUpperCase() !== 'FILTERED_STREAM') return not(`${app.name} sends ${out.name} to ${ds}; the lab sends FILTERED_STREAM.`);
  if (out.format !== 'CSV') return not(`${app.name} sends FILTERED_STREAM as ${out.format ?? '?'}; the lab uses CSV.`);
  if (app.status !== 'RUNNING') return not(`The destination is set; ${app.name} is ${app.status}, run it.`);
  return { done: true, detail: `${app.name} sends FILTERED_STREAM to ${ds} as CSV.` };
};

/** 3-C: an object the delivery stream wrote is in the bucket. */
export const objectsInS3: Detector = (s, ctx) => {
  if (!s.deliveryStreams) return unknown;
  const d = s.deliveryStreams.find((x) => x.name === ctx.remembered.deliveryStream);
  if (!d) return not('Create the delivery stream of step 3-A first.');
  if (!d.objects) return unknown;
  if (d.objects.length === 0) return not(`No object from ${d.name} in s3://${d.bucket}/${d.prefix ?? ''} yet; it writes when 5 MB or 60 s have gathered.`);
  return { done: true, detail: `${d.objects[0]} in s3://${d.bucket}.` };
};

/** The generator stopped and what the walkthrough made (application, streams, bucket) is gone, once step `after` is done. */
export const cleanedUpAfter = (after: string, what: string): Detector => (s, ctx) => {
  const r = ctx.remembered;
  if (!r.stream || !ctx.done.has(after)) return not(`Clean up once ${what} (step ${after}).`);
  if (!s.streams || !s.applications || !s.deliveryStreams || !s.buckets) return unknown;
  const left: string[] = [];
  if (s.generator?.running) left.push('the data generator is still sending');
  if (r.application && s.applications.some((a) => a.name === r.application)) left.push(`application ${r.application}`);
  if (s.streams.some((x) => x.name === r.stream)) left.push(`data stream ${r.stream}`);
  if (r.deliveryStream && s.deliveryStreams.some((d) => d.name === r.deliveryStream)) left.push(`delivery stream ${r.deliveryStream}`);
  if (r.bucket && s.buckets.includes(r.bucket)) left.push(`bucket ${r.bucket}`);
  if (left.length) return not(`Still there: ${left.join(', ')}.`);
  return { done: true, detail: 'Everything the workshop made is gone.' };
};

/** 3-D: the generator stopped and the workshop's application, streams and bucket are gone. */
export const cleanedUp = cleanedUpAfter('3-C', 'the objects are in S3');
