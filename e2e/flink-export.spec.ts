import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { PAGE_LOAD } from './pages/console';
import { GeneratorPage } from './pages/generator';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from './pages/workshop';

// The workshop's application, exported as Flink SQL: the script in a dialog, copied or saved as a file.
const STREAM = 'flink-sensor-stream';
const APP = 'flink-export-app';

test('Export as Flink SQL: the workshop application becomes a script to read and download', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(STREAM, 1);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();
  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('20');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), { timeout: 20_000 }).toBeGreaterThan(5);

  const app = new AnalyticsPage(page);
  await app.create(APP);
  // No source yet: nothing to build the source table from.
  await expect(page.getByTestId('export-flink')).toBeDisabled(PAGE_LOAD);
  await app.discover(STREAM);
  await app.saveSource();
  await app.pasteSql(WORKSHOP_SQL);
  await expect(app.saveAndRun).toBeEnabled({ timeout: 15_000 });
  await app.saveAndRun.click();
  await expect(app.status()).toContainText(/STARTING|RUNNING/, { timeout: 20_000 });

  await page.getByTestId('export-flink').click();
  const dialog = page.getByRole('dialog', { name: 'Export as Flink SQL' });
  const script = dialog.getByTestId('flink-export-script');
  // The exporter loads with the first export: allow for a busy machine.
  await expect(script).toContainText('CREATE TABLE `SOURCE_SQL_STREAM_001`', { timeout: 60_000 });
  await expect(script).toContainText(`'stream' = '${STREAM}'`);
  await expect(script).toContainText('INSERT INTO `AGGREGATE_STREAM`');
  await expect(script).toContainText('TABLE(TUMBLE(TABLE `CLEAN_IOT_STREAM`');
  await expect(dialog).toContainText('not a guaranteed equivalent');
  await app.screenshot('flink-export-dialog');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('flink-export-download').click()]);
  expect(download.suggestedFilename()).toBe(`${APP}.flink.sql`);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toBe(await script.textContent());
  expect(text).toContain('CREATE TEMPORARY VIEW `CLEAN_IOT_STREAM` AS');

  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
  expect(pageErrors).toEqual([]);
});
