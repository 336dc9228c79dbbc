/**
 * Firehose engine, in-process on one core: PutRecordBatch throughput into a delivery stream (500 x
 * 100-byte records per call, parsed JSON input as the router passes it, validation included, the
 * throughput quota off), then delivery of 256 MiB through a 128 MiB buffer into S3 objects on virtual
 * time, with the process's peak memory: buffered records are the Base64 strings they arrived as (heap),
 * decoded once, straight into the object, when written (array buffers, which S3 keeps). Records are 'x'-filled,
 * so GZIP shrinks them to almost nothing.
 */
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
  const emulator = new Emulator({
    clock,
    rng: new SeededRng(42),
    options: { stateDelayMs: 0, enforceThroughput: false },
  });
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
const deliver = (total: number, compression: 'UNCOMPRESSED' | 'GZIP') => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 12));
  const { firehose, s3 } = setup(clock, {
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
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const input = JSON.parse(body) as ReturnType<typeof batch>;
    const c0 = cpu();
    firehose.call('PutRecordBatch', input, rc);
    putSeconds += cpu() - c0;
    if (i % 8 === 0) sample();
  }
  const c1 = cpu();
  firehose.advance(clock.now());
  sample();
  clock.advance(60_000);
  firehose.advance(clock.now());
  sample();
  const flushSeconds = cpu() - c1;
  const wall = (performance.now() - t0) / 1000;
  const usage = s3.store.usage();
  return {
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

putRate(200, 1); // warm-up
const put = putRate(1000, 3);
const plain = deliver(256 * MiB, 'UNCOMPRESSED');
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
for (const [name, r] of [
  ['256 MiB through a 128 MiB buffer, UNCOMPRESSED', plain],
  ['64 MiB through a 128 MiB buffer, GZIP', gz],
] as const) {
  console.log(
    `| ${name} | put ${(r.bytes / MiB / r.putSeconds).toFixed(0)} MiB/s, flush ${(r.bytes / MiB / r.flushSeconds).toFixed(0)} MiB/s (CPU); ${r.wall.toFixed(1)} s wall | ` +
      `${r.calls} calls, ${r.objects} objects, ${mib(r.stored)} stored; peak over start: heap ${mib(r.peakHeap)}, array buffers ${mib(r.peakBuffers)}, RSS ${mib(r.peakRss)} |`,
  );
}
