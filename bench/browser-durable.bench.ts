/**
 * What saving to IndexedDB costs the in-browser emulator: PutRecords throughput with durability on
 * and off, in the same run, in real headless Chromium.
 *
 * Durability off is the console's own in-memory mode: a second tab of the console in the same
 * browser profile cannot take the saved state (another tab holds it) and runs its emulator in
 * memory. So one browser context opens two tabs: the first saves every change to IndexedDB before
 * answering it (concurrent writers share one save), the second answers at once. Each tab's page
 * sends WRITERS concurrent loops of PutRecords (500 records of 1 KiB, random partition keys) through
 * `window.__kwcDebug.call`, the page-to-worker path the SDK's requests take, to a 200-shard stream
 * (100 shards would throttle the in-memory tab: it reaches their 100 MiB/s; `BENCH_SHARDS` sets another count). Rounds are interleaved (durable,
 * in memory, durable, ...) and the best of each kept: the machine is shared.
 *
 * `BENCH_DIST=<dir>` serves an existing build instead of building; `BENCH_PORT` picks the port.
 * Needs Chromium (Debian's /usr/bin/chromium or Playwright's); prints a note and exits 0 without one.
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { descendantCpu } from './proc';
import { withConsole } from './serve';

const PORT = Number(process.env.BENCH_PORT ?? 4392);
const DIST = process.env.BENCH_DIST;
const WRITERS = 8;
const RECORDS_PER_CALL = 500;
const RECORD_BYTES = 1024;
const SHARDS = Number(process.env.BENCH_SHARDS ?? 200);
const SECONDS = 5;
const ROUNDS = 3;

type Debug = { call(target: string, input: unknown): Promise<{ status: number; body: any }> };

interface Round {
  recordsPerSecond: number;
  /** CPU seconds per 1,000,000 records acknowledged, by Chromium process kind (renderer, browser, utility:...). */
  cpuPerMillion?: Map<string, number>;
  failed: number;
  p50: number;
  p99: number;
}

const debugReady = (page: Page) => page.waitForFunction(() => 'call' in ((window as unknown as { __kwcDebug?: Debug }).__kwcDebug ?? {}), null, { timeout: 60_000 });

/** The storage dialog's "Saved in" text: which mode the tab's emulator runs in. */
const savedIn = async (page: Page): Promise<string> => {
  await page.getByRole('button', { name: /^Emulator clock/ }).click();
  await page.getByRole('menuitem', { name: /^Emulator storage/ }).click();
  const cell = page.getByTestId('storage-persistence');
  await cell.waitFor();
  // The second tab learns it cannot have the saved state within a few seconds.
  const end = Date.now() + 20_000;
  let text = (await cell.textContent()) ?? '';
  while (Date.now() < end && !/IndexedDB|Memory only/.test(text)) text = (await cell.textContent()) ?? '';
  await page.getByTestId('storage-close').click();
  return text;
};

