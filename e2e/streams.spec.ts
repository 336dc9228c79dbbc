import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { isPageLocal } from './pages/origin';

// Activity 1-A of the immersion day, through the console in emulated mode.
const STREAM = 'workshop-stream';
const HALF = (1n << 127n).toString();
const HALF_MINUS_1 = ((1n << 127n) - 1n).toString();
const MAX = ((1n << 128n) - 1n).toString();

const md5 = (s: string) => createHash('md5').update(Buffer.from(s, 'utf8')).digest('hex');

const allowed = (url: string) => isPageLocal(url);

test('a stream from creation to deletion, all inside the page', async ({ page }) => {
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);

  await list.recordTexts(['detail-status']);
  // The bare address opens the workshop's walkthrough; the streams list is one click away.
  await list.open();
  await expect(page).toHaveURL(/#\/workshop$/);
  await list.open('#/streams');
  await expect(list.modeIndicator).toBeVisible();
  await expect(list.table).toContainText('No data streams');
  await list.screenshot('01-streams-empty');

  // Bad stream name: the rule shows as you type, and AWS's own answer on submit, each in words
  // for people with AWS's text beneath; the text typed stays.
  await list.startCreate();
  await list.fillCreate('bad name!', 2);
  await expect(page.getByTestId('stream-name-error')).toContainText('Use only letters, digits, hyphens (-), underscores (_) and periods (.).');
  await expect(page.getByTestId('stream-name-error-detail')).toHaveText(
    'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
  );
  await list.submitCreate();
  await expect(page.getByTestId('stream-name-error-detail')).toHaveText(
    "ValidationException: 1 validation error detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
  );
  await expect(page.getByTestId('stream-name-error')).toContainText('Use only letters, digits, hyphens (-), underscores (_) and periods (.).');
  await expect(list.nameInput()).toHaveValue('bad name!');
  await list.screenshot('02-create-bad-name');

  // Create with 2 shards; the form shows the CLI equivalent.
  await list.fillCreate(STREAM, 2);
  await expect(list.createCli).toHaveText(`aws kinesis create-stream --stream-name ${STREAM} --shard-count 2`);
  await list.screenshot('03-create-form');
  // Slow motion while the state changes (CREATING lasts 5 s instead of 0.5 s), so a busy
  // machine cannot hide it.
  await list.clockSpeed(0.1);
  await list.submitCreate();
  await expect(page).toHaveURL(new RegExp(`#/streams/${STREAM}$`));
  await detail.waitActive();
  expect(await detail.seenTexts('detail-status')).toEqual(['CREATING', 'ACTIVE']);
  await detail.clockSpeed(1);
  await expect(detail.openShards).toHaveText('2');

  // Both shards with their halves of the hash space.
  const s0 = detail.shardRow('shardId-000000000000');
  const s1 = detail.shardRow('shardId-000000000001');
  await expect(s0.getByTestId('starting-hash-key')).toHaveText('0');
  await expect(s0.getByTestId('ending-hash-key')).toHaveText(HALF_MINUS_1);
  await expect(s1.getByTestId('starting-hash-key')).toHaveText(HALF);
  await expect(s1.getByTestId('ending-hash-key')).toHaveText(MAX);
  await detail.screenshot('04-detail-shards');

  // Put a record: which shard, and why.
  const key = 'sensor-42';
  const data = '{"sensorId":"sensor-42","temperature":21.5}';
  const hex = md5(key);
  const hashKey = BigInt(`0x${hex}`);
  const expectedShard = hashKey < 1n << 127n ? 'shardId-000000000000' : 'shardId-000000000001';
  await detail.tab('Put record');
  await detail.putRecord(key, data);
  await expect(detail.putResult).toBeVisible();
  await expect(page.getByTestId('result-shard-id')).toHaveText(expectedShard);
  await expect(page.getByTestId('result-sequence-number')).toHaveText(/^\d{20,}$/);
  await expect(page.getByTestId('md5-hex')).toHaveText(hex);
  await expect(page.getByTestId('md5-decimal')).toHaveText(hashKey.toString());
  await expect(page.getByTestId(`matching-shard-${expectedShard}`)).toBeVisible();
  await expect(page.getByTestId('put-record-cli')).toContainText(`aws kinesis put-record --stream-name ${STREAM} --partition-key ${key}`);
  await expect(page.getByTestId('hash-key-preview')).toHaveText(`MD5 hash key ${hashKey} → ${expectedShard}`);
  const sequenceNumber = await page.getByTestId('result-sequence-number').innerText();
  await detail.screenshot('05-put-record-why', page.getByTestId('why-ranges-table'));

  // A 257-character partition key: AWS's message next to the field, the input kept.
  const longKey = 'k'.repeat(257);
  await detail.putRecord(longKey, data);
  await expect(page.getByTestId('partition-key-error')).toContainText(
    "ValidationException: 1 validation error detected: Value '" + longKey + "' at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256",
  );
  await expect(detail.field('partition-key-input')).toHaveValue(longKey);

  // Read it back from TRIM_HORIZON: decoded JSON and Base64.
  await detail.tab('Data viewer');
  await detail.readShard(expectedShard);
  const records = page.getByTestId('records-table');
  await expect(records).toContainText(sequenceNumber);
  await expect(records).toContainText(key);
  await expect(records.getByTestId('record-data-decoded').first()).toHaveText(JSON.stringify(JSON.parse(data), null, 2));
  await expect(records.getByTestId('record-base64').first()).toHaveText(Buffer.from(data).toString('base64'));
  await expect(page.getByTestId('millis-behind-latest')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('data-viewer-cli')).toContainText(
    `aws kinesis get-shard-iterator --stream-name ${STREAM} --shard-id ${expectedShard} --shard-iterator-type TRIM_HORIZON`,
  );
  await detail.screenshot('06-data-viewer', records);

  // From a sequence number: AT includes the record, AFTER starts past it; AT_TIMESTAMP a minute back finds it.
  await detail.choose('iterator-type-select', /^AT_SEQUENCE_NUMBER/);
  await detail.field('sequence-number-input').fill(sequenceNumber);
  await page.getByTestId('get-records-button').click();
  await expect(records.getByTestId('record-base64')).toHaveCount(1);
  await detail.choose('iterator-type-select', /^AFTER_SEQUENCE_NUMBER/);
  await page.getByTestId('get-records-button').click();
  await expect(records).toContainText('No records in this page');
  await detail.choose('iterator-type-select', /^AT_TIMESTAMP/);
  await detail.field('timestamp-input').fill(new Date(Date.now() - 60_000).toISOString());
  await page.getByTestId('get-records-button').click();
  await expect(records.getByTestId('record-base64')).toHaveCount(1);
  // The next page, read with NextShardIterator, is empty: the shard has one record.
  await page.getByTestId('next-page-button').click();
  await expect(page.getByTestId('records-meta')).toContainText('Page 2');
  await expect(page.getByTestId('data-viewer-cli')).toContainText('aws kinesis get-records --shard-iterator ');

  // Split shard 0 at its midpoint (the default).
  await detail.tab('Configuration');
  await detail.choose('split-shard-select', 'shardId-000000000000');
  await expect(detail.field('split-hash-key-input')).toHaveValue((1n << 126n).toString());
  await detail.clockSpeed(0.1);
  await page.getByTestId('split-shard-submit').click();
  await expect(detail.status).toHaveText('UPDATING');
  await detail.clockSpeed(1);
  await detail.waitActive();
  expect(await detail.seenTexts('detail-status')).toEqual(['CREATING', 'ACTIVE', 'UPDATING', 'ACTIVE']);
  await expect(detail.openShards).toHaveText('3');
  await detail.screenshot('07-configuration', page.getByTestId('merge-shards-section'));

  // Merge: only adjacent pairs are offered; merge the two children back.
  await detail.choose('merge-pair-select', 'shardId-000000000002 + shardId-000000000003');
  await page.getByTestId('merge-shards-submit').click();
  await detail.waitActive();
  await expect(detail.openShards).toHaveText('2');

  // Update the shard count.
  await detail.field('target-shard-count-input').fill('4');
  await page.getByTestId('update-shard-count-submit').click();
  await detail.waitActive();
  await expect(detail.openShards).toHaveText('4');

  // Retention up to 2 days, then a value AWS refuses.
  await detail.field('retention-input').fill('48');
  await page.getByTestId('retention-submit').click();
  await expect(page.getByTestId('detail-retention')).toHaveText('2 days (48 h)');
  await detail.field('retention-input').fill('12');
  await page.getByTestId('retention-submit').click();
  await expect(page.getByTestId('retention-error')).toContainText('InvalidArgumentException');
  await expect(detail.field('retention-input')).toHaveValue('12');
  await detail.screenshot('08-retention-error', page.getByTestId('retention-section'));

  // Shard-level metrics on.
  // The toggle follows the service's answer, so click and wait for the summary.
  await page.getByRole('checkbox', { name: /Shard-level metrics/ }).click();
  await expect(page.getByTestId('detail-shard-metrics')).not.toHaveText('Off');

  // The shards tab shows the closed parents and their children.
  await detail.tab('Shards');
  await expect(detail.shardRow('shardId-000000000002')).toContainText('shardId-000000000000');
  await detail.screenshot('09-detail-after-resharding', page.getByTestId('shards-table'));

  // The list shows the stream with its status, mode, shards and retention.
  await page.getByRole('link', { name: 'Data streams' }).first().click();
  const row = list.table.locator('tr').filter({ has: page.getByTestId(`stream-link-${STREAM}`) });
  await expect(list.status(STREAM)).toHaveText('ACTIVE');
  await expect(row).toContainText('Provisioned');
  await expect(row).toContainText('2 days (48 h)');
  await list.screenshot('10-streams-list');
  await page.getByTestId(`stream-link-${STREAM}`).click();
  await detail.waitActive();

  // Delete, confirming with the stream's name.
  await detail.deleteStream(STREAM);
  await expect(page).toHaveURL(/#\/streams$/);
  await expect(list.table).toContainText('No data streams', { timeout: 15_000 });

  // Nothing left the machine, and the console stayed clean.
  expect(requests.filter((u) => !allowed(u))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('an on-demand stream', async ({ page }) => {
  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);
  await list.goto();
  await list.startCreate();
  await list.nameInput().fill('clicks');
  await page.getByRole('radio', { name: /On-demand/ }).check();
  await expect(list.createCli).toHaveText('aws kinesis create-stream --stream-name clicks --stream-mode-details StreamMode=ON_DEMAND');
  await list.submitCreate();
  await detail.waitActive();
  await expect(page.getByText('On-demand', { exact: true })).toBeVisible();
  await expect(detail.openShards).not.toHaveText('0');
});

test('dark mode and the empty list render', async ({ page }) => {
  const list = new StreamsListPage(page);
  await list.goto();
  await list.useTheme('dark');
  await expect(page.locator('body')).toHaveClass(/awsui-dark-mode/);
  await list.screenshot('11-dark-mode');
});

test('bad input gets AWS’s error type and message, next to the field or as a notification', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);
  const name = 'bad-input';

  await list.goto();
  await list.startCreate();
  // 0 shards: the shape check, under the field.
  await list.fillCreate(name, 0);
  await list.submitCreate();
  await expect(page.getByTestId('shard-count-error-detail')).toHaveText(
    "ValidationException: 1 validation error detected: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
  );
  await expect(page.getByTestId('shard-count-error')).toContainText('Enter a whole number from 1 to 500.');
  // Too many shards: the account limit, as a notification.
  await list.fillCreate(name, 600);
  await list.submitCreate();
  await list.expectErrorNotification('LimitExceededException', /This request would exceed the shard limit for the account/);
  await expect(list.nameInput()).toHaveValue(name);

  await list.fillCreate(name, 1);
  await list.submitCreate();
  await detail.waitActive();

  // An empty partition key and an explicit hash key outside the hash space.
  await detail.tab('Put record');
  await detail.putRecord('', 'x');
  await expect(page.getByTestId('partition-key-error')).toContainText(
    "ValidationException: 1 validation error detected: Value '' at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
  );
  const tooBig = (1n << 128n).toString();
  await page.getByRole('checkbox', { name: /Use an explicit hash key/ }).check();
  await detail.field('explicit-hash-key-input').fill(tooBig);
  await detail.putRecord('k', 'x');
  await expect(page.getByTestId('explicit-hash-key-error')).toContainText(
    `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${tooBig}`,
  );
  await expect(page.getByTestId('explicit-hash-key-error-detail')).toHaveText('InvalidArgumentException');

  // A split at the shard's own start; then an action while the stream is UPDATING.
  await detail.tab('Configuration');
  await detail.field('split-hash-key-input').fill('0');
  await page.getByTestId('split-shard-submit').click();
  await expect(page.getByTestId('split-hash-key-error')).toContainText('NewStartingHashKey 0 used in SplitShard() on shard shardId-000000000000');
  await expect(page.getByTestId('split-hash-key-error-detail')).toHaveText('InvalidArgumentException');
  // Slow motion (UPDATING lasts 5 s instead of 0.5 s) so the second action surely meets it.
  await detail.clockSpeed(0.1);
  await detail.field('split-hash-key-input').fill((1n << 127n).toString());
  await page.getByTestId('split-shard-submit').click();
  await expect(detail.status).toHaveText('UPDATING');
  await page.getByTestId('update-shard-count-submit').click();
  await list.expectErrorNotification('ResourceInUseException', `Stream ${name} under account 000000000000 not ACTIVE, instead in state UPDATING`);
  await detail.screenshot('12-bad-input-notification');
  await detail.clockSpeed(1);
  await detail.waitActive();
  expect(consoleErrors).toEqual([]);
});
