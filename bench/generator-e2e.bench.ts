/**
 * End-to-end generator throughput in the real page: builds the app, serves it with `vite preview`
 * on 127.0.0.1, opens it in headless Chromium, creates a 100-shard stream through the Streams UI,
 * and sends the workshop's sensor template from the Data generator page at several target rates.
 *
 * Measured per target rate, over a 10-second window after a 3-second warm-up:
 * - acknowledged records/s (read from the page's own counter, i.e. PutRecords entries the emulator
 *   accepted), and failed attempts (throttling) in the window;
 * - page responsiveness while sending: the longest gap between animation frames on the main
 *   thread and the share of frames later than 50 ms (a page that keeps painting at 60 fps shows
 *   gaps of ~17 ms).
 * The path is the product's own: generator worker -> SDK KinesisClient -> MessagePort relay on the
 * page -> emulator worker, all in one browser tab. Needs Chromium (Debian's /usr/bin/chromium or
 * Playwright's); prints a note and exits 0 without one.
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { field, sleep, withConsole } from './serve';

const PORT = 4391;
const RATES = (process.env.GEN_BENCH_RATES ?? '20000,50000,80000').split(',').map(Number);
const SHARDS = 100;
const WARMUP_MS = 3000;
const WINDOW_MS = 10_000;


const counter = async (page: Page, name: string): Promise<number> =>
  Number(((await page.getByTestId(`stat-${name}`).textContent()) ?? '').replace(/[^\d]/g, ''));


const main = () =>
  withConsole(PORT, undefined, async (browser, base) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });

    await page.goto(`${base}#/create-stream`);
    await field(page, 'stream-name-input').fill('bench-100');
    await field(page, 'shard-count-input').fill(String(SHARDS));
    await page.getByTestId('create-stream-submit').click();
    await page.getByTestId('detail-status').getByText('ACTIVE').waitFor({ timeout: 30_000 });

    await page.goto(`${base}#/generator?stream=bench-100`);
    await page.getByTestId('send-button').waitFor();
    // Frame gaps on the page's main thread, recorded between marks.
    // (a string: tsx would wrap named functions in a helper the page does not have)
    await page.evaluate(`(() => {
      window.__gaps = [];
      window.__last = performance.now();
      const loop = (t) => { window.__gaps.push(t - window.__last); window.__last = t; requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    })()`);

    const rows: string[] = [];
    for (const rate of RATES) {
      await field(page, 'rate-input').fill(String(rate));
      await page.getByTestId('send-button').click();
      await page.getByTestId('run-status').getByText('Sending').waitFor();
      await sleep(WARMUP_MS);
      const a0 = await counter(page, 'acknowledged');
      const f0 = await counter(page, 'failed');
      const t0 = Date.now();
      await page.evaluate('window.__gaps = []');
      await sleep(WINDOW_MS);
      const a1 = await counter(page, 'acknowledged');
      const f1 = await counter(page, 'failed');
      const t1 = Date.now();
      const gaps = (await page.evaluate('window.__gaps')) as number[];
      // How long a click on Stop takes to reach the page and show: another responsiveness figure.
      const c0 = Date.now();
      await page.getByTestId('stop-button').click();
      await page.getByTestId('run-status').getByText('Stopped').waitFor({ timeout: 30_000 });
      const stopMs = Date.now() - c0;
      await sleep(500);
      const achieved = ((a1 - a0) * 1000) / (t1 - t0);
      const maxGap = Math.max(...gaps);
      const late = gaps.filter((g) => g > 50).length / Math.max(1, gaps.length);
      rows.push(
        `| ${rate.toLocaleString('en-US')} | ${Math.round(achieved).toLocaleString('en-US')} | ${(f1 - f0).toLocaleString('en-US')} | ${(
          gaps.length / ((t1 - t0) / 1000)
        ).toFixed(0)} | ${maxGap.toFixed(0)} | ${(late * 100).toFixed(1)}% | ${stopMs} |`,
      );
    }
    console.log(
      `Sensor template into a ${SHARDS}-shard stream (capacity ${(SHARDS * 1000).toLocaleString('en-US')} records/s), emulated mode, headless Chromium; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end (other processes share the cores, so figures vary from run to run).\n`,
    );
    console.log('| target rec/s | acknowledged rec/s | failed attempts in window | frames/s | longest frame gap ms | frames > 50 ms | Stop click to "Stopped" ms |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(r);
  });


main().catch((e) => {
  console.error(e);
  process.exit(1);
});