const createStream = (page: Page) =>
  page.evaluate(async (shards) => {
    const debug = (window as unknown as { __kwcDebug: Debug }).__kwcDebug;
    const created = await debug.call('Kinesis_20131202.CreateStream', { StreamName: 'bench', ShardCount: shards });
    if (created.status !== 200) throw new Error(JSON.stringify(created.body));
    for (;;) {
      const d = await debug.call('Kinesis_20131202.DescribeStreamSummary', { StreamName: 'bench' });
      if (d.body.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, SHARDS);

/** WRITERS loops of PutRecords for `seconds`, in the page. */
const round = (page: Page): Promise<Round> =>
  page.evaluate(
    async ({ writers, perCall, bytes, seconds }) => {
      const debug = (window as unknown as { __kwcDebug: Debug }).__kwcDebug;
      const data = btoa('x'.repeat(bytes));
      const latencies: number[] = [];
      let ok = 0;
      let failed = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (performance.now() - t0 < seconds * 1000) {
            const Records = Array.from({ length: perCall }, () => ({ PartitionKey: String(Math.floor(Math.random() * 1e10)), Data: data }));
            const t = performance.now();
            const r = await debug.call('Kinesis_20131202.PutRecords', { StreamName: 'bench', Records });
            latencies.push(performance.now() - t);
            if (r.status !== 200) {
              failed += perCall;
              continue;
            }
            failed += r.body.FailedRecordCount;
            ok += perCall - r.body.FailedRecordCount;
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        recordsPerSecond: ok / elapsed,
        failed,
        p50: latencies[Math.floor(latencies.length / 2)],
        p99: latencies[Math.floor(latencies.length * 0.99)],
      };
    },
    { writers: WRITERS, perCall: RECORDS_PER_CALL, bytes: RECORD_BYTES, seconds: SECONDS },
  );

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const main = () =>
  withConsole(PORT, DIST, async (browser, base) => {
    const loads = [loadavg()[0]];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const durable = await context.newPage();
    await durable.goto(`${base}#/streams`);
    await debugReady(durable);
    const memory = await context.newPage();
    await memory.goto(`${base}#/streams`);
    await debugReady(memory);
    const modes = { durable: await savedIn(durable), memory: await savedIn(memory) };
    if (!modes.durable.includes('IndexedDB') || !modes.memory.includes('Memory only')) throw new Error(`unexpected modes: ${JSON.stringify(modes)}`);
    await createStream(durable);
    await createStream(memory);
    const best: Record<'durable' | 'memory', Round | undefined> = { durable: undefined, memory: undefined };
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, page] of [['durable', durable], ['memory', memory]] as const) {
        // The tab measured is in front (a hidden tab's timers are slowed).
        await page.bringToFront();
        const cpu0 = descendantCpu();
        const r = await round(page);
        const cpu1 = descendantCpu();
        const records = r.recordsPerSecond * SECONDS;
        r.cpuPerMillion = new Map([...cpu1].map(([kind, s]) => [kind, ((s - (cpu0.get(kind) ?? 0)) / records) * 1e6]));
        loads.push(loadavg()[0]);
        console.log(`round ${i + 1} ${name}: ${fmt(r.recordsPerSecond)} records/s`);
        if (!best[name] || r.recordsPerSecond > best[name].recordsPerSecond) best[name] = r;
      }
    }
    const d = best.durable!;
    const m = best.memory!;
    console.log(
      `\nPutRecords in headless Chromium, page to emulator worker, ${WRITERS} concurrent writers of ${RECORDS_PER_CALL} x ${RECORD_BYTES / 1024} KiB records, ` +
        `${SHARDS} shards, ${SECONDS} s per tab and round, best of ${ROUNDS} interleaved rounds; 1-minute load average ${loads.map((l) => l.toFixed(1)).join(', ')}.\n`,
    );
    console.log('| emulator | records/s | MiB/s | p50 ms/call | p99 ms/call | records refused (throttled) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, r] of [['IndexedDB, answered after its save', d], ['in memory (second tab)', m]] as const)
      console.log(`| ${name} | ${fmt(r.recordsPerSecond)} | ${fmt((r.recordsPerSecond * RECORD_BYTES) / 2 ** 20, 1)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.failed)} |`);
    const kinds = [...new Set([...d.cpuPerMillion!.keys(), ...m.cpuPerMillion!.keys()])].filter((k) => (d.cpuPerMillion!.get(k) ?? 0) + (m.cpuPerMillion!.get(k) ?? 0) > 0.05);
    console.log(`\nCPU seconds per 1,000,000 records, by Chromium process, in the rounds above:\n`);
    console.log(`| emulator | ${kinds.join(' | ')} | all |`);
    console.log(`|---|${kinds.map(() => '---:').join('|')}|---:|`);
    for (const [name, r] of [['IndexedDB', d], ['in memory', m]] as const) {
      const row = kinds.map((k) => r.cpuPerMillion!.get(k) ?? 0);
      console.log(`| ${name} | ${row.map((v) => fmt(v, 1)).join(' | ')} | ${fmt(row.reduce((a, b) => a + b, 0), 1)} |`);
    }
    console.log(`\nDurable / in memory: ${fmt((d.recordsPerSecond / m.recordsPerSecond) * 100)}% (target >= 50%).`);
    await context.close();
  });

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
