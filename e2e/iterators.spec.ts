import { expect, test } from '@playwright/test';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

// Shard iterators by hand: copy one, paste it back, and see what AWS says about garbage and old ones.
const STREAM = 'iterator-stream';
const SHARD = 'shardId-000000000000';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('read with a pasted shard iterator; garbage and expired iterators get AWS errors', async ({ page }) => {
  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);
  await list.open('#/streams');
  await list.startCreate();
  await list.fillCreate(STREAM, 1);
  await list.submitCreate();
  await expect(page).toHaveURL(new RegExp(`#/streams/${STREAM}$`));
  await detail.waitActive();

  const data = '{"click":"buy"}';
  await detail.tab('Put record');
  await detail.putRecord('user-7', data);
  await expect(detail.putResult).toContainText(SHARD);

  // TRIM_HORIZON finds the record; the page shows the iterator it was read with.
  await detail.tab('Data viewer');
  await detail.readShard(SHARD);
  const records = page.getByTestId('records-table');
  await expect(records.getByTestId('record-data-decoded')).toHaveText([JSON.stringify(JSON.parse(data), null, 2)]);
  const sequenceNumber = (await records.locator('tbody tr td').first().textContent())!.trim();
  const iterator = (await page.getByTestId('current-iterator').textContent())!.trim();
  expect(iterator.length).toBeGreaterThan(20);
  await expect(page.getByTestId('current-iterator-cli')).toHaveText(`aws kinesis get-records --shard-iterator ${iterator} --limit 25`);

  // Copy it with the copy button and paste it: the same record again.
  await page.getByRole('button', { name: 'Copy shard iterator' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(iterator);
  await detail.openPasteIterator();
  await expect(page.getByTestId('paste-iterator-source-cli')).toContainText(
    `aws kinesis get-shard-iterator --stream-name ${STREAM} --shard-id ${SHARD} --shard-iterator-type TRIM_HORIZON`,
  );
  await detail.readWithIterator(copied);
  await expect(page.getByTestId('records-meta')).toContainText('Page 1 of 1');
  await expect(records.getByTestId('record-data-decoded')).toHaveText([JSON.stringify(JSON.parse(data), null, 2)]);
  await expect(records).toContainText(sequenceNumber);
  await expect(page.getByTestId('paste-get-records-cli')).toHaveText(`aws kinesis get-records --shard-iterator ${iterator} --limit 25`);

  // Garbage: AWS's InvalidArgumentException next to the field; the text stays.
  await detail.readWithIterator('not-an-iterator');
  await expect(page.getByTestId('pasted-iterator-error')).toHaveText('InvalidArgumentException: Invalid ShardIterator.');
  await expect(detail.field('paste-iterator-input')).toHaveValue('not-an-iterator');
  // The records already on screen stay.
  await expect(records).toContainText(sequenceNumber);

  // Read a page, let the emulator clock run past 5 minutes, then Next page: the iterator expired.
  await detail.readShard(SHARD);
  await expect(page.getByTestId('pasted-iterator-error')).toHaveCount(0);
  await detail.skipClockMinutes(6);
  await page.getByTestId('next-page-button').click();
  const problem = page.getByTestId('iterator-problem');
  await expect(problem).toContainText('ExpiredIteratorException');
  await expect(page.getByTestId('iterator-problem-message')).toHaveText(
    /^Iterator expired\. The iterator was created at time \w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4} while right now it is \w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4} which is further in the future than the tolerated delay of 300000 milliseconds\.$/,
  );
  await expect(problem).toContainText('works for 5 minutes');
  await expect(problem).toContainText(`TRIM_HORIZON on ${SHARD}`);
  // Nothing typed is lost: the pasted text and the page read before are still there.
  await expect(detail.field('paste-iterator-input')).toHaveValue('not-an-iterator');
  await expect(records).toContainText(sequenceNumber);
  await detail.screenshot('iterators-expired', page.getByTestId('paste-iterator-section'));

  // The old iterator pasted back is just as expired.
  await detail.readWithIterator(iterator);
  await expect(page.getByTestId('pasted-iterator-error')).toContainText('ExpiredIteratorException: Iterator expired.');

  // Starting over gets a fresh TRIM_HORIZON iterator and reads the record again.
  await page.getByTestId('fresh-iterator-button').click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByTestId('pasted-iterator-error')).toHaveCount(0);
  await expect(records).toContainText(sequenceNumber);
  await expect(page.getByTestId('current-iterator')).not.toHaveText(iterator);
  await page.getByTestId('next-page-button').click();
  await expect(page.getByTestId('records-meta')).toContainText('Page 2 of 2');

  // A sequence number Kinesis never handed out: plain words under the field, AWS's text beneath, the number kept.
  await detail.choose('iterator-type-select', /^AT_SEQUENCE_NUMBER/);
  await detail.field('sequence-number-input').fill('123');
  await page.getByTestId('get-records-button').click();
  const seqError = page.getByTestId('sequence-number-error');
  await expect(seqError).toContainText('This is not a sequence number Kinesis handed out.');
  await expect(page.getByTestId('sequence-number-error-detail')).toHaveText(
    new RegExp(`^InvalidArgumentException: StartingSequenceNumber 123 used in GetShardIterator on shard ${SHARD} in stream ${STREAM} under account \\d{12} is invalid\\.$`),
  );
  await expect(detail.field('sequence-number-input')).toHaveValue('123');
  await detail.screenshot('iterators-bad-sequence-number', seqError);
});
