import { expect as baseExpect, test, type Page } from '@playwright/test';
import { ConsolePage } from './pages/console';
import { GeneratorPage } from './pages/generator';
import { MonitoringPage } from './pages/monitoring';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

// The page's first load and its workers at 60x share the machine's cores with everything else.
const expect = baseExpect.configure({ timeout: 30_000 });

// One time: in emulated mode the top bar, the generator (its rate and its date helpers), the
// metrics and every time on a page read the emulator's clock, which can run fast and skip ahead.

const createStream = async (page: Page, name: string, shards: number) => {
  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(name, shards);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();
};

/** The highest one-minute value of a chart, from its text alternative ("highest 6,000 records at 14:05"). */
const highestMinute = async (page: Page, testId: string): Promise<number> => {
  const label = (await page.getByTestId(testId).getAttribute('aria-label')) ?? '';
  const m = /highest ([\d,.]+)/.exec(label);
  return m ? Number(m[1].replace(/,/g, '')) : 0;
};

test('the top bar shows the emulator time, which jumps a minute ahead at once on "Skip ahead 1 minute"', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open('#/streams');
  await expect(console.clockButton).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  // It ticks.
  const first = await console.emulatorTime();
  await expect.poll(() => console.emulatorTime(), { timeout: 3000 }).toBeGreaterThan(first);
  await console.screenshot('top-bar-clock');

  const before = await console.emulatorTime();
  const wallBefore = Date.now();
  await console.skipAhead(1);
  // At once (the top bar reads the clock every second anyway; on a busy machine allow 5 s).
  await expect.poll(() => console.emulatorTime(), { timeout: 5000 }).toBeGreaterThanOrEqual(before + 60_000);
  expect(await console.emulatorTime()).toBeLessThan(before + 60_000 + (Date.now() - wallBefore) + 2_000);
  await expect(console.notifications).toContainText('The emulator clock moved 1 minute ahead');

  // Fast: the speed shows beside the time, and the time runs a minute per wall second.
  await console.clockSpeed(60);
  await expect(console.clockButton).toContainText('×60');
  const fast = await console.emulatorTime();
  await expect.poll(() => console.emulatorTime(), { timeout: 4000 }).toBeGreaterThan(fast + 90_000);
  await console.screenshot('top-bar-clock-60x');
  await console.clockSpeed(1);
  await expect(console.clockButton).not.toContainText('×');
});

test('skipping ahead refreshes the Monitoring chart at once, without waiting for its 10-second refresh', async ({ page }) => {
  await createStream(page, 'skip-stream', 1);
  const gen = new GeneratorPage(page);
  await gen.goto('skip-stream');
  await gen.field('limit-input').fill('50');
  await gen.setRate('100');
  await gen.sendButton.click();
  await expect(gen.status).toContainText('Completed', { timeout: 15_000 });

  const monitoring = new MonitoringPage(page);
  await monitoring.goto('skip-stream');
  await expect.poll(() => monitoring.incomingRecordsSum()).toBe(50);
  const updated = page.getByTestId('metrics-updated');
  await expect(updated).toContainText(/Updated \d\d:\d\d:\d\d/);

  // Three skips of 6 minutes: the records' minute leaves the 15-minute range. Each skip reloads
  // the page's data at once: the Sum is 0 well within the 10 s refresh.
  for (let i = 0; i < 3; i++) await monitoring.skipAhead(6);
  await expect.poll(() => monitoring.incomingRecordsSum(), { timeout: 6000 }).toBe(0);
  // "Updated" is the emulator's time (18 minutes on from the browser's), as on the top bar.
  const shown = ((await updated.textContent()) ?? '').replace('Updated ', '');
  const top = await monitoring.emulatorTime();
  const [h, m, s] = shown.split(':').map(Number);
  const stamp = new Date(top);
  stamp.setHours(h, m, s, 0);
  expect(Math.abs(top - stamp.getTime())).toBeLessThan(15_000);
  expect(Math.abs(top - Date.now() - 18 * 60_000)).toBeLessThan(30_000);
});

