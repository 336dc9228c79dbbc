import { expect, test } from '@playwright/test';
import { GeneratorPage } from './pages/generator';
import { MonitoringPage } from './pages/monitoring';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { isPageLocal } from './pages/origin';
import { WORKSHOP_TEMPLATE } from './pages/workshop';

// Activity 1-C of the immersion day and its review, through the console in emulated mode.
const STREAM = 'sensor-stream';


const allowed = (url: string) => isPageLocal(url);

test('Activity 1-C: preview, send at 200/s for 10 s, every record accounted for, IncomingRecords per stream and per shard', async ({ page }) => {
  test.setTimeout(60_000);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // Activity 1-A: a stream with 2 shards.
  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(STREAM, 2);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();

  // Shard-level metrics first, so the per-shard chart has data for this run.
  const monitoring = new MonitoringPage(page);
  await monitoring.goto(STREAM);
  await expect(page.getByTestId('shard-metrics-off')).toContainText('EnableEnhancedMonitoring');
  await monitoring.enableShardMetrics();

  // The template, pasted verbatim; five sample records, repeatable by seed.
  const gen = new GeneratorPage(page);
  await gen.goto();
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await expect(gen.templateError).toHaveCount(0);
  await gen.testTemplate(7);
  await expect(gen.previewRecords).toHaveCount(5);
  const samples = await gen.previewRecords.allTextContents();
  for (const s of samples) {
    const r = JSON.parse(s);
    expect(r.sensorId).toMatch(/^sensor-\d{1,3}$/);
    expect(r.ambientTemp).toBeGreaterThanOrEqual(-40);
    expect(r.ambientTemp).toBeLessThanOrEqual(60);
    expect(r.measuredTemp).toBeGreaterThanOrEqual(0);
  }
  await gen.testTemplate(7);
  expect((await gen.previewRecords.allTextContents()).map((s) => JSON.parse(s).sensorId)).toEqual(samples.map((s) => JSON.parse(s).sensorId));

  // Rate checks: 0, negative and non-numeric are refused with a message.
  await gen.pickStream(STREAM);
  for (const bad of ['0', '-5', 'fast']) {
    await gen.setRate(bad);
    await expect(page.getByText(/The rate must be/).first()).toBeVisible();
    await expect(gen.sendButton).toBeDisabled();
  }
  await gen.setRate('200');
  await expect(gen.cli).toContainText(`aws kinesis put-record --stream-name ${STREAM} --partition-key`);

  // Send for 10 seconds.
  await expect(gen.sendButton).toBeEnabled();
  await gen.sendButton.click();
  const sentAt = Date.now();
  await expect(gen.status).toContainText('Sending');
  await page.waitForTimeout(5_000);
  await gen.screenshot('generator-sending');
  await page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - sentAt)));
  await gen.stopButton.click();
  const seconds = (Date.now() - sentAt) / 1000;
  await expect(gen.status).toContainText('Stopped');
  await expect(page.getByTestId('run-stopped')).toBeVisible();
  await expect.poll(() => gen.counter('pending')).toBe(0);

  const acknowledged = await gen.counter('acknowledged');
  const rendered = await gen.counter('rendered');
  const dropped = await gen.counter('dropped');
  // Near 2,000: 200/s over the ~10 s between the two clicks (the clicks themselves take a moment).
  expect(acknowledged).toBeGreaterThanOrEqual(1800);
  expect(acknowledged).toBeLessThanOrEqual(2600);
  expect(acknowledged).toBeLessThanOrEqual(Math.ceil(200 * (seconds + 1)));
  // No unaccounted records: everything generated was acknowledged or given up at stop.
  expect(acknowledged + dropped).toBe(rendered);
  expect(await gen.counter('failed')).toBe(0);
  await gen.screenshot('generator-stopped');

  // The review: IncomingRecords 1-minute Sum, and both shards in the per-shard view.
  await monitoring.goto(STREAM);
  await expect(monitoring.incomingRecordsChart).toBeVisible();
  await expect.poll(() => monitoring.incomingRecordsSum()).toBe(acknowledged);
  await expect(page.getByTestId('chart-shard-incoming-records')).toBeVisible();
  const s0 = await monitoring.shardTotal('shardId-000000000000');
  const s1 = await monitoring.shardTotal('shardId-000000000001');
  expect(s0).toBeGreaterThan(0);
  expect(s1).toBeGreaterThan(0);
  expect(s0 + s1).toBe(acknowledged);
  await monitoring.screenshot('monitoring-after-run');

  expect(requests.filter((u) => !allowed(u))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a bad template shows its line and column and nothing can be sent', async ({ page }) => {
  const gen = new GeneratorPage(page);
  await gen.goto();
  await gen.setTemplate('{\n  "sensorId": "{{random.nmber(100)}}"\n}');
  await expect(gen.templateError).toContainText('Line 2, column 18');
  await expect(gen.templateError).toContainText('random.nmber');
  await expect(gen.sendButton).toBeDisabled();
  await expect(page.getByTestId('test-template')).toBeDisabled();
  await gen.screenshot('generator-bad-template');

  // An empty template cannot be sent either.
  await gen.setTemplate('');
  await expect(gen.templateError).toContainText('The template is empty');
  await expect(gen.sendButton).toBeDisabled();

  // JSON with a trailing comma: a warning with the place, and sending is still allowed.
  await gen.setTemplate('{ "sensorId": "sensor-{{random.number(9)}}", }');
  await expect(page.getByTestId('template-json-warning')).toContainText('line 1, column');
  await expect(gen.templateError).toHaveCount(0);
});

