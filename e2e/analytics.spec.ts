import { expect, test } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { GeneratorPage } from './pages/generator';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from './pages/workshop';

// Activity 2 of the immersion day: an analytics application over the sensor stream, the workshop's
// three pumps pasted unchanged, rows in each in-application stream, a typo marked, then stop.
const STREAM = 'sensor-stream';
const APP = 'workshop-analytics';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Activity 2: discover the schema, paste the three pumps, watch rows arrive, see a typo marked, stop', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(STREAM, 2);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();

  // Records in the stream before discovery, as the lab has the generator running.
  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('50');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), { timeout: 20_000 }).toBeGreaterThan(50);

  // 2-A: the application and its source.
  const app = new AnalyticsPage(page);
  await app.create(APP);
  await expect(app.status()).toContainText('READY');
  await app.discover(STREAM);
  await expect(app.schemaRows()).toHaveCount(4);
  await expect(page.getByTestId('schema-table')).toContainText('$.measuredTemp');
  // Edit a type, as the lab suggests checking them.
  await app.choose('column-type-2', /^DOUBLE$/);
  await app.screenshot('activity2-discovered', page.getByTestId('schema-table'));
  await app.saveSource();

  // 2-B..2-D: the three pumps, verbatim.
  await app.pasteSql(WORKSHOP_SQL);
  await expect(app.saveAndRun).toBeEnabled({ timeout: 15_000 });
  await app.saveAndRun.click();
  await expect(app.status()).toContainText('RUNNING', { timeout: 20_000 });
  await app.openStreamTab('CLEAN_IOT_STREAM');
  await expect.poll(() => app.rows('CLEAN_IOT_STREAM').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await app.openStreamTab('FILTERED_STREAM');
  await expect.poll(() => app.rows('FILTERED_STREAM').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  // Ten-second windows close as emulated time passes: skip ahead rather than wait.
  await page.getByRole('button', { name: /^Emulator clock/ }).click();
  await page.getByRole('menuitem', { name: /^Skip ahead 1 minute/ }).click();
  await app.openStreamTab('AGGREGATE_STREAM');
  await expect.poll(() => app.rows('AGGREGATE_STREAM').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await app.screenshot('activity2-rows', page.getByTestId('rows-AGGREGATE_STREAM'));

  // A typo is marked where it is before anything runs, and Save and run says why it cannot.
  await app.pasteSql(WORKSHOP_SQL.replace('WHERE abs', 'WHER abs'));
  await expect(app.markers().first()).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('sql-problems')).toContainText('Line 30');
  await expect(app.saveAndRun).toBeDisabled();
  await app.screenshot('activity2-typo');

  // 2-E: stop the application (the generator keeps sending until the clean-up of Activity 3).
  await page.getByTestId('stop-application').click();
  await expect(app.status()).toContainText('READY', { timeout: 20_000 });
  expect(pageErrors).toEqual([]);
});
