import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { AnalyticsPage } from './pages/analytics';
import { PAGE_LOAD } from './pages/console';
import { GeneratorPage } from './pages/generator';
import { S3Page } from './pages/s3';
import { StoragePage } from './pages/storage';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from './pages/workshop';

// Emulated state lives in this browser's IndexedDB: a reload keeps streams, shards and records.
const STREAM = 'durable-stream';
const md5 = (s: string) => createHash('md5').update(Buffer.from(s, 'utf8')).digest('hex');

test('a stream and its record survive a page reload; reset deletes them for good', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);
  const storage = new StoragePage(page);

  await list.open('#/create-stream');
  await list.fillCreate(STREAM, 2);
  await list.submitCreate();
  await detail.waitActive();

  const key = 'sensor-7';
  const data = '{"sensorId":"sensor-7","temperature":19.25}';
  const shard = BigInt(`0x${md5(key)}`) < 1n << 127n ? 'shardId-000000000000' : 'shardId-000000000001';
  await detail.tab('Put record');
  await detail.putRecord(key, data);
  await expect(detail.putResult).toContainText(shard);

  await storage.openStorage();
  await expect(storage.value('persistence')).toContainText('This browser (IndexedDB)');
  await expect(storage.value('records')).toHaveText('1');
  await storage.waitSaved();
  await storage.screenshot('storage-modal');
  await storage.close();

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`#/streams/${STREAM}(\\?|$)`));
  await detail.waitActive();
  await expect(detail.openShards).toHaveText('2');
  await detail.tab('Shards');
  await expect(detail.shardRow('shardId-000000000000')).toBeVisible();
  await expect(detail.shardRow('shardId-000000000001')).toBeVisible();
  await detail.tab('Data viewer');
  await detail.readShard(shard);
  await expect(page.getByTestId('records-table')).toContainText('Records (1)');
  await expect(page.getByTestId('records-table')).toContainText(Buffer.from(data).toString('base64'));
  await expect(page.getByTestId('records-table')).toContainText(key);
  // The Storage dialog says what the reload restored.
  await storage.openStorage();
  await expect(storage.value('restored')).toHaveText(/^1 item in [\d,]+ ms$/);
  await storage.screenshot('storage-restored', storage.modal);
  await storage.close();

  // Reset, confirmed from the clock menu: the stream is gone, and stays gone after a reload.
  await storage.openStorage(/^Reset the emulator/);
  await storage.reset();
  await expect(storage.value('streams')).toHaveText(/^0 /);
  await storage.close();
  await list.goto();
  await expect(list.table).toContainText('No data streams');
  await page.reload();
  await expect(list.table).toContainText('No data streams');
  await storage.openStorage();
  await expect(storage.value('records')).toHaveText('0');
  expect(pageErrors).toEqual([]);
});

test('a second tab runs in memory and says so, so two tabs never overwrite each other', async ({ context }) => {
  const first = await context.newPage();
  await new StreamsListPage(first).goto();
  const firstStorage = new StoragePage(first);
  await firstStorage.openStorage();
  await expect(firstStorage.value('persistence')).toContainText('This browser (IndexedDB)');

  const second = await context.newPage();
  await new StreamsListPage(second).goto();
  const secondStorage = new StoragePage(second);
  await secondStorage.openStorage();
  await expect(secondStorage.value('persistence')).toContainText('Memory only', { timeout: 15_000 });
  await expect(secondStorage.value('persistence')).toContainText('another tab of this console is using the saved state');
});

test('a save from another version is ignored with a notification, never a crash', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const list = new StreamsListPage(page);
  await list.goto();
  // What a future console might have saved: a layout this one does not know. Written from a page of
  // the same origin that runs no emulator, so no save of this one's can land over it.
  await page.goto('/favicon.svg');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kinesis-workshop-emulator', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ format: 99, snapshot: { version: 99 } }, 'state');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await list.goto();
  await expect(list.table).toContainText('No data streams');
  await expect(list.notifications).toContainText('A saved emulator state was found but not restored (it was saved in storage format 99');
  // And the emulator saves again from here on.
  await list.startCreate();
  await list.fillCreate('after-upgrade', 1);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();
  const storage = new StoragePage(page);
  await storage.openStorage();
  await storage.waitSaved();
  await page.reload();
  await new StreamDetailPage(page).waitActive();
  expect(pageErrors).toEqual([]);
});

// Acknowledged means durable. `window.__kwcDebug` (installed by the console in emulated mode) sends an
// awsJson call to the page's emulator exactly as the SDK would, and ends the emulator worker as a crash would.
type Debug = { call(target: string, input: unknown): Promise<{ status: number; body: any }>; crashEmulator(): void };
const debugCall = (page: Page, target: string, input: unknown) =>
  page.evaluate(([target, input]) => (window as unknown as { __kwcDebug: Debug }).__kwcDebug.call(target, input), [target, input] as const);