test('over capacity the stream throttles visibly; deleting it mid-run stops the generator with the counters intact', async ({ page }) => {
  const HOT = 'one-shard-stream';
  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(HOT, 1);
  await list.submitCreate();
  await detail.waitActive();

  const gen = new GeneratorPage(page);
  await gen.goto(HOT);
  await gen.setRate('3000');
  await expect(page.getByTestId('capacity-warning')).toContainText('1 shard accepts at most 1,000 records per second');
  await gen.sendButton.click();
  const alert = page.getByTestId('throttling-alert');
  await expect(alert).toContainText('WriteProvisionedThroughputExceeded');
  await expect(alert.getByTestId('add-shards-link')).toHaveAttribute('href', `#/streams/${HOT}?tab=configuration`);
  await expect.poll(() => gen.counter('retried')).toBeGreaterThan(0);
  expect(await gen.counter('failed')).toBeGreaterThan(0);
  await gen.screenshot('generator-throttling');

  // Delete the stream while the generator (in its worker) keeps sending.
  await detail.open(`#/streams/${HOT}`);
  await detail.deleteStream(HOT);
  await gen.goto();
  await expect(page.getByTestId('run-stopped')).toContainText('The stream was deleted while sending', { timeout: 15_000 });
  await expect(page.getByTestId('run-stopped')).toContainText('ResourceNotFoundException');
  await expect.poll(() => gen.counter('pending')).toBe(0);
  const [acknowledged, dropped, rendered] = [await gen.counter('acknowledged'), await gen.counter('dropped'), await gen.counter('rendered')];
  expect(acknowledged).toBeGreaterThan(0);
  expect(acknowledged + dropped).toBe(rendered);
  await gen.screenshot('generator-stream-deleted');
});

test('named templates survive a reload and a weighted mix sends both, N records then stop', async ({ page }) => {
  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate('mix-stream', 2);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();

  const gen = new GeneratorPage(page);
  await gen.goto('mix-stream');
  await page.getByTestId('template-add').click();
  await gen.field('template-name-input').fill('Clicks');
  await gen.setTemplate('{"user":"{{internet.userName}}","n":{{sequence.next}}}');
  await page.getByTestId('mix-toggle').locator('input').check();
  await page.getByLabel('Weight of Clicks').fill('3');
  await gen.field('limit-input').fill('800');
  await gen.setRate('800');
  await gen.sendButton.click();
  await expect(gen.status).toContainText('Completed', { timeout: 15_000 });
  expect(await gen.counter('acknowledged')).toBe(800);
  const byTemplate = await page.getByTestId('stat-by-template').textContent();
  const share = Number(/Clicks [\d,]+ \(([\d.]+)%\)/.exec(byTemplate ?? '')?.[1]);
  expect(share).toBeGreaterThan(65);
  expect(share).toBeLessThan(85);

  await page.reload();
  await expect(page.getByTestId('template-select')).toContainText('Clicks');
  await expect.poll(() => gen.templateText()).toBe('{"user":"{{internet.userName}}","n":{{sequence.next}}}');
  await expect(gen.field('rate-input')).toHaveValue('800');

  // A fixed partition key left empty: plain words by the partition key, nothing sent, the other settings kept.
  await page.getByTestId('key-strategy').getByText('Fixed', { exact: true }).click();
  await gen.field('key-fixed-input').fill('');
  await expect(page.getByTestId('partition-key-error')).toHaveText('A partition key is 1 to 256 characters');
  await expect(gen.sendButton).toBeDisabled();
  await expect(gen.field('rate-input')).toHaveValue('800');
  await gen.screenshot('generator-empty-partition-key', page.getByTestId('partition-key-error'));
});
