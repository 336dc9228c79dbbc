import { expect, test } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { PAGE_LOAD } from './pages/console';
import { FollowPanel } from './pages/follow';
import { S3Page } from './pages/s3';
import { WalkthroughPage } from './pages/walkthrough';

// Following a record through put -> shard -> SQL -> Firehose -> S3: a FILTERED_STREAM row back to
// its shard and sequence number (checked against the record the Streams data viewer reads), and a
// line of an object Firehose wrote back to the same kind of record, and forward again to its line.
const BUCKET = 'filtered-iot-data';

test('follow a FILTERED_STREAM row and an S3 line back to their Kinesis records', async ({ page }) => {
  test.setTimeout(420_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const walk = new WalkthroughPage(page);
  await walk.goto();
  await walk.catchUpTo('3-C');
  await expect(walk.catchUpLine('3-B')).toHaveAttribute('data-state', 'done', { timeout: 200_000 });
  // The clock skips the buffer interval until Firehose has written an object.
  await walk.doIt('3-C').click();
  await walk.expectDone('3-C', 60_000);

  // 1. A row of FILTERED_STREAM, back to its record.
  const analytics = new AnalyticsPage(page);
  await analytics.open('#/analytics/iot-sensor-analytics');
  await analytics.openStreamTab('FILTERED_STREAM');
  await expect(analytics.rows('FILTERED_STREAM').first()).toBeVisible({ timeout: 30_000 });
  await analytics.rows('FILTERED_STREAM').first().getByTestId('follow-row').click();
  const follow = new FollowPanel(page);
  await follow.waitLoaded();
  const fromRow = await follow.record();
  expect(fromRow.shardId).toMatch(/^shardId-\d{12}$/);
  expect(fromRow.sequenceNumber).toMatch(/^\d+$/);
  await expect(follow.panel.getByTestId('follow-streams')).toHaveText('SOURCE_SQL_STREAM_001 → CLEAN_IOT_STREAM → FILTERED_STREAM');
  await expect(follow.panel.getByTestId('follow-rows-FILTERED_STREAM')).toBeVisible();
  await page.screenshot({ path: `${test.info().project.outputDir}/screens/follow-row.png` });

  // The Streams data viewer opens at that shard and sequence number and reads the same data.
  await follow.dataViewerLink.click();
  const records = page.getByTestId('records-table');
  await expect(records).toBeVisible(PAGE_LOAD);
  await expect(records.locator('tbody tr').first()).toContainText(fromRow.sequenceNumber);
  const viewed = JSON.parse((await records.getByTestId('record-data-decoded').first().textContent()) ?? '');
  expect(viewed).toEqual(JSON.parse(fromRow.data));

  // 2. The newest object Firehose wrote: its last line back to its record.
  const s3 = new S3Page(page);
  await s3.openPath(BUCKET);
  for (let depth = 0; depth < 8; depth++) {
    const objects = page.locator('[data-testid^="object-link-"]');
    const folders = page.locator('[data-testid^="folder-link-"]');
    await expect(objects.or(folders).first()).toBeVisible(PAGE_LOAD);
    if ((await objects.count()) > 0) {
      await objects.last().click();
      break;
    }
    await folders.last().click();
  }
  const preview = page.getByTestId('preview-csv');
  await expect(preview).toBeVisible(PAGE_LOAD);
  await preview.locator('tbody tr').last().getByTestId('follow-line').click();
  await follow.waitLoaded();
  const fromLine = await follow.record();
  expect(fromLine.sequenceNumber).toMatch(/^\d+$/);
  // Forward again: the same object holds the row, at a line the dialog names.
  await expect(follow.panel.getByTestId('follow-s3-found').first()).toBeVisible();
  await page.screenshot({ path: `${test.info().project.outputDir}/screens/follow-line.png` });
  await follow.dataViewerLink.click();
  await expect(records).toBeVisible(PAGE_LOAD);
  await expect(records.locator('tbody tr').first()).toContainText(fromLine.sequenceNumber);
  expect(JSON.parse((await records.getByTestId('record-data-decoded').first().textContent()) ?? '')).toEqual(JSON.parse(fromLine.data));
  expect(pageErrors).toEqual([]);
});