test('at 60x the generator sends 20 records per emulated second: its rate and IncomingRecords agree per emulated minute', async ({ page }) => {
  test.setTimeout(120_000);
  await createStream(page, 'fast-stream', 2);
  const gen = new GeneratorPage(page);
  await gen.goto('fast-stream');
  await gen.setTemplate('{"sensorId":"sensor-{{random.number(100)}}","eventTimeStamp":{{date.now("x")}}}');
  await gen.setRate('20');
  await gen.clockSpeed(60);
  const startedAt = await gen.freshEmulatorTime();
  await gen.sendButton.click();
  await expect(gen.status).toContainText('Sending');
  await page.waitForTimeout(6_000);
  await gen.screenshot('generator-60x');
  await gen.stopButton.click();
  await expect(gen.status).toContainText('Stopped');
  await expect.poll(() => gen.counter('pending')).toBe(0);
  const stoppedAt = await gen.freshEmulatorTime();
  await gen.clockSpeed(1);

  const acknowledged = await gen.counter('acknowledged');
  expect(await gen.counter('failed')).toBe(0);
  // About 6 wall seconds at 60x: about 6 emulated minutes, 1,200 records each (20/s x 60 s).
  const minutes = (stoppedAt - startedAt) / 60_000;
  expect(minutes).toBeGreaterThan(4);
  expect(acknowledged).toBeGreaterThan(3 * 1200);
  expect(acknowledged).toBeLessThanOrEqual(Math.ceil((minutes + 0.2) * 1200));
  // The page says 20 per (emulated) second, not 1,200.
  const average = Number(/average ([\d,.]+)\/s/.exec((await page.getByTestId('stat-rate').locator('..').textContent()) ?? '')?.[1]);
  expect(Math.abs(average - 20)).toBeLessThan(1);

  // CloudWatch agrees: all of them, and a full emulated minute holds about 1,200. At 60x a call
  // that takes 100 ms of wall time lands 6 emulated seconds after its records were due, so a
  // minute can hold some of its neighbour's: about 10% either way on a busy machine.
  const monitoring = new MonitoringPage(page);
  await monitoring.goto('fast-stream');
  // 3 hours of emulated time is 3 minutes of wall time at 60x: room for a slow Stop click.
  await page.getByTestId('range-picker').getByText('3 hours').click();
  await expect.poll(() => monitoring.incomingRecordsSum()).toBe(acknowledged);
  const top = await highestMinute(page, 'chart-incoming-records');
  expect(top).toBeGreaterThan(1200 * 0.9);
  expect(top).toBeLessThan(1200 * 1.2);
  await monitoring.screenshot('monitoring-60x');
});

test('a page reload during a run resumes it: the counters carry on, not from zero', async ({ page }) => {
  await createStream(page, 'resume-stream', 2);
  const gen = new GeneratorPage(page);
  await gen.goto('resume-stream');
  await gen.setRate('100');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged')).toBeGreaterThan(300);

  await page.reload();
  await expect(gen.status).toContainText('Sending');
  const afterReload = await gen.counter('acknowledged');
  expect(afterReload).toBeGreaterThan(300);
  await expect(gen.notifications).toContainText('carries on after the page reload');
  await expect.poll(() => gen.counter('acknowledged')).toBeGreaterThan(afterReload + 200);
  await gen.screenshot('generator-resumed');

  // On another page too: a reload there resumes it as well.
  await page.goto('/#/streams');
  await page.reload();
  await gen.goto();
  await expect(gen.status).toContainText('Sending');
  expect(await gen.counter('acknowledged')).toBeGreaterThan(afterReload + 200);

  await gen.stopButton.click();
  await expect(gen.status).toContainText('Stopped');
  await expect.poll(() => gen.counter('pending')).toBe(0);
  const [acknowledged, dropped, rendered] = [await gen.counter('acknowledged'), await gen.counter('dropped'), await gen.counter('rendered')];
  expect(acknowledged + dropped).toBe(rendered);

  // Stopped runs stay stopped after a reload.
  await page.reload();
  await gen.goto();
  await expect(gen.status).not.toContainText('Sending');
});
