import { expect, test } from '@playwright/test';
import { StreamsListPage } from './pages/streams';
import { WalkthroughPage } from './pages/walkthrough';

// The cost panel prices what the console holds: after a 2-shard stream is created it shows
// 2 shard-hours an hour, $21.90 a month at us-east-1's $0.015, with the prices' date and sources.
test('the cost panel prices a new 2-shard stream at 2 shard-hours an hour', async ({ page }) => {
  const list = new StreamsListPage(page);
  await list.open('#/streams');
  // The first page waits for the SDK to load: on a busy machine that takes a while.
  await expect(list.table).toBeVisible({ timeout: 30_000 });
  await list.startCreate();
  await list.fillCreate('cost-stream', 2);
  await list.submitCreate();
  await expect(page).toHaveURL(/#\/streams\/cost-stream$/);

  const walk = new WalkthroughPage(page);
  await walk.goto();
  const panel = page.getByTestId('cost-panel');
  await panel.getByRole('button', { name: 'What would this cost on AWS?' }).click();
  await expect(panel.getByTestId('cost-line-shardHour')).toHaveText('Shard hours');
  await expect(panel.getByTestId('cost-month-shardHour')).toHaveText('$21.90', { timeout: 20_000 });
  await expect(panel.getByTestId('cost-hour-shardHour')).toHaveText('$0.03');
  await expect(panel).toContainText('Estimates, not a bill');
  await expect(panel).toContainText('Prices checked on 2026-12-02');
  await expect(panel.getByTestId('cost-kda-note')).toContainText('Managed Service for Apache Flink');
  await panel.getByRole('button', { name: 'Prices and their sources' }).click();
  await expect(panel.getByTestId('cost-sources')).toContainText(
    'https://aws.amazon.com/kinesis/data-streams/pricing/',
  );
  // A window tall enough for the whole panel, so the console's fixed header does not cover part of it.
  await page.setViewportSize({ width: 1440, height: 2200 });
  await panel.screenshot({ path: `${process.env.E2E_SHOTS ?? 'test-results'}/cost-panel.png` });
});
