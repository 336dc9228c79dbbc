import { expect, test } from '@playwright/test';
import { GeneratorRatePage } from './pages/generatorRate';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

// The Kinesis Data Generator's two other ways of sending: a Periodic rate (Mu and Sigma per hour and
// weekday) and simulated time (a backfill of a past range, as fast as the stream accepts it).

const createStream = async (page: import('@playwright/test').Page, name: string, shards: number) => {
  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(name, shards);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();
};

test('Periodic: fill a column and then every cell, send, and the records arrive at about Mu per second', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await createStream(page, 'periodic-stream', 2);

  const gen = new GeneratorRatePage(page);
  await gen.goto();
  await gen.setTemplate('{"sensorId":"sensor-{{random.number(100)}}","at":"{{date.now}}"}');
  await gen.pickStream('periodic-stream');
  await gen.rateMode('Periodic');
  await expect(gen.grid).toBeVisible();
  await expect(gen.cell('Mu', 'Monday', 9)).toHaveValue('100');

  // A column: every hour of Sunday, and nothing else.
  await gen.fill('Sunday', 7, 1);
  await expect(gen.cell('Mu', 'Sunday', 0)).toHaveValue('7');
  await expect(gen.cell('Sigma', 'Sunday', 23)).toHaveValue('1');
  await expect(gen.cell('Mu', 'Monday', 0)).toHaveValue('100');
  // A bad cell is marked and blocks sending.
  await gen.cell('Mu', 'Tuesday', 3).fill('-4');
  await expect(gen.cell('Mu', 'Tuesday', 3)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('send-blockers')).toContainText('Mu at Tuesday 03:00');
  await expect(gen.sendButton).toBeDisabled();

  // Everything: 50 a second with a small spread.
  await gen.fill('all', 50, 2);
  await expect(gen.cell('Mu', 'Tuesday', 3)).toHaveValue('50');
  await expect(gen.cell('Mu', 'Sunday', 12)).toHaveValue('50');
  await expect(gen.preview).toHaveAttribute('aria-label', /average Mu 50/);
  await gen.screenshot('generator-periodic-grid', page.getByTestId('rate-mode'));
  await gen.screenshot('generator-periodic-preview', gen.preview);

  // 500 records at about 50 a second: the run ends by itself after about 10 seconds.
  await gen.field('limit-input').fill('500');
  await expect(gen.sendButton).toBeEnabled();
  await gen.sendButton.click();
  await gen.expectSending();
  await expect(page.getByTestId('stat-mu')).toHaveText('50');
  await expect(page.getByTestId('stat-sigma')).toHaveText('2');
  // ceil of N(50, 2): 50.5 on average
  expect(await gen.figure('stat-expected')).toBeCloseTo(50.5, 0);
  await expect(gen.status).toContainText('Completed', { timeout: 60_000 });
  expect(await gen.counter('acknowledged')).toBe(500);
  const rate = 500 / (await gen.elapsedSeconds());
  expect(rate).toBeGreaterThan(40);
  expect(rate).toBeLessThan(62);
  expect(pageErrors).toEqual([]);
});

test('backfill: 10 simulated minutes at 10 records a second complete with 6,000 records whose simTime lies in the range', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await createStream(page, 'backfill-stream', 4);

  const gen = new GeneratorRatePage(page);
  await gen.goto();
  await gen.setTemplate('{"sensorId":"sensor-{{random.number(100)}}","simTime":"{{date.simTime}}"}');
  await gen.pickStream('backfill-stream');
  await gen.rateMode('Constant');
  await gen.setRate('10');
  // A range the wrong way round is refused with a message.
  await gen.backfill('2026-11-30 08:10:00', '2026-11-30 08:00:00');
  await expect(page.getByTestId('send-blockers')).toContainText('The simulated end must be after the start');
  await expect(gen.sendButton).toBeDisabled();
  await gen.backfill('2026-11-30 08:00:00', '2026-11-30 08:10:00');
  await expect(gen.sendButton).toBeEnabled();

  await gen.sendButton.click();
  await expect(gen.progress).toBeVisible();
  await gen.screenshot('generator-backfill');
  await expect(gen.status).toContainText('Backfill complete', { timeout: 60_000 });
  await gen.screenshot('generator-backfill-complete');
  expect(await gen.counter('acknowledged')).toBe(6000);
  expect(await gen.figure('backfill-percent')).toBe(100);
  await expect(page.getByTestId('run-stopped')).toContainText('Backfill complete: 6000 records for 600 simulated seconds');

  // Read the stream back: every record's simTime is a second of the range.
  const detail = new StreamDetailPage(page);
  await detail.open('#/streams/backfill-stream');
  await detail.waitActive();
  await detail.tab('Data viewer');
  await detail.readShard('shardId-000000000000');
  const texts = await page.getByTestId('record-data-decoded').allTextContents();
  expect(texts.length).toBeGreaterThan(10);
  const from = new Date(2026, 10, 30, 8, 0, 0).getTime();
  const to = new Date(2026, 10, 30, 8, 10, 0).getTime();
  for (const t of texts) {
    const sim = Date.parse(JSON.parse(t).simTime);
    expect(sim).toBeGreaterThanOrEqual(from);
    expect(sim).toBeLessThan(to);
    expect(sim % 1000).toBe(0);
  }
  expect(pageErrors).toEqual([]);
});
