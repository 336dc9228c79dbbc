/**
 * Firehose engine, in-process on one core: PutRecordBatch throughput into a delivery stream (500 x
 * 100-byte records per call, parsed JSON input as the router passes it, validation included, the
 * throughput quota off); the same through HTTP with the SDK against the emulator server (in this
 * process: the callers and the server share it); then delivery of 1 GiB through a 128 MiB buffer into
 * S3 objects on virtual time, with the storage cap (256 MiB, the default) kept as the worker and the
 * server keep it, so memory stays bounded while the oldest objects are dropped; and the process's peak
 * memory: buffered records are the Base64 strings they arrived as (heap), decoded once, straight into
 * the object, when written (array buffers, which S3 keeps). Records are 'x'-filled, so GZIP shrinks
 * them to almost nothing.
 */
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulatorServer } from '../server/http';
import { CAP_LOW_WATER, DEFAULT_RECORD_CAP } from '../src/worker/storageUnits';
import { RealClock, VirtualClock, type Clock } from '../src/engine/common/clock';
import { SeededRng } from '../src/engine/common/rng';
import { Emulator } from '../src/engine/emulator';
import type { FirehoseExports } from '../src/engine/firehose/module';
import type { S3Exports } from '../src/engine/s3/module';

const MiB = 1024 * 1024;
const rc = { region: 'us-east-1', requestId: 'bench' };
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** CPU seconds this process has used (user + system): on a shared machine, wall time is not one core. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const setup = (clock: Clock, destination: Record<string, unknown>) => {
  const emulator = built(clock);
  return { emulator, ...create(emulator, destination) };
};

const built = (clock: Clock) =>
  new Emulator({
    clock,
    rng: new SeededRng(42),
    options: { stateDelayMs: 0, enforceThroughput: false },
  });

const create = (emulator: Emulator, destination: Record<string, unknown>) => {
  const firehose = emulator.exports<FirehoseExports>('firehose').service;
  const s3 = emulator.exports<S3Exports>('s3').service;
  s3.store.createBucket('bench', 'us-east-1');
  firehose.call(
    'CreateDeliveryStream',
    {
      DeliveryStreamName: 'bench',
      ExtendedS3DestinationConfiguration: {
        RoleARN: 'arn:aws:iam::000000000000:role/r',
        BucketARN: 'arn:aws:s3:::bench',
        ...destination,
      },
    },
    rc,
  );
  return { firehose, s3 };
};

const batch = (recordBytes: number, n: number) => {
  const data = Buffer.alloc(recordBytes, 'x').toString('base64');
  return { DeliveryStreamName: 'bench', Records: Array.from({ length: n }, () => ({ Data: data })) };
};

/** Records per CPU-second of PutRecordBatch, best of `rounds` (a fresh stream each round). */
const putRate = (calls: number, rounds: number) => {
  let best = 0;
  let wall = 0;
  // Fresh inputs, as JSON.parse gives the router; reused round-robin like the Kinesis benchmark's.
  const inputs = Array.from({ length: 64 }, () => batch(100, 500));
  for (let r = 0; r < rounds; r++) {
    const { firehose } = setup(new RealClock(), {
      BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 900 },
    });
    gc();
    const t0 = performance.now();
    const c0 = cpu();
    for (let i = 0; i < calls; i++) firehose.call('PutRecordBatch', inputs[i & 63], rc);
    const rate = (calls * 500) / (cpu() - c0);
    if (rate > best) {
      best = rate;
      wall = (calls * 500) / ((performance.now() - t0) / 1000);
    }
  }
  return { rate: best, wall };
};

/**
 * `total` bytes in 500 x 8,000-byte batches (4 MB, under the 4 MiB limit) into a stream with a 128 MiB
 * buffer, then the interval passes and advance writes the objects. Memory is sampled between calls.
 */
