import { expect, test } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { FirehosePage } from './pages/firehose';
import { MonitoringPage } from './pages/monitoring';

// Activity 3 of the immersion day: a delivery stream to S3 with a 5 MiB / 60 s buffer, no
// compression, error logging on. The bucket itself is made on the S3 page (tested with it): here
// the delivery stream names a bucket by hand, which Firehose accepts (deliveries fail until it exists).
const DELIVERY = 'workshop-delivery';
const BUCKET = 'workshop-bucket';

test('Activity 3: the form shows AWS errors next to the field and keeps what was typed; create, inspect, edit, send demo data, delete', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const fh = new FirehosePage(page);

  await fh.gotoList();
  await expect(fh.table).toContainText('No delivery streams');
  await fh.screenshot('firehose-list-empty');
  await fh.startCreate();

  // Out of range: AWS's ValidationException lands under the buffer size; nothing typed is lost.
  await fh.fillCreate({ name: DELIVERY, bucket: BUCKET, size: '200', interval: '60' });
  await expect(fh.fieldError('buffer-size')).toContainText('Enter a whole number from 1 to 128.');
  await expect(fh.fieldError('buffer-size')).toContainText('Member must have value less than or equal to 128');
  await fh.submitCreate();
  await expect(fh.fieldError('buffer-size')).toContainText('ValidationException');
  await expect(fh.fieldError('buffer-size')).toContainText("at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs'");
  await expect(fh.nameInput()).toHaveValue(DELIVERY);
  await expect(fh.bucketInput()).toHaveValue(BUCKET);
  await expect(fh.field('buffer-interval-input')).toHaveValue('60');
  await expect(page.getByTestId('bucket-unknown')).toContainText(`no bucket named ${BUCKET}`);
  await fh.screenshot('firehose-create-error', fh.fieldError('buffer-size'));

  // An expression prefix without an error prefix: AWS's rule, under the error prefix.
  await fh.field('buffer-size-input').fill('5');
  await fh.field('prefix-input').fill('data/!{timestamp:yyyy/MM/dd}/');
  await fh.submitCreate();
  await expect(fh.fieldError('error-prefix')).toContainText("ErrorOutputPrefix can't be null when Prefix contains expressions");
  await fh.field('error-prefix-input').fill('errors/!{firehose:error-output-type}/');
  await fh.submitCreate();

  // The detail page: status, destination settings as the workshop asks.
  await fh.waitActive(DELIVERY);
  await expect(fh.detail('bucket')).toHaveText(BUCKET);
  await expect(fh.detail('buffer-size')).toHaveText('5 MiB');
  await expect(fh.detail('buffer-interval')).toHaveText('60 seconds');
  await expect(fh.detail('compression')).toHaveText('Not enabled');
  await expect(fh.detail('logging')).toContainText('Enabled (/aws/kinesisfirehose/workshop-delivery');
  await expect(fh.detail('prefix')).toHaveText('data/!{timestamp:yyyy/MM/dd}/');
  await expect(fh.version).toHaveText('1');
  await expect(page.getByTestId('open-bucket')).toHaveAttribute('href', `#/s3/${BUCKET}/data/`);

  // Test with demo data: records go out once a second while the page is open.
  await page.getByTestId('demo-start').click();
  await expect.poll(() => fh.sentDemoRecords(), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
  await page.getByTestId('demo-stop').click();
  await expect(page.getByTestId('demo-status')).toContainText('Stopped.');
  const sent = await fh.sentDemoRecords();

  // Monitoring: IncomingRecords counts what the demo sent.
  await fh.openTab('Monitoring');
  await expect(page.getByTestId('chart-delivery-incoming-records')).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => Number((await page.getByTestId('sum-delivery-incoming-records').textContent()) || '0'), { timeout: 25_000 })
    .toBe(sent);
  await fh.screenshot('firehose-detail-monitoring');

  // Edit: UpdateDestination with the version seen; the version goes up.
  await fh.openTab('Configuration');
  await fh.openEdit();
  await fh.saveDestination({ interval: '901' });
  await expect(fh.editModal.getByTestId('buffer-interval-error')).toContainText('ValidationException');
  await fh.saveDestination({ interval: '120' });
  await expect(fh.editModal).toBeHidden();
  await expect(fh.detail('buffer-interval')).toHaveText('120 seconds');
  await expect(fh.version).toHaveText('2');
  await fh.screenshot('firehose-detail');

  // Monitoring page: Firehose delivery streams by the service picker.
  const mon = new MonitoringPage(page);
  await mon.goto();
  await mon.choose('monitor-service-select', /^Firehose delivery streams/);
  await expect(page.getByTestId('chart-delivery-incoming-records')).toBeVisible({ timeout: 20_000 });
  await mon.screenshot('monitoring-firehose');

  // The list, then delete with the name typed.
  await fh.gotoList();
  await expect(fh.status(DELIVERY)).toHaveText('ACTIVE');
  await expect(fh.table).toContainText(`Amazon S3: ${BUCKET}`);
  await fh.screenshot('firehose-list');
  await fh.deleteFromList(DELIVERY);
  await expect(fh.table).toContainText('No delivery streams', { timeout: 20_000 });
  expect(pageErrors).toEqual([]);
});

test('the analytics Destination tab offers delivery streams as outputs', async ({ page }) => {
  const fh = new FirehosePage(page);
  await fh.gotoCreate();
  await fh.fillCreate({ name: DELIVERY, bucket: BUCKET, interval: '60' });
  await fh.submitCreate();
  await fh.waitActive(DELIVERY);

  const app = new AnalyticsPage(page);
  await app.create('workshop-analytics');
  await page.getByRole('tab', { name: 'Destination' }).click();
  await page.getByRole('radio', { name: /Firehose delivery stream/ }).check();
  await app.choose('output-delivery-select', new RegExp(`^${DELIVERY}`));
  await expect(page.getByTestId('output-delivery-select')).toContainText(DELIVERY);
  await app.screenshot('analytics-destination-firehose', page.getByTestId('output-delivery-select'));
});
