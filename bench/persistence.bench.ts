/**
 * What saving the emulator costs at high record counts: 100-byte records (random partition keys)
 * in a 4-shard stream, saved with the worker's Persister into MemoryStorage, whose structured
 * clone stands in for IndexedDB's (the browser's own disk write happens off the worker's thread).
 * Per size: the whole snapshot (Emulator.snapshot + JSON, the naive way), the first save (every
 * record), the save after one more second at 10,000 records/s (what the worker does each second
 * under a generator), a save with no new records, loading and restoring the save (a page load),
 * and the cap check the worker runs before each save.
 */
import { VirtualClock } from '../src/engine/common/clock';
import { SeededRng } from '../src/engine/common/rng';
import { Emulator } from '../src/engine/emulator';
import { MemoryStorage, Persister } from '../src/worker/persistence';

const rng = new SeededRng(7);
const data = Buffer.alloc(100, 'x').toString('base64');
const rc = { region: 'us-east-1', requestId: 'bench' };

const ms = (f: () => unknown): [number, unknown] => {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
};
const msAsync = async (f: () => Promise<unknown>): Promise<[number, unknown]> => {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
};

const fill = (em: Emulator, clock: VirtualClock, n: number) => {
  for (let done = 0; done < n; done += 500) {
    const Records = Array.from({ length: Math.min(500, n - done) }, () => ({ Data: data, PartitionKey: Math.floor(rng.next() * 2 ** 52).toString(36) }));
    em.kinesis.call('PutRecords', { StreamName: 'bench', Records }, rc);
    clock.advance(1);
  }
};

const rows: string[] = [];
for (const n of [100_000, 1_000_000]) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const em = new Emulator({ clock, rng, options: { stateDelayMs: 0, enforceThroughput: false } });
  em.kinesis.call('CreateStream', { StreamName: 'bench', ShardCount: 4 }, rc);
  fill(em, clock, n);

  const [fullMs, full] = ms(() => em.snapshot());
  const [jsonMs, json] = ms(() => JSON.stringify(full));
  const storage = new MemoryStorage();
  const persister = new Persister(storage);
  const [firstMs] = await msAsync(() => persister.save(em));
  fill(em, clock, 10_000);
  const [incMs, inc] = await msAsync(() => persister.save(em));
  const [idleMs] = await msAsync(() => persister.save(em));
  const [loadMs, loaded] = await msAsync(() => new Persister(storage).load());
  const fresh = new Emulator({ clock, rng, options: { stateDelayMs: 0 } });
  const [restoreMs] = ms(() => fresh.restore((loaded as { snapshot: never }).snapshot));
  const [capMs] = ms(() => em.trimRecordsToCap(Number.MAX_SAFE_INTEGER));
  rows.push(
    `| ${n.toLocaleString('en-US')} | ${fullMs.toFixed(0)} + ${jsonMs.toFixed(0)} (${((json as string).length / 2 ** 20).toFixed(0)} MiB JSON) | ${firstMs.toFixed(0)} | ${incMs.toFixed(1)} (${(inc as { recordsWritten: number }).recordsWritten.toLocaleString('en-US')} records) | ${idleMs.toFixed(1)} | ${(loadMs + restoreMs).toFixed(0)} | ${capMs.toFixed(1)} |`,
  );
}
console.log('| records stored | whole snapshot + JSON (ms) | first save (ms) | save after +10,000 records (ms) | save, nothing new (ms) | load + restore (ms) | cap check (ms) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
