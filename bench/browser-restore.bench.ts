/**
 * A page load's restore of 1,000,000 saved records in the browser: the emulator worker's Persister
 * over IndexedDB (fake-indexeddb standing in for the browser's, structured clone included), the
 * records written the way the worker writes them (by default a save every 2,000 records: each save's
 * 500 new records per shard in one batch, and past the batch limit the oldest batches' records written
 * again as chunks; `RESTORE_BENCH_SAVE_EVERY=10000` saves a chunk or more per shard at once, as chunks). Timed: reading every stored chunk out of IndexedDB, assembling the
 * save, and restoring the emulator from it; wall and CPU time of this process.
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { Emulator } from '../src/engine/emulator';
import { openIdbStorage, Persister } from '../src/worker/persistence';

const RECORDS = 1_000_000;
const PER_CALL = 500;
const SAVE_EVERY = Number(process.env.RESTORE_BENCH_SAVE_EVERY ?? 2_000);
const SHARDS = 4;
const RECORD_BYTES = 100;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const step = async <T>(f: () => Promise<T> | T): Promise<[T, { wall: number; cpu: number }]> => {
  const w = performance.now();
  const c = process.cpuUsage();
  const r = await f();
  const used = process.cpuUsage(c);
  return [r, { wall: performance.now() - w, cpu: (used.user + used.system) / 1000 }];
};

console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
const em = new Emulator({ options: { stateDelayMs: 0, enforceThroughput: false } });
const rc = { region: 'us-east-1', requestId: 'bench' };
em.kinesis.call('CreateStream', { StreamName: 'bench', ShardCount: SHARDS }, rc);
const data = Buffer.alloc(RECORD_BYTES, 'x').toString('base64');
const writer = new Persister(openIdbStorage('bench-restore')!);
const [, fillT] = await step(async () => {
  for (let done = 0; done < RECORDS; done += PER_CALL) {
    em.kinesis.call('PutRecords', { StreamName: 'bench', Records: Array.from({ length: PER_CALL }, (_, i) => ({ Data: data, PartitionKey: `k${done + i}` })) }, rc);
    if ((done + PER_CALL) % SAVE_EVERY === 0) await writer.save(em);
  }
});

const [loaded, loadT] = await step(() => new Persister(openIdbStorage('bench-restore')!).load());
if (loaded.kind !== 'restored' || loaded.records !== RECORDS) throw new Error(`unexpected load: ${JSON.stringify(loaded).slice(0, 200)}`);
const [, restoreT] = await step(() => new Emulator({ options: { stateDelayMs: 0 } }).restore(loaded.snapshot));

console.log(
  `${fmt(RECORDS)} records of ${RECORD_BYTES} bytes in ${SHARDS} shards, saved every ${fmt(SAVE_EVERY)} records into fake-indexeddb (${fmt(fillT.wall / 1000)} s to write).\n`,
);
console.log('| step | wall ms | CPU ms |');
console.log('|---|---:|---:|');
console.log(`| load: read every chunk out of IndexedDB and assemble the save | ${fmt(loadT.wall)} | ${fmt(loadT.cpu)} |`);
console.log(`| restore into an emulator | ${fmt(restoreT.wall)} | ${fmt(restoreT.cpu)} |`);
console.log(`| **page-load restore, both** | **${fmt(loadT.wall + restoreT.wall)}** | ${fmt(loadT.cpu + restoreT.cpu)} |`);
console.log(`\nTarget: recovery < 3,000 ms. Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
