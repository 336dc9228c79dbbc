import { expect, test } from '@playwright/test';
import { startEmulatorServer } from './emulatorServer';
import { ConnectionPanel } from './pages/connection';
import { ConsumersPage } from './pages/consumers';
import { StreamsListPage } from './pages/streams';

const STREAM = 'fan-out-stream';
const SHARD = 'shardId-000000000000';

test('an enhanced fan-out consumer: registered, read through in the Data viewer, deregistered', async ({ page }) => {
  // Two state changes in slow motion (5 s each) on top of the steps themselves.
  test.setTimeout(180_000);
  const list = new StreamsListPage(page);
  const detail = new ConsumersPage(page);
  await detail.recordTexts(['consumer-status']);

  await list.goto();
  await list.startCreate();
  await list.fillCreate(STREAM, 1);
  await list.submitCreate();
  await detail.waitActive();

  // The empty tab says what a consumer is for, and how to list them with the CLI.
  await detail.tab('Enhanced fan-out');
  await expect(page.getByTestId('consumers-empty')).toContainText('2 MiB per second per shard');
  await expect(page.getByTestId('consumers-empty')).toContainText('SubscribeToShard');
  await expect(page.getByTestId('consumers-cli')).toHaveText(/^aws kinesis list-stream-consumers --stream-arn arn:aws:kinesis:[a-z0-9-]+:\d{12}:stream\/fan-out-stream/);
  await detail.screenshot('consumers-01-empty');

  // Slow motion while the consumer changes state (CREATING lasts 5 s), so a busy machine cannot hide it.
  await detail.clockSpeed(0.1);
  // A name against the rule: the rule as typed, then AWS's own answer.
  await detail.startRegister();
  await detail.fillName('bad name!');
  await detail.field('consumer-name-input').blur();
  await expect(detail.nameError).toContainText('Use only letters, digits, hyphens (-), underscores (_) and periods (.).');
  await expect(detail.nameError).toContainText('Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
  await detail.submitRegister();
  await expect(detail.nameError).toContainText("ValidationException: 1 validation error detected: Value 'bad name!' at 'consumerName'");

  await detail.fillName('viewer-app');
  await expect(page.getByTestId('register-consumer-cli')).toContainText('aws kinesis register-stream-consumer --stream-arn arn:aws:kinesis:');
  await expect(page.getByTestId('register-consumer-cli')).toContainText('--consumer-name viewer-app');
  await detail.submitRegister();
  await expect(detail.registerDialog).toBeHidden();
  await expect(detail.row('viewer-app').getByTestId('consumer-status')).toHaveText('ACTIVE');
  expect(await detail.seenTexts('consumer-status')).toEqual(['CREATING', 'ACTIVE']);
  await detail.clockSpeed(1);
  await expect(detail.row('viewer-app')).toContainText(/arn:aws:kinesis:.*:stream\/fan-out-stream\/consumer\/viewer-app:\d+/);

  // A second consumer of the same name is AWS's ResourceInUseException, under the field.
  await detail.startRegister();
  await detail.fillName('viewer-app');
  await detail.submitRegister();
  await expect(detail.nameError).toContainText('ResourceInUseException');
  await detail.registerDialog.getByRole('button', { name: 'Cancel' }).click();
  await detail.screenshot('consumers-02-active');

  // Records first, then read them through the consumer.
  await detail.tab('Put record');
  for (const n of [1, 2, 3]) {
    await detail.putRecord(`key-${n}`, JSON.stringify({ reading: n }));
    await expect(detail.putResult).toContainText(SHARD);
  }
  await detail.tab('Enhanced fan-out');
  await detail.row('viewer-app').getByTestId('read-through-consumer').click();
  await expect(page.getByTestId('read-through-select')).toContainText('Enhanced fan-out consumer: viewer-app');
  await detail.subscribe(SHARD);
  await expect(page.getByTestId('subscribe-cli')).toContainText(
    `--shard-id ${SHARD} --starting-position Type=TRIM_HORIZON`,
  );
  await expect(detail.records.getByTestId('record-data-decoded')).toHaveCount(3);
  await expect(detail.records.getByTestId('record-data-decoded').last()).toContainText('"reading": 3');
  await expect(page.getByTestId('subscription-millis-behind')).toHaveText('0');
  await expect(page.getByTestId('continuation-sequence-number')).toHaveText(/^\d{20,}$/);
  await expect(page.getByTestId('subscription-status')).toContainText('Subscribed');
  await detail.screenshot('consumers-03-reading', detail.records);

  // Stopping frees the consumer's shard: subscribing again is not refused.
  await page.getByTestId('stop-subscription-button').click();
  await expect(page.getByTestId('subscription-status')).toContainText('Stopped');
  await page.getByTestId('subscribe-button').click();
  await expect(page.getByTestId('subscription-status')).toContainText('Subscribed');
  await expect(page.getByTestId('subscription-error')).toHaveCount(0);

  // Deregister: DELETING, then gone.
  await detail.tab('Enhanced fan-out');
  await detail.clockSpeed(0.1);
  await detail.deregister('viewer-app');
  // DELETING lasts 5 s in slow motion.
  await expect(page.getByTestId('consumers-empty')).toBeVisible({ timeout: 30_000 });
  expect(await detail.seenTexts('consumer-status')).toContain('DELETING');
});

test('in AWS mode the Data viewer explains that reading through a consumer needs HTTP/2, and keeps GetRecords', async ({ page }) => {
  // An AWS-compatible endpoint that has consumers: the console's own emulator server.
  const server = await startEmulatorServer(4194);
  try {
    const list = new StreamsListPage(page);
    const conn = new ConnectionPanel(page);
    const detail = new ConsumersPage(page);
    await list.goto();
    await conn.openSettings();
    await conn.fillAws({ accessKeyId: 'AKIAE2EEXAMPLE', secretAccessKey: 'e2e-secret-not-real', region: 'us-east-1', endpoint: server.endpoint });
    await conn.save();
    await expect(conn.indicator).toHaveText(/^Endpoint/);

    await list.startCreate();
    await list.fillCreate('fan-out-aws', 1);
    await list.submitCreate();
    await detail.waitActive();
    await detail.tab('Enhanced fan-out');
    await detail.startRegister();
    await detail.fillName('remote-app');
    await detail.submitRegister();
    await expect(detail.row('remote-app').getByTestId('consumer-status')).toHaveText('ACTIVE');

    await detail.tab('Data viewer');
    await expect(page.getByTestId('consumer-read-unavailable')).toContainText('HTTP/2');
    await page.getByTestId('read-through-select').getByRole('button').first().click();
    await expect(page.getByRole('option', { name: /Enhanced fan-out consumer: remote-app/ })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('get-records-button')).toBeVisible();
    await detail.screenshot('consumers-04-aws-mode');
  } finally {
    server.stop();
  }
});
