import { expect, test } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { FirehosePage } from './pages/firehose';
import { GeneratorPage } from './pages/generator';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from './pages/workshop';

// An analytics application whose source is a Firehose delivery stream (Kinesis Data Analytics reads
// what the delivery stream receives from when it starts): the generator sends to the delivery stream.
const DELIVERY = 'sensor-delivery';
const APP = 'hose-analytics';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a delivery stream as the source: pick it, discover its schema, run the SQL and see its records as rows', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const fh = new FirehosePage(page);
  await fh.gotoCreate();
  await fh.fillCreate({ name: DELIVERY, bucket: 'hose-bucket', size: '5', interval: '60' });
  await fh.submitCreate();
  await fh.waitActive(DELIVERY);

  const gen = new GeneratorPage(page);
  await gen.open(`#/generator?deliveryStream=${DELIVERY}`);
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('20');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), { timeout: 20_000 }).toBeGreaterThan(20);

  const app = new AnalyticsPage(page);
  await app.create(APP);
  await page.getByRole('radio', { name: /^Firehose delivery stream/ }).check();
  await app.discover(DELIVERY);
  await expect(app.schemaRows()).toHaveCount(4);
  await app.screenshot('analytics-firehose-source', page.getByTestId('source-kind'));
  await app.saveSource();

  await app.pasteSql(WORKSHOP_SQL);
  await expect(app.saveAndRun).toBeEnabled({ timeout: 15_000 });
  await app.saveAndRun.click();
  await expect(app.status()).toContainText('RUNNING', { timeout: 20_000 });
  await app.openStreamTab('CLEAN_IOT_STREAM');
  await expect.poll(() => app.rows('CLEAN_IOT_STREAM').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await app.screenshot('analytics-firehose-rows');

  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(page.getByTestId('source-stream')).toHaveText(DELIVERY);
  await expect(page.getByText('Firehose delivery stream', { exact: true })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