const kinesis = (page: Page, op: string, input: unknown) => debugCall(page, `Kinesis_20131202.${op}`, input);
const firehose = (page: Page, op: string, input: unknown) => debugCall(page, `Firehose_20150804.${op}`, input);
const debugReady = (page: Page) => page.waitForFunction(() => 'crashEmulator' in ((window as unknown as { __kwcDebug?: Debug }).__kwcDebug ?? {}), null, PAGE_LOAD);

const createActive = async (page: Page, name: string, shards: number) => {
  expect((await kinesis(page, 'CreateStream', { StreamName: name, ShardCount: shards })).status).toBe(200);
  await expect.poll(async () => (await kinesis(page, 'DescribeStreamSummary', { StreamName: name })).body.StreamDescriptionSummary?.StreamStatus, PAGE_LOAD).toBe('ACTIVE');
};

/** A call that waits out the per-shard read limit (5 GetRecords a second) instead of failing on it. */
const read = async (page: Page, op: string, input: unknown) => {
  for (let attempt = 0; ; attempt++) {
    const r = await kinesis(page, op, input);
    if (r.status === 200 || attempt >= 20 || r.body?.__type !== 'ProvisionedThroughputExceededException') return r;
    await page.waitForTimeout(250);
  }
};

/** Every record the stream holds, by sequence number (its data in Base64). */
const readAll = async (page: Page, stream: string) => {
  const records = new Map<string, string>();
  for (const { ShardId } of (await kinesis(page, 'ListShards', { StreamName: stream })).body.Shards) {
    let iterator = (await read(page, 'GetShardIterator', { StreamName: stream, ShardId, ShardIteratorType: 'TRIM_HORIZON' })).body.ShardIterator;
    for (;;) {
      const got = (await read(page, 'GetRecords', { ShardIterator: iterator, Limit: 10_000 })).body;
      for (const r of got.Records as { SequenceNumber: string; Data: string }[]) records.set(r.SequenceNumber, r.Data);
      if (got.Records.length === 0 || got.MillisBehindLatest === 0) break;
      iterator = got.NextShardIterator;
    }
  }
  return records;
};

test('every acknowledged record is there after a reload made the moment it was acknowledged', async ({ page }) => {
  const list = new StreamsListPage(page);
  await list.goto();
  await debugReady(page);
  await createActive(page, 'acked', 2);
  // 10 concurrent PutRecords calls of 20 records; the reload follows the last answer at once.
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      kinesis(page, 'PutRecords', {
        StreamName: 'acked',
        Records: Array.from({ length: 20 }, (_, j) => ({ PartitionKey: `k${i}-${j}`, Data: Buffer.from(`r${i}-${j}`).toString('base64') })),
      }),
    ),
  );
  const acked = answers.flatMap((a, i) =>
    a.body.Records.map((r: { ShardId: string; SequenceNumber: string }, j: number) => ({ ...r, data: Buffer.from(`r${i}-${j}`).toString('base64') })),
  );
  expect(acked).toHaveLength(200);
  await page.reload();
  await debugReady(page);
  const stored = await readAll(page, 'acked');
  for (const r of acked) expect(stored.get(r.SequenceNumber), r.SequenceNumber).toBe(r.data);
});

test('a crashed emulator is restarted mid-run: the generator carries on and nothing acknowledged is missing', async ({ page }) => {
  test.setTimeout(120_000);
  const gen = new GeneratorPage(page);
  await gen.goto();
  await debugReady(page);
  await createActive(page, 'crash-run', 2);
  await gen.goto('crash-run');
  await gen.setTemplate('{"n": {{random.number(1000)}}}');
  await gen.pickStream('crash-run');
  await gen.setRate('200');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), PAGE_LOAD).toBeGreaterThan(200);

  await page.evaluate(() => (window as unknown as { __kwcDebug: Debug }).__kwcDebug.crashEmulator());
  await expect(gen.notifications).toContainText('The emulator stopped unexpectedly and was restarted; everything it had acknowledged was recovered', { timeout: 30_000 });
  const atRestart = await gen.counter('acknowledged');
  // The run goes on against the new emulator.
  await expect.poll(() => gen.counter('acknowledged'), PAGE_LOAD).toBeGreaterThan(atRestart + 200);
  await gen.stopButton.click();
  await expect(gen.status).toContainText('Stopped', PAGE_LOAD);
  const acknowledged = await gen.counter('acknowledged');
  await gen.screenshot('generator-after-restart');
  // Retried calls may have landed twice; none acknowledged is lost.
  expect((await readAll(page, 'crash-run')).size).toBeGreaterThanOrEqual(acknowledged);
});

