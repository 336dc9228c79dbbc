import { expect, test } from '@playwright/test';
import { GeneratorPage } from './pages/generator';
import { StreamsListPage } from './pages/streams';
import { WalkthroughPage } from './pages/walkthrough';
import { WORKSHOP_TEMPLATE } from './pages/workshop';

// The walkthrough follows an attendee through Activity 1: each step ticks itself from what the
// console sees, not from a button, and the ticks survive a reload.
const STREAM = 'iot-sensor-stream';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Activity 1 ticks itself: a 2-shard stream, then records from the generator; a reload keeps the progress', async ({ page }) => {
  // About 30 s on an idle machine; the margin is for a busy one.
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const walk = new WalkthroughPage(page);
  await walk.goto();
  await expect(walk.progress).toContainText('0 of 14 steps done');
  expect(await walk.state('1-A')).toBe('current');
  // The sensor template is offered verbatim, with a copy button.
  await walk.step('1-C').getByRole('button', { name: /1-C/ }).click();
  await walk.step('1-C').getByRole('button', { name: 'Copy Sensor record template' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"sensorId": "sensor-{{random.number(100)}}"');

  // 1-A through the Streams page, with the walkthrough open beside it.
  await walk.openPanel();
  await expect(walk.panelStep).toContainText('1-A Create a data stream with 2 shards');
  const list = new StreamsListPage(page);
  await walk.panel.getByTestId('step-link-1-A').click();
  await list.fillCreate(STREAM, 2);
  await list.submitCreate();
  await expect(page).toHaveURL(new RegExp(`#/streams/${STREAM}$`));
  // The panel moves on by itself once the stream is ACTIVE with its 2 shards.
  await expect(walk.panelStep).toContainText('1-B Credentials for the producer', { timeout: 20_000 });
  await expect(walk.panel).toContainText('Nothing to create here');
  await walk.panel.getByTestId('mark-done-1-B').click();
  await expect(walk.panelStep).toContainText('1-C');

  // 1-C: the generator at a rate inside 100-500 (the step links to it with the stream chosen).
  await walk.panel.getByTestId('step-link-1-C').click();
  const gen = new GeneratorPage(page);
  await expect(page.getByRole('heading', { name: 'Data generator', level: 1 })).toBeVisible({ timeout: 20_000 });
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('100');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(walk.panelStep).toContainText('1-R', { timeout: 20_000 });
  await gen.stopButton.click();

  // Back to the Workshop page through the side navigation (no reload yet).
  await page.getByRole('link', { name: 'Activities 1-3' }).click();
  await walk.expectDone('1-A');
  await walk.expectDone('1-C');
  await expect(walk.check('1-A')).toContainText(`${STREAM} is ACTIVE with 2 shards.`);
  await expect(walk.check('1-C')).toContainText(`acknowledged by ${STREAM}`);
  // IncomingRecords on Monitoring shows the records too (1-minute sums), which ticks 1-M; 1-R waits for the user.
  await walk.expectDone('1-M');
  await expect(walk.progress).toContainText('4 of 14 steps done');

  // A reload keeps the ticks (and the panel open).
  await page.reload();
  await walk.expectDone('1-A', 10_000);
  await walk.expectDone('1-B', 10_000);
  await walk.expectDone('1-C', 10_000);
  await expect(walk.panel).toBeVisible();
  expect(await walk.state('1-R')).toBe('current');

  // Reset asks first, then forgets; the stream still exists, so 1-A ticks again by itself.
  await walk.resetProgress();
  await walk.expectDone('1-A');
  expect(await walk.state('1-B')).toBe('current');
  expect(pageErrors).toEqual([]);
});
