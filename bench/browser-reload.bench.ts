/**
 * A page reload's recovery of 1,000,000 saved records in real headless Chromium: its own IndexedDB,
 * the emulator worker's restore, as an attendee's reload would run it. The records (100 bytes, random
 * partition keys, 100 shards) are sent through the page the way the SDK sends them (PutRecords of
 * 500, 8 writers, each answered once saved); then the page is reloaded. Reported: the worker's own
 * measure (reading the save out of IndexedDB, assembling it and restoring the emulator: the Storage
 * dialog's "Restored at start"), and from the reload to the first answered request.
 *
 * `BENCH_DIST=<dir>` serves an existing build instead of building; `BENCH_PORT` picks the port.
 * Needs Chromium (Debian's /usr/bin/chromium or Playwright's); prints a note and exits 0 without one.
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import type { DebugHooks } from '../src/ui/hooks/useEmulatorConsole';
import { withConsole } from './serve';

const PORT = Number(process.env.BENCH_PORT ?? 4395);
const DIST = process.env.BENCH_DIST;
const RECORDS = Number(process.env.RELOAD_BENCH_RECORDS ?? 1_000_000);
const SHARDS = 100;
const RECORD_BYTES = 100;

const debugReady = (page: Page) => page.waitForFunction(() => 'storage' in ((window as unknown as { __kwcDebug?: DebugHooks }).__kwcDebug ?? {}), null, { timeout: 120_000 });

const fill = (page: Page) =>
  page.evaluate(
    async ({ records, shards, bytes }) => {
      const debug = (window as unknown as { __kwcDebug: DebugHooks }).__kwcDebug;
      const created = await debug.call('Kinesis_20131202.CreateStream', { StreamName: 'bench', ShardCount: shards });
      if (created.status !== 200) throw new Error(JSON.stringify(created.body));
      for (;;) {
        const d = (await debug.call('Kinesis_20131202.DescribeStreamSummary', { StreamName: 'bench' })).body as { StreamDescriptionSummary?: { StreamStatus: string } };
        if (d.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const data = btoa('x'.repeat(bytes));
      let acknowledged = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (acknowledged < records) {
            const Records = Array.from({ length: 500 }, () => ({ PartitionKey: String(Math.floor(Math.random() * 1e10)), Data: data }));
            const r = await debug.call('Kinesis_20131202.PutRecords', { StreamName: 'bench', Records });
            if (r.status === 200) acknowledged += 500 - (r.body as { FailedRecordCount: number }).FailedRecordCount;
          }
        }),
      );
      return acknowledged;
    },
    { records: RECORDS, shards: SHARDS, bytes: RECORD_BYTES },
  );

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

const main = () =>
  withConsole(PORT, DIST, async (browser, base) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}#/streams`);
    await debugReady(page);
    const t0 = performance.now();
    const acknowledged = await fill(page);
    const fillSeconds = (performance.now() - t0) / 1000;
    const before = await page.evaluate(() => (window as unknown as { __kwcDebug: DebugHooks }).__kwcDebug.storage());
    const rows: string[] = [];
    for (let i = 1; i <= 2; i++) {
      const load = loadavg()[0];
      const r0 = performance.now();
      await page.reload();
      await debugReady(page);
      // Requests wait for the restore: the first answer comes once it is done.
      await page.evaluate(() => (window as unknown as { __kwcDebug: DebugHooks }).__kwcDebug.call('Kinesis_20131202.ListStreams', {}));
      const answered = performance.now() - r0;
      const after = await page.evaluate(() => (window as unknown as { __kwcDebug: DebugHooks }).__kwcDebug.storage());
      if (after.records !== before.records) throw new Error(`restored ${after.records} records, ${before.records} were saved`);
      rows.push(`| reload ${i} | ${fmt(after.restored?.records ?? 0)} | **${fmt(after.restored?.ms ?? NaN)}** | ${fmt(answered)} | ${load.toFixed(1)} |`);
    }
    console.log(
      `\n${fmt(acknowledged)} records of ${RECORD_BYTES} bytes acknowledged (saved) in ${SHARDS} shards, in ${fillSeconds.toFixed(1)} s; ${(before.recordBytes / 2 ** 20).toFixed(0)} MiB stored. Headless Chromium, its own IndexedDB.\n`,
    );
    console.log('| run | items restored | worker: read, assemble and restore, ms | reload to first answer, ms | load average |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) console.log(r);
    console.log('\nTarget: recovery < 3,000 ms.');
  });

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
