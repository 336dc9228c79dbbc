import { expect, test } from '@playwright/test';
import { isPageLocal } from './pages/origin';
import { CleanupPage, S3Page } from './pages/s3';
import { StreamsListPage } from './pages/streams';

// Activity 3 of the immersion day: the S3 console (3-C) and the clean-up (3-D), in emulated mode.
const BUCKET = 'jane-filtered-iot-data';

test('buckets: the naming rule beside the field, S3’s own error, create, open empty, delete', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const s3 = new S3Page(page);

  await s3.goto();
  await expect(s3.bucketsTable).toContainText('No buckets');

  // The rule shows as you type; S3's answer to the same name on submit.
  await s3.startCreate();
  await s3.nameInput().fill('Jane_Bucket');
  await expect(s3.nameError).toHaveText('Bucket names can contain only lowercase letters, numbers, dots (.) and hyphens (-).');
  await s3.submitCreate();
  await expect(s3.nameError).toContainText('The specified bucket is not valid.');
  await expect(page.getByTestId('bucket-name-error-detail')).toHaveText('InvalidBucketName');
  await expect(s3.nameInput()).toHaveValue('Jane_Bucket');
  await s3.nameInput().fill('xn--bucket');
  await expect(s3.nameError).toHaveText('Bucket names must not start with the prefix xn--');
  await s3.screenshot('s3-01-create-bad-name');

  await s3.nameInput().fill(BUCKET);
  await expect(s3.nameError).toHaveCount(0);
  await expect(page.getByTestId('create-bucket-cli')).toHaveText(`aws s3api create-bucket --bucket ${BUCKET}`);
  await s3.submitCreate();
  await expect(page).toHaveURL(new RegExp(`#/s3/${BUCKET}$`));
  await expect(page.getByTestId('objects-title')).toHaveText(BUCKET);
  await expect(s3.objectsEmpty).toContainText('No objects');
  await expect(s3.objectsEmpty).toContainText('YYYY/MM/DD/HH/');
  await s3.screenshot('s3-02-empty-bucket');

  // A folder address that holds nothing yet, and the breadcrumbs back to the bucket.
  await s3.openPath(BUCKET, '2026/12/02/');
  await expect(page.getByTestId('objects-title')).toHaveText('02/');
  await expect(s3.objectsEmpty).toContainText('No keys start with 2026/12/02/.');
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: BUCKET }).click();
  await expect(page).toHaveURL(new RegExp(`#/s3/${BUCKET}$`));

  // The bucket list, then delete with the name typed to confirm.
  await s3.goto();
  await expect(s3.bucketLink(BUCKET)).toBeVisible();
  await s3.screenshot('s3-03-buckets');
  await s3.startDelete(BUCKET);
  await s3.confirmDelete(BUCKET);
  await expect(s3.deleteModal).toHaveCount(0);
  await expect(s3.bucketsTable).toContainText('No buckets');

  expect(requests.filter((u) => !isPageLocal(u))).toEqual([]);
});

test('clean-up deletes a stream and a bucket made through the console, in AWS’s order', async ({ page }) => {
  const streams = new StreamsListPage(page);
  const s3 = new S3Page(page);
  const cleanup = new CleanupPage(page);

  await s3.goto();
  await streams.goto();
  await streams.startCreate();
  await streams.fillCreate('workshop-stream', 1);
  await streams.submitCreate();
  await expect(page).toHaveURL(/#\/streams\/workshop-stream$/);
  await s3.createBucket(BUCKET);

  // Reached from the bucket list's header too.
  await s3.goto();
  await page.getByTestId('cleanup-link').click();
  await expect(page).toHaveURL(/#\/cleanup$/);
  await expect(cleanup.item('stream:workshop-stream')).toBeVisible();
  await expect(cleanup.item(`bucket:${BUCKET}`)).toBeVisible();
  await expect(cleanup.table).toContainText('0 objects');
  await expect(cleanup.table.getByRole('checkbox', { name: 'Delete Kinesis data stream workshop-stream' })).toBeChecked();
  await expect(cleanup.table.getByRole('checkbox', { name: `Delete S3 bucket ${BUCKET}` })).toBeChecked();
  await cleanup.screenshot('s3-04-cleanup');

  await cleanup.deleteSelected();
  await expect(cleanup.result).toHaveText('Deleted all 2. Streams, delivery streams and applications take a few seconds to disappear.');
  await expect(cleanup.state('stream:workshop-stream')).toHaveText('Deleting');
  await expect(cleanup.state(`bucket:${BUCKET}`)).toHaveText('Deleted with 0 objects');
  await cleanup.screenshot('s3-05-cleanup-done');

  // Looking again finds nothing left once the stream has gone (the list follows deletions).
  await page.getByTestId('cleanup-again').click();
  await expect(page.getByTestId('cleanup-empty')).toBeVisible({ timeout: 20_000 });
  await s3.goto();
  await expect(s3.bucketsTable).toContainText('No buckets');
});
