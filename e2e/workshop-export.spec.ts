import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WalkthroughPage } from './pages/walkthrough';

const STREAM = 'handout-stream';
const BUCKET = 'handout-bucket';
const KEY = 'sensor-42';
const DATA = '{"sensorId":"sensor-42","temp":21.5}';
const SHOTS = process.env.E2E_SHOTS;

// An instructor prepares a stream with a record and a bucket, exports the workshop, and an
// attendee with an empty browser profile imports the file and finds the same things.
// Two browser contexts each load the console and its SDK: more than the default on a busy machine.
test.setTimeout(180_000);

test('export the emulated workshop, import it into a fresh profile, and find the stream, its record and the bucket', async ({ page, browser }, info) => {
  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);
  const s3 = new S3Page(page);

  await list.open('#/create-stream');
  // The first page of a test loads the SDK too, which a busy machine can take a while over.
  await expect(list.nameInput()).toBeVisible({ timeout: 30_000 });
  await list.fillCreate(STREAM, 1);
  await list.submitCreate();
  await detail.waitActive();
  await detail.tab('Put record');
  await detail.putRecord(KEY, DATA);
  await expect(detail.putResult).toContainText('shardId-000000000000');
  await s3.createBucket(BUCKET);

  await new WalkthroughPage(page).goto();
  const exportButton = page.getByTestId('export-workshop');
  await expect(exportButton).toBeEnabled();
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/header.png`, clip: { x: 0, y: 0, width: 1440, height: 260 } });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toMatch(/^kinesis-workshop-\d{4}-\d{2}-\d{2}\.json\.gz$/);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  // A new context: its own IndexedDB and localStorage, nothing of the first one's.
  const fresh = await browser.newContext({ baseURL: info.project.use.baseURL, viewport: { width: 1440, height: 900 } });
  try {
    const other = await fresh.newPage();
    const list2 = new StreamsListPage(other);
    const detail2 = new StreamDetailPage(other);
    const s32 = new S3Page(other);
    await new WalkthroughPage(other).goto();
    await other.getByTestId('import-workshop').click();
    const dialog = other.getByRole('dialog', { name: 'Import a workshop' });
    await expect(dialog).toContainText('replaces everything');
    await expect(other.getByTestId('confirm-import-workshop')).toBeDisabled();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    if (SHOTS) await other.screenshot({ path: `${SHOTS}/import-dialog.png` });
    await other.getByTestId('confirm-import-workshop').click();
    await expect(list2.notifications).toContainText('Imported the workshop exported');
    await expect(dialog).toBeHidden();

    await list2.open(`#/streams/${STREAM}`);
    await detail2.waitActive();
    await detail2.tab('Data viewer');
    await detail2.readShard('shardId-000000000000');
    const records = other.getByTestId('records-table');
    await expect(records).toContainText('Records (1)');
    await expect(records).toContainText(KEY);
    await expect(records).toContainText(Buffer.from(DATA).toString('base64'));

    await s32.goto();
    await expect(s32.bucketLink(BUCKET)).toBeVisible();
  } finally {
    await fresh.close();
  }
});