/** The ROWTIME of the newest row an in-application stream's table shows (it lists the newest first), as epoch ms. */
const newestRowtime = async (app: AnalyticsPage, stream: string): Promise<number> => {
  const text = (await app.rows(stream).first().locator('td').first().textContent()) ?? '';
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(text) ? Date.parse(`${text.replace(' ', 'T')}Z`) : Number.NaN;
};

test('a running application keeps producing after a reload', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate('reload-sensors', 2);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();

  // The workshop's generator and application: a few records a second, so the table's newest rows span seconds.
  const gen = new GeneratorPage(page);
  await gen.goto('reload-sensors');
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('5');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), PAGE_LOAD).toBeGreaterThan(5);
  const app = new AnalyticsPage(page);
  await app.create('reload-app');
  await app.discover('reload-sensors');
  await expect(app.schemaRows()).toHaveCount(4);
  await app.saveSource();
  await app.pasteSql(WORKSHOP_SQL);
  await expect(app.saveAndRun).toBeEnabled({ timeout: 15_000 });
  await app.saveAndRun.click();
  await expect(app.status()).toContainText('RUNNING', { timeout: 30_000 });
  await app.openStreamTab('CLEAN_IOT_STREAM');
  await expect.poll(() => app.rows('CLEAN_IOT_STREAM').count(), PAGE_LOAD).toBeGreaterThan(0);
  const before = await newestRowtime(app, 'CLEAN_IOT_STREAM');
  expect(before).not.toBeNaN();

  const reloadedAt = await app.emulatorTime();
  await page.reload();

  // Nobody restarts it: it is still RUNNING, reads on from the position it had saved (the engine's tests pin
  // that nothing arriving meanwhile is skipped), and its rows carry times after the reload, one after another.
  await expect(app.status()).toContainText('RUNNING', PAGE_LOAD);
  await app.openStreamTab('CLEAN_IOT_STREAM');
  await expect.poll(() => newestRowtime(app, 'CLEAN_IOT_STREAM'), PAGE_LOAD).toBeGreaterThan(Math.max(before, reloadedAt));
  const after = await newestRowtime(app, 'CLEAN_IOT_STREAM');
  await expect.poll(() => newestRowtime(app, 'CLEAN_IOT_STREAM'), PAGE_LOAD).toBeGreaterThan(after);
  await app.screenshot('analytics-after-reload', page.getByTestId('rows-CLEAN_IOT_STREAM'));
  expect(pageErrors).toEqual([]);
});

test('records in a Firehose buffer survive a reload and are delivered afterwards', async ({ page }) => {
  test.setTimeout(180_000);
  const s3 = new S3Page(page);
  await s3.createBucket('reload-bucket');
  await debugReady(page);
  const created = await firehose(page, 'CreateDeliveryStream', {
    DeliveryStreamName: 'reload-hose',
    ExtendedS3DestinationConfiguration: {
      RoleARN: 'arn:aws:iam::000000000000:role/firehose',
      BucketARN: 'arn:aws:s3:::reload-bucket',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
    },
  });
  expect(created.status).toBe(200);
  await expect
    .poll(async () => (await firehose(page, 'DescribeDeliveryStream', { DeliveryStreamName: 'reload-hose' })).body.DeliveryStreamDescription?.DeliveryStreamStatus, PAGE_LOAD)
    .toBe('ACTIVE');
  const records = ['one,', 'two,', 'three'].map((d) => ({ Data: Buffer.from(d).toString('base64') }));
  expect((await firehose(page, 'PutRecordBatch', { DeliveryStreamName: 'reload-hose', Records: records })).body.FailedPutCount).toBe(0);

  // The storage dialog counts the buffer against the cap, apart from the other services.
  const storage = new StoragePage(page);
  await storage.openStorage();
  await expect(page.getByTestId('storage-holds-firehose')).toHaveText('3 records buffered for delivery in 1 delivery stream');
  await expect(page.getByTestId('storage-bytes-firehose')).toHaveText('13 bytes');
  await expect(page.getByTestId('storage-holds-s3')).toHaveText('0 objects in 1 bucket');
  await storage.screenshot('storage-by-service', storage.modal);
  await storage.close();

  await page.reload();
  await s3.openPath('reload-bucket');
  await expect(s3.objectsEmpty).toBeVisible(PAGE_LOAD);
  // The buffer's 60 seconds pass on the emulator's clock: it is written to S3 as one object.
  await s3.skipAhead(1);
  await expect(async () => {
    await page.getByTestId('refresh-objects').click();
    await expect(s3.objectsTable).toContainText(/\d{4}\//, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await storage.openStorage();
  await expect(page.getByTestId('storage-holds-firehose')).toHaveText('0 records buffered for delivery in 1 delivery stream');
  await expect(page.getByTestId('storage-holds-s3')).toHaveText('1 object in 1 bucket');
  await expect(page.getByTestId('storage-bytes-s3')).toHaveText('13 bytes');
});
