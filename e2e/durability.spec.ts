import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { StoragePage } from './pages/storage';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

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
  // What a future console might have saved: a layout this one does not know.
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
  await page.reload();
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
