/**
 * Heap per stored Kinesis record, in-process: 200,000 records of 1 KiB with KDG-like partition keys
 * (integers below 10^10) put into a 4-shard stream through PutRecords, each call's body parsed from
 * JSON as the router does (so every record arrives as a fresh string, not one shared constant).
 * Heap is measured after a full collection (`--expose-gc`, which `npm run bench` passes): V8's
 * used heap plus array buffers (where typed arrays keep their bytes), before and after.
 */
import { randomBytes } from 'node:crypto';
import { RealClock } from '../src/engine/common/clock';
import { SeededRng } from '../src/engine/common/rng';
import { nullMetricsSink } from '../src/engine/common/metrics';
import { defaultEngineOptions, type EngineContext } from '../src/engine/protocol/context';
import { KinesisService } from '../src/engine/kinesis/service';

const RECORDS = Number(process.env.HEAP_RECORDS ?? 200_000);
const RECORD_BYTES = 1024;
const BATCH = 500;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
const heap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, total: m.heapUsed + m.arrayBuffers };
};

const rng = new SeededRng(7);
const ctx: EngineContext = {
  clock: new RealClock(),
  rng,
  metrics: nullMetricsSink,
  options: { ...defaultEngineOptions, stateDelayMs: 0, enforceThroughput: false },
  accountId: '000000000000',
  defaultRegion: 'us-east-1',
};
const service = new KinesisService(ctx);
const rc = { region: 'us-east-1', requestId: 'bench' };
service.call('CreateStream', { StreamName: 'heap', ShardCount: 4 }, rc);
// A pool of payloads: each body is built as JSON text and parsed, so the store sees fresh strings.
const pool = Array.from({ length: 64 }, () => randomBytes(RECORD_BYTES).toString('base64'));

const before = heap();
let put = 0;
const t0 = performance.now();
while (put < RECORDS) {
  const n = Math.min(BATCH, RECORDS - put);
  const records = Array.from({ length: n }, (_, i) => ({ Data: pool[(put + i) & 63], PartitionKey: String(Math.floor(rng.next() * 1e10)) }));
  const input = JSON.parse(JSON.stringify({ StreamName: 'heap', Records: records })) as Record<string, unknown>;
  const out = service.call('PutRecords', input, rc) as { FailedRecordCount: number };
  if (out.FailedRecordCount !== 0) throw new Error('records failed');
  put += n;
}
const putSeconds = (performance.now() - t0) / 1000;
const after = heap();

const per = (x: number) => (x / RECORDS).toFixed(0);
const mib = (x: number) => (x / 1_048_576).toFixed(1);
console.log(`${RECORDS.toLocaleString('en-US')} records of ${RECORD_BYTES} B (+ a ~10-character partition key) in a 4-shard stream, put in ${putSeconds.toFixed(1)} s.\n`);
console.log('| measure | growth | per record |');
console.log('|---|---|---|');
console.log(`| V8 heap used | ${mib(after.heap - before.heap)} MiB | ${per(after.heap - before.heap)} B |`);
console.log(`| array buffers | ${mib(after.buffers - before.buffers)} MiB | ${per(after.buffers - before.buffers)} B |`);
console.log(`| heap + array buffers | ${mib(after.total - before.total)} MiB | **${per(after.total - before.total)} B** |`);
// Keep the service alive up to the measurement.
if (service.store.streams.size !== 1) throw new Error('stream lost');
