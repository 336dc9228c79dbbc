import { expect, test } from '@playwright/test';
import { WalkthroughPage } from './pages/walkthrough';

// The instructors' tools from an empty profile: "Catch me up to 3-C" does Activities 1-3 up to
// there with the pages' own requests, "Do this step for me" finds the objects in S3 (the clock
// skips the buffer interval), every automatic step ticks itself, and 3-D's clean-up leaves nothing.
const AUTO = ['1-A', '1-C', '1-M', '2-A', '2-B', '2-C', '2-D', '2-E', '3-A', '3-B', '3-C'];

test('"Catch me up to 3-C", then "Do this step for me" for 3-C and 3-D: every step ticks and nothing is left', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const walk = new WalkthroughPage(page);
  await walk.goto();
  await expect(walk.progress).toContainText('0 of 14 steps done');
  await expect(walk.doIt('1-A')).toBeVisible();

  // The instructors' section is folded; the confirmation lists what will be made, step by step.
  await page.getByRole('button', { name: /^For instructors and late arrivals/ }).click();
  await walk.choose('catch-up-select', /^3-C /);
  await page.getByTestId('catch-up-button').click();
  const plan = page.getByTestId('catch-up-plan');
  await expect(plan).toContainText('Create the data stream iot-sensor-stream with 2 shards');
  await expect(plan).toContainText('Send FILTERED_STREAM to iot-filtered-delivery as CSV');
  await expect(plan.locator('li')).toHaveCount(12);
  await page.getByTestId('confirm-catch-up').click();

  await expect(walk.catchUpLine('1-A')).toHaveAttribute('data-state', /working|done/, { timeout: 10_000 });
  await walk.screenshot('workshop-catch-up-running');
  await expect(walk.catchUpLine('3-B')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('catch-up-summary')).toHaveText('Caught up to 3-C.');
  for (const id of ['1-A', '1-B', '1-C', '1-R', '2-A', '2-B', '2-C', '2-D', '2-E', '3-A', '3-B']) await walk.expectDone(id);

  // 3-C: the clock skips past the buffer interval until Firehose has written an object.
  await walk.doIt('3-C').click();
  await walk.expectDone('3-C', 30_000);
  for (const id of AUTO) await walk.expectDone(id, 30_000);
  await walk.screenshot('workshop-caught-up', page.getByTestId('workshop-step-3-D'));

  // 3-D: asks first, then deletes what the walkthrough made.
  await walk.doIt('3-D').click();
  await expect(page.getByRole('dialog')).toContainText('delete iot-sensor-analytics, iot-filtered-delivery, iot-sensor-stream, filtered-iot-data');
  await page.getByTestId('confirm-do-it-3-D').click();
  await walk.expectDone('3-D', 60_000);
  await expect(walk.progress).toContainText('14 of 14 steps done');

  // Nothing is left: the clean-up page finds nothing to delete.
  await walk.open('#/cleanup');
  await expect(page.getByTestId('cleanup-empty')).toBeVisible({ timeout: 20_000 });
  expect(pageErrors).toEqual([]);
});
