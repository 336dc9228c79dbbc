import { expect, test } from '@playwright/test';
import { startEmulatorServer } from './emulatorServer';
import { AnalyticsPage } from './pages/analytics';
import { ConnectionPanel } from './pages/connection';
import { FirehosePage } from './pages/firehose';
import { GeneratorPage } from './pages/generator';
import { S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from './pages/workshop';

// AWS mode, where AWS no longer runs SQL applications: the console runs the workshop's SQL in the
// tab over the account's real stream (here the console's own emulator server, reached as an
// endpoint override) and delivers the results to the account's delivery stream, which writes S3.
const SERVER_PORT = 4604;
const STREAM = 'aws-sensor-stream';
const APP = 'aws-local-analytics';
const BUCKET = 'aws-filtered-data';
const DELIVERY = 'aws-filtered-delivery';

let server: Awaited<ReturnType<typeof startEmulatorServer>> | undefined;

test.beforeAll(async () => {
  server = await startEmulatorServer(SERVER_PORT);
});

test.afterAll(() => server?.stop());

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('in AWS mode the workshop SQL runs in the tab over the real stream and its results reach S3 through the delivery stream', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const list = new StreamsListPage(page);
  const conn = new ConnectionPanel(page);
  await list.goto();
  await conn.openSettings();
  await conn.fillAws({ accessKeyId: 'AKIAE2EEXAMPLE', secretAccessKey: 'e2e-secret-not-real', region: 'us-east-1', endpoint: server!.endpoint });
  await conn.save();
  await expect(conn.indicator).toHaveText(/^Endpoint/);

  // The account's stream, with the generator sending the workshop's records into it.
  await list.startCreate();
  await list.fillCreate(STREAM, 2);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive(30_000);
  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('50');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), { timeout: 30_000 }).toBeGreaterThan(50);

  // The account's bucket and delivery stream (no buffering interval, so objects come at once).
  const s3 = new S3Page(page);
  await s3.createBucket(BUCKET);
  const fh = new FirehosePage(page);
  await fh.gotoCreate();
  await fh.fillCreate({ name: DELIVERY, bucket: BUCKET, size: '1', interval: '0' });
  // An account's delivery stream names the role Firehose assumes.
  await fh.field('role-arn-input').fill('arn:aws:iam::000000000000:role/firehose-delivery-role');
  await fh.submitCreate();
  await fh.waitActive(DELIVERY);

  // The analytics pages say where the SQL runs.
  const app = new AnalyticsPage(page);
  await app.open('#/analytics');
  await expect(page.getByTestId('local-run-notice')).toContainText('AWS no longer runs Kinesis Data Analytics SQL applications');
  await app.screenshot('aws-analytics-01-list');
  await app.create(APP);
  await expect(page.getByTestId('local-run-notice')).toContainText('only while the tab stays open');

  // Discovery samples the real stream; the workshop's SQL runs unchanged.
  // Discovery is the first call the local analytics answers: its worker loads, then samples the stream over the network.
  await app.choose('source-stream-select', new RegExp(`^${STREAM}`));
  await page.getByTestId('discover-schema').click();
  await expect(app.schemaRows()).toHaveCount(4, { timeout: 60_000 });
  await app.saveSource();
  await app.pasteSql(WORKSHOP_SQL);
  await expect(app.saveAndRun).toBeEnabled({ timeout: 15_000 });
  await app.saveAndRun.click();
  await expect(app.status()).toContainText('RUNNING', { timeout: 30_000 });
  await app.openStreamTab('FILTERED_STREAM');
  await expect.poll(() => app.rows('FILTERED_STREAM').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await app.screenshot('aws-analytics-02-rows');

  // FILTERED_STREAM to the delivery stream as CSV: PutRecordBatch to the account, objects in its bucket.
  await app.open(`#/analytics/${APP}?tab=destination`);
  await app.choose('output-inapp-select', /^FILTERED_STREAM$/);
  await page.getByRole('radio', { name: /Firehose delivery stream/ }).check();
  await app.choose('output-delivery-select', new RegExp(`^${DELIVERY}`));
  await page.getByRole('radio', { name: /^CSV/ }).check();
  await page.getByTestId('connect-output').click();
  await expect(page.getByTestId('outputs-table')).toContainText(DELIVERY, { timeout: 20_000 });
  await expect(app.status()).toContainText('RUNNING', { timeout: 30_000 });

  await s3.openPath(BUCKET);
  // The listing is read when the page opens: refreshed in place until the first delivery shows.
  await expect
    .poll(
      async () => {
        await page.getByTestId('refresh-objects').click();
        return page.locator('[data-testid^="folder-link-"]').count();
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  const { key } = await s3.firstDatedObject(60_000);
  expect(key).toMatch(new RegExp(`^\\d{4}/\\d\\d/\\d\\d/\\d\\d/${DELIVERY}-1-`));
  // The object as the account holds it: the CSV rows of FILTERED_STREAM (read from the server itself).
  const res = await fetch(`${server!.endpoint}/${BUCKET}/${key}`, {
    headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAE2EEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0', 'x-amz-date': '20260101T000000Z' },
  });
  expect(res.status).toBe(200);
  const lines = (await res.text()).trimEnd().split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines.slice(0, 20)) expect(line.split(',')[1]).toMatch(/^"?sensor-\d+"?$/);

  expect(pageErrors).toEqual([]);
});
