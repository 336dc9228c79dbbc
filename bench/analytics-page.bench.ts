/**
 * The page while an analytics application's rows stream: builds the app, serves it with `vite
 * preview` on 127.0.0.1, and in headless Chromium creates an 8-shard stream, sends the workshop's
 * sensor template at 5,000 records/s, creates an application over the stream (discovered schema,
 * the editor's "Continuous filter" template, Save and run) and opens the live table of its output
 * stream. Over 10 seconds it measures the main thread: the longest gap between animation frames,
 * frames later than 50 ms, and long tasks (over 50 ms) as the browser reports them.
 * Needs Chromium (Debian's /usr/bin/chromium or Playwright's); prints a note and exits 0 without one.
 */
import { loadavg } from 'node:os';
import { GeneratorPage } from '../e2e/pages/generator';
import { field, sleep, withConsole } from './serve';

const PORT = 4394;
const RATE = 5000;
const WINDOW_MS = 10_000;
const TEMPLATE = '{"sensorId": "sensor-{{random.number(100)}}", "eventTimeStamp": "{{current.timestamp}}", "ambientTemp": {{random.number({"min":-40, "max":60})}}, "measuredTemp": {{random.number({"min":0, "max":100})}}}';


const main = () =>
  withConsole(PORT, undefined, async (browser, base) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${base}#/create-stream`);
    await field(page, 'stream-name-input').fill('sensors');
    await field(page, 'shard-count-input').fill('8');
    await page.getByTestId('create-stream-submit').click();
    await page.getByTestId('detail-status').getByText('ACTIVE').waitFor({ timeout: 30_000 });

    await page.goto(`${base}#/generator?stream=sensors`);
    // The template is a code editor: pasted as a person would (the e2e suite's page object).
    await new GeneratorPage(page).setTemplate(TEMPLATE);
    await field(page, 'rate-input').fill(String(RATE));
    await page.getByTestId('send-button').click();
    await page.getByTestId('run-status').getByText('Sending').waitFor();

    await page.goto(`${base}#/create-application`);
    await field(page, 'application-name-input').fill('bench');
    await page.getByTestId('create-application-submit').click();
    await page.getByTestId('source-stream-select').getByRole('button').first().click();
    await page.getByRole('option', { name: /^sensors/ }).first().click();
    await page.getByTestId('discover-schema').click();
    await page.getByTestId('save-source').click();
    await page.getByTestId('sql-editor').waitFor({ timeout: 30_000 });
    await page.getByTestId('sql-templates').getByRole('button').first().click();
    await page.getByRole('menuitem', { name: /^Continuous filter/ }).click();
    await page.getByTestId('save-and-run').click();
    await page.getByRole('tab', { name: 'HOT_STREAM', exact: true }).click({ timeout: 30_000 });
    await page.getByTestId('rows-HOT_STREAM').locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await sleep(2000);

    // (strings: tsx would wrap named functions in a helper the page does not have)
    await page.evaluate(`(() => {
      window.__gaps = []; window.__long = [];
      window.__last = performance.now();
      const loop = (t) => { window.__gaps.push(t - window.__last); window.__last = t; requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    })()`);
    const total0 = Number(((await page.getByTestId('rows-HOT_STREAM').locator('h3, h2').first().textContent()) ?? '').replace(/[^\d]/g, ''));
    await sleep(WINDOW_MS);
    const gaps = (await page.evaluate('window.__gaps')) as number[];
    const long = (await page.evaluate('window.__long')) as number[];
    const total1 = Number(((await page.getByTestId('rows-HOT_STREAM').locator('h3, h2').first().textContent()) ?? '').replace(/[^\d]/g, ''));
    console.log(`Generator at ${RATE.toLocaleString('en-US')} records/s into 8 shards, a filter application's output table open; headless Chromium, load average ${loadavg()[0].toFixed(1)}.

| measure | result | target |
|---|---|---|
| rows through HOT_STREAM in the window | ${(total1 - total0).toLocaleString('en-US')} (${(((total1 - total0) * 1000) / WINDOW_MS).toFixed(0)}/s) | |
| frames/s | ${(gaps.length / (WINDOW_MS / 1000)).toFixed(0)} | |
| longest frame gap | ${Math.max(...gaps).toFixed(0)} ms | |
| frames later than 50 ms | ${((gaps.filter((g) => g > 50).length / Math.max(1, gaps.length)) * 100).toFixed(1)}% | |
| long tasks (> 50 ms) on the main thread | ${long.length}, longest ${long.length ? Math.max(...long).toFixed(0) : 0} ms | none over 50 ms |
`);
  });


main().catch((e) => {
  console.error(e);
  process.exit(1);
});
