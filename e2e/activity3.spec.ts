import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { FirehosePage } from './pages/firehose';
import { GeneratorPage } from './pages/generator';
import { CleanupPage, S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WalkthroughPage } from './pages/walkthrough';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from './pages/workshop';

// The whole immersion day as an attendee does it, through the pages, with the walkthrough panel
// open beside them: Activity 1 (stream, generator), Activity 2 (the three pumps), Activity 3
// (delivery stream to S3, FILTERED_STREAM connected as CSV, the objects, the clean-up). Each step
// of the walkthrough ticks itself from what the console sees.
const STREAM = 'iot-sensor-stream';
const APP = 'iot-analytics';
const BUCKET = 'filtered-iot-data';
const DELIVERY = 'filtered-iot-delivery';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Activities 1-3 through the console: every walkthrough step ticks itself, objects land in S3 as CSV, the clean-up leaves nothing', async ({ page }) => {
  test.setTimeout(360_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const walk = new WalkthroughPage(page);
  await walk.goto();
  await walk.openPanel();

  // 1-A: a stream with 2 shards.
  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(STREAM, 2);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();
  // 1-B: nothing to create in emulated mode.
  await expect(walk.panelStep).toContainText('1-B', { timeout: 20_000 });
  await walk.panel.getByTestId('mark-done-1-B').click();

  // 1-C: the generator at 100 records a second (the low end of the lab's range, which keeps a busy
  // CI machine responsive), kept running through Activity 3 as in the lab.
  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('100');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), { timeout: 30_000 }).toBeGreaterThan(100);

  // 2-A to 2-D: the application, its schema, the workshop's pumps pasted unchanged.
  const app = new AnalyticsPage(page);
  await app.create(APP);
  await app.discover(STREAM);
  await expect(app.schemaRows()).toHaveCount(4);
  await app.saveSource();
  await app.pasteSql(WORKSHOP_SQL);
  await expect(app.saveAndRun).toBeEnabled({ timeout: 15_000 });
  await app.saveAndRun.click();
  await expect(app.status()).toContainText('RUNNING', { timeout: 30_000 });
  await app.openStreamTab('FILTERED_STREAM');
  await expect.poll(() => app.rows('FILTERED_STREAM').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await app.skipAhead(1);
  await app.openStreamTab('AGGREGATE_STREAM');
  await expect.poll(() => app.rows('AGGREGATE_STREAM').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  // 2-E: stop the application.
  await page.getByTestId('stop-application').click();
  await expect(app.status()).toContainText('READY', { timeout: 30_000 });

  // 3-A: a bucket and a delivery stream to it, 5 MB / 60 s.
  const s3 = new S3Page(page);
  await s3.createBucket(BUCKET);
  const fh = new FirehosePage(page);
  await fh.gotoCreate();
  await fh.fillCreate({ name: DELIVERY, bucket: BUCKET, size: '5', interval: '60' });
  await fh.submitCreate();
  await fh.waitActive(DELIVERY);

  // 3-B: FILTERED_STREAM to the delivery stream as CSV, and the application runs again.
  await app.open(`#/analytics/${APP}?tab=destination`);
  await app.choose('output-inapp-select', /^FILTERED_STREAM$/);
  await page.getByRole('radio', { name: /Firehose delivery stream/ }).check();
  await app.choose('output-delivery-select', new RegExp(`^${DELIVERY}`));
  await page.getByRole('radio', { name: /^CSV/ }).check();
  await page.getByTestId('connect-output').click();
  await expect(page.getByTestId('outputs-table')).toContainText(DELIVERY, { timeout: 20_000 });
  await page.getByTestId('run-application').click();
  await expect(app.status()).toContainText('RUNNING', { timeout: 30_000 });
  await app.open(`#/analytics/${APP}?tab=sql`);
  await app.openStreamTab('FILTERED_STREAM');
  await expect.poll(() => app.rows('FILTERED_STREAM').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  // A buffer interval passes at once with the clock's skip.
  await app.skipAhead(1);
  await app.skipAhead(1);

  // 3-C: walk down the dated folders to an object and read its CSV rows.
  await s3.openPath(BUCKET);
  const { link: object, key } = await s3.firstDatedObject();
  // Firehose's name: Prefix + YYYY/MM/dd/HH/ + <stream>-<version>-YYYY-MM-dd-HH-mm-ss-<uuid>, in UTC.
  expect(key).toMatch(new RegExp(`^\\d{4}/\\d\\d/\\d\\d/\\d\\d/${DELIVERY}-1-\\d{4}-\\d\\d-\\d\\d-\\d\\d-\\d\\d-\\d\\d-[0-9a-f-]{36}$`));
  await object.click();
  const csv = page.getByTestId('preview-csv');
  await expect(csv).toBeVisible({ timeout: 20_000 });
  await expect(csv).toContainText('sensor-');
  await s3.screenshot('activity3-object', page.getByTestId('object-preview'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-object-button').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  // The CSV rows FILTERED_STREAM sent: one line each, seven columns, a sensor id in the second.
  const lines = text.trimEnd().split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines.slice(0, 20)) expect(line.split(',')[1]).toMatch(/^"?sensor-\d+"?$/);

  // Every step so far ticked itself (1-R is the one the attendee marks after the review).
  await walk.goto();
  for (const id of ['1-A', '1-C', '1-M', '2-A', '2-B', '2-C', '2-D', '2-E', '3-A', '3-B', '3-C']) await walk.expectDone(id, 30_000);

  // 3-D: the clean-up deletes everything, the generator first and the bucket (emptied) last.
  const cleanup = new CleanupPage(page);
  await cleanup.goto();
  await expect(cleanup.item(`bucket:${BUCKET}`)).toBeVisible({ timeout: 20_000 });
  await expect(cleanup.item(`stream:${STREAM}`)).toBeVisible();
  await cleanup.deleteSelected();
  await expect(cleanup.result).toBeVisible({ timeout: 60_000 });
  await walk.goto();
  await walk.expectDone('3-D', 60_000);
  await s3.goto();
  await expect(s3.bucketsTable).not.toContainText(BUCKET);
  expect(pageErrors).toEqual([]);
});