const deliver = (total: number, compression: 'UNCOMPRESSED' | 'GZIP', cap?: number) => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 12));
  const { emulator, firehose, s3 } = setup(clock, {
    BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 60 },
    CompressionFormat: compression,
  });
  gc();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakBuffers = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers - base.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss);
  };
  // Each call's records are new strings, as JSON.parse makes them from a request body (parsing not timed).
  const body = JSON.stringify(batch(8000, 500));
  const calls = Math.ceil(total / (8000 * 500));
  let putSeconds = 0;
  let trimmedObjects = 0;
  /** Writing full buffers and keeping the cap between calls (cap runs only). */
  let writeSeconds = 0;
  let trimmedBytes = 0;
  let written = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const input = JSON.parse(body) as ReturnType<typeof batch>;
    const c0 = cpu();
    firehose.call('PutRecordBatch', input, rc);
    putSeconds += cpu() - c0;
    if (cap !== undefined) {
      // As the scheduler and the saver do: a full buffer is written at once, and the cap is kept.
      clock.advance(100);
      const w0 = cpu();
      const before = s3.store.usage().objects;
      emulator.advance(clock.now());
      written += s3.store.usage().objects - before;
      const trim = emulator.trimRecordsToCap(cap, Math.floor(cap * CAP_LOW_WATER));
      trimmedObjects += trim.records;
      trimmedBytes += trim.bytes;
      writeSeconds += cpu() - w0;
    }
    if (i % 8 === 0) sample();
  }
  const c1 = cpu();
  const beforeFlush = s3.store.usage().objects;
  firehose.advance(clock.now());
  sample();
  clock.advance(60_000);
  firehose.advance(clock.now());
  sample();
  const flushSeconds = cpu() - c1 + writeSeconds;
  const wall = (performance.now() - t0) / 1000;
  const usage = s3.store.usage();
  return {
    written: written + usage.objects - beforeFlush,
    trimmedObjects,
    trimmedBytes,
    calls,
    bytes: calls * 8000 * 500,
    putSeconds,
    flushSeconds,
    wall,
    objects: usage.objects,
    stored: usage.bytes,
    peakHeap,
    peakBuffers,
    peakRss,
  };
};

/** Records per second of PutRecordBatch through HTTP with the SDK: `callers` at once, for about `ms`. */
const putOverHttp = async (callers: number, ms: number) => {
  const server = await startEmulatorServer({ port: 0, stateDelayMs: 0, log: () => {}, emulator: { options: { enforceThroughput: false } } });
  create(server.emulator, { BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 60 } });
  server.emulator.advance(Date.now());
  const client = new FirehoseClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    requestHandler: new NodeHttpHandler({ httpAgent: { keepAlive: true, maxSockets: callers } }),
  });
  const records = Array.from({ length: 500 }, () => ({ Data: new Uint8Array(100).fill(120) }));
  const run = async (until: number) => {
    let n = 0;
    const one = async () => {
      while (performance.now() < until) {
        const out = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'bench', Records: records }));
        if (out.FailedPutCount) throw new Error('records failed');
        n += 500;
      }
    };
    await Promise.all(Array.from({ length: callers }, one));
    return n;
  };
  await run(performance.now() + 500); // warm-up
  const t0 = performance.now();
  const c0 = cpu();
  const n = await run(t0 + ms);
  const seconds = (performance.now() - t0) / 1000;
  const result = { rate: n / seconds, cpuPerMillion: ((cpu() - c0) / n) * 1e6 };
  client.destroy();
  await server.close();
  return result;
};

putRate(200, 1); // warm-up
const put = putRate(1000, 3);
const http = await putOverHttp(4, 5000);
gc();
const plain = deliver(1024 * MiB, 'UNCOMPRESSED', DEFAULT_RECORD_CAP);
gc();
const gz = deliver(64 * MiB, 'GZIP');

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (n: number) => `${(n / MiB).toFixed(0)} MiB`;
console.log(
  'Rates are per CPU-second of this process (one core); wall-clock rates depend on what else runs.\n',
);
console.log('| figure | value | note |');
console.log('|---|---|---|');
console.log(
  `| PutRecordBatch, 500 x 100 B, quota off | ${fmt(put.rate)} records/s (CPU), ${fmt(put.wall)} (wall) | validation, sizes from the Base64 length, buffering, metrics |`,
);
console.log(
  `| PutRecordBatch over HTTP (SDK, 4 callers, same process as the server) | ${fmt(http.rate)} records/s (wall) | ${http.cpuPerMillion.toFixed(1)} CPU-s per million records, client and server together |`,
);
console.log(
  `| 1 GiB through a 128 MiB buffer, storage cap ${mib(DEFAULT_RECORD_CAP)} | ${plain.written} objects written, ${plain.trimmedObjects} dropped by the cap (${mib(plain.trimmedBytes)}) | ${plain.objects} objects (${mib(plain.stored)}) left in S3 |`,
);
for (const [name, r] of [
  ['1 GiB through a 128 MiB buffer, UNCOMPRESSED, cap kept', plain],
  ['64 MiB through a 128 MiB buffer, GZIP', gz],
] as const) {
  console.log(
    `| ${name} | put ${(r.bytes / MiB / r.putSeconds).toFixed(0)} MiB/s, flush ${(r.bytes / MiB / r.flushSeconds).toFixed(0)} MiB/s (CPU); ${r.wall.toFixed(1)} s wall | ` +
      `${r.calls} calls, ${r.objects} objects, ${mib(r.stored)} stored; peak over start: heap ${mib(r.peakHeap)}, array buffers ${mib(r.peakBuffers)}, RSS ${mib(r.peakRss)} |`,
  );
}
