import { expect, test } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { PAGE_LOAD } from './pages/console';
import { WalkthroughPage } from './pages/walkthrough';
import { CLOUDTRAIL_SQL } from './pages/workshop';

// The two scenarios beside the immersion day: each picked on the Workshop page, followed step by
// step, every step ticking itself; each keeps its own progress, and the panel follows the pick.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('CloudTrail: "Do this step for me" sets up, the SQL pasted on the SQL tab counts calls per IP and the top 10 calls, and the steps tick', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const walk = new WalkthroughPage(page);
  await walk.goto();
  await expect(walk.progress).toContainText('0 of 14 steps done');
  await walk.chooseScenario('CloudTrail: API calls per source IP');
  await expect(page.getByRole('heading', { name: 'Workshop: API calls per source IP', level: 1 })).toBeVisible();
  await expect(walk.progress).toContainText('0 of 7 steps done');
  expect(await walk.state('CT-1')).toBe('current');
  // The template is offered with a copy button.
  await walk.step('CT-2').getByRole('button', { name: /CT-2/ }).click();
  await walk.step('CT-2').getByRole('button', { name: 'Copy Record template' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"sourceIPAddress": "{{random.arrayElement(');
  await walk.screenshot('workshop-scenario-cloudtrail', walk.step('CT-2'));

  for (const id of ['CT-1', 'CT-2', 'CT-3']) {
    await walk.doIt(id).click();
    await walk.expectDone(id, 60_000);
  }
  await expect(walk.check('CT-3')).toContainText('cloudtrail-analytics reads cloudtrail-events');

  // The SQL step through the UI: the step's link opens the application's SQL tab.
  await walk.step('CT-4').getByTestId('step-link-CT-4').click();
  const app = new AnalyticsPage(page);
  await expect(page.getByTestId('sql-editor').locator('.monaco-editor')).toBeVisible(PAGE_LOAD);
  await app.pasteSql(CLOUDTRAIL_SQL);
  await app.saveAndRun.click();
  await expect(app.status()).toContainText('RUNNING', { timeout: 30_000 });
  // A minute of ROWTIME closes: the per-IP counts and the top calls come out.
  await app.skipAhead(1);
  await app.openStreamTab('CALLS_PER_IP_STREAM');
  await expect(app.rows('CALLS_PER_IP_STREAM').first()).toBeVisible({ timeout: 30_000 });
  await expect(app.rows('CALLS_PER_IP_STREAM').first()).toContainText(/\d+\.\d+\.\d+\.\d+/);
  await app.openStreamTab('TOP_CALLS_STREAM');
  await expect(app.rows('TOP_CALLS_STREAM').first()).toBeVisible({ timeout: 30_000 });
  await app.openStreamTab('CALLS_BY_EVENT_TIME_STREAM');
  await expect(app.rows('CALLS_BY_EVENT_TIME_STREAM').first()).toBeVisible({ timeout: 30_000 });
  await app.screenshot('workshop-scenario-cloudtrail-rows', page.getByTestId('rows-CALLS_BY_EVENT_TIME_STREAM'));

  await walk.goto();
  for (const id of ['CT-4', 'CT-5', 'CT-6']) await walk.expectDone(id, 30_000);
  await expect(walk.check('CT-6')).toContainText('rows through TOP_CALLS_STREAM');
  await expect(walk.progress).toContainText('6 of 7 steps done');

  // The immersion day kept its own (empty) progress; back to CloudTrail, its ticks are there.
  await walk.chooseScenario('Immersion day (Activities 1-3)');
  await expect(walk.progress).toContainText('0 of 14 steps done');
  await walk.chooseScenario('CloudTrail: API calls per source IP');
  await expect(walk.progress).toContainText('6 of 7 steps done');
  expect(pageErrors).toEqual([]);
});

test('Clickstream: "Catch me up" through the scoring steps, and anomaly scores reach CLICK_ANOMALIES_STREAM; the panel follows the scenario', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const walk = new WalkthroughPage(page);
  await walk.goto();
  await walk.chooseScenario('Clickstream anomaly scores');
  await expect(walk.progress).toContainText('0 of 6 steps done');
  await walk.step('CS-4').getByRole('button', { name: /CS-4/ }).click();
  await walk.screenshot('workshop-scenario-clickstream', walk.step('CS-4'));

  await walk.catchUpTo('CS-6');
  await expect(walk.catchUpLine('CS-5')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  for (const id of ['CS-1', 'CS-2', 'CS-3', 'CS-4', 'CS-5']) await walk.expectDone(id);
  await expect(walk.check('CS-5')).toContainText('rows through CLICK_ANOMALIES_STREAM');

  // The walkthrough beside another page shows this scenario's current step.
  await walk.openPanel();
  await expect(page.getByTestId('walkthrough-scenario')).toHaveText('Clickstream anomaly scores');
  await expect(walk.panelStep).toContainText('CS-6 Clean up');

  // The unusual clicks, with their scores, in the application's live rows.
  const app = new AnalyticsPage(page);
  await app.open('#/analytics/clickstream-anomalies?tab=sql');
  await expect(page.getByTestId('sql-editor').locator('.monaco-editor')).toBeVisible(PAGE_LOAD);
  await app.openStreamTab('CLICK_ANOMALIES_STREAM');
  const row = app.rows('CLICK_ANOMALIES_STREAM').first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  // The score's own column (the row's last cell is its Follow action).
  const headers = await page.getByTestId('rows-CLICK_ANOMALIES_STREAM').locator('thead th').allTextContents();
  const column = headers.findIndex((h) => /ANOMALY_SCORE/i.test(h));
  expect(column).toBeGreaterThanOrEqual(0);
  const score = Number((await row.locator('td').nth(column).textContent())?.trim());
  expect(score).toBeGreaterThan(2);
  await app.screenshot('workshop-scenario-clickstream-rows', page.getByTestId('rows-CLICK_ANOMALIES_STREAM'));
  expect(pageErrors).toEqual([]);
});
