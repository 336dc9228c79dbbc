import { expect, test } from '@playwright/test';
import { ConsumerAppsPage } from './pages/consumerApps';
import { StreamsListPage } from './pages/streams';

const STREAM = 'kcl-stream';
const APP = 'kcl-app';
const PARENT = 'shardId-000000000000';
const OTHER = 'shardId-000000000001';
const CHILDREN = ['shardId-000000000002', 'shardId-000000000003'];

test('a consumer application processes every shard, and after a split reads the children only once the parent is finished', async ({ page }) => {
  test.setTimeout(180_000);
  const list = new StreamsListPage(page);
  const detail = new ConsumerAppsPage(page);

  await list.goto();
  await list.startCreate();
  await list.fillCreate(STREAM, 2);
  await list.submitCreate();
  await detail.waitActive();

  await detail.tab('Put record');
  for (const n of [1, 2, 3, 4, 5, 6]) {
    await detail.putRecord(`key-${n}`, JSON.stringify({ reading: n }));
    await expect(detail.putResult).toContainText(`key-${n}`);
  }

  // The empty tab says what an application is and states the parent-first rule.
  await detail.tab('Consumer applications');
  await expect(detail.empty).toContainText('lease table');
  await expect(detail.empty).toContainText('every parent has been read to its end');
  await detail.screenshot('consumer-apps-01-empty');

  await detail.create(APP, 2);
  for (const shard of [PARENT, OTHER]) {
    const row = detail.lease(APP, shard);
    await expect(row.getByTestId('lease-state')).toHaveText('Processing');
    await expect(row.getByTestId('lease-lag')).toHaveText('0 ms');
    await expect(row.getByTestId('lease-checkpoint')).toHaveText(/^…\d{8}$/);
  }
  await expect(detail.app(APP)).toContainText('6 records processed');
  // Two workers, two shards: one lease each.
  await expect(detail.app(APP).getByTestId('worker-status')).toHaveText([/worker-1: running, 1 lease$/, /worker-2: running, 1 lease$/]);
  await detail.screenshot('consumer-apps-02-processing', detail.app(APP));

  // With the workers stopped, split the first shard: its children join the table and wait for it.
  await detail.setWorker(APP, 'worker-1', false);
  await detail.setWorker(APP, 'worker-2', false);
  await detail.tab('Configuration');
  await detail.choose('split-shard-select', PARENT);
  await page.getByTestId('split-shard-submit').click();
  await detail.waitActive();
  await detail.tab('Put record');
  await detail.putRecord('after-split', JSON.stringify({ reading: 7 }));
  await expect(detail.putResult).toContainText('after-split');

  await detail.tab('Consumer applications');
  for (const child of CHILDREN) await expect(detail.lease(APP, child).getByTestId('lease-state')).toHaveText(`Waiting for parent ${PARENT}`);
  await expect(detail.lease(APP, PARENT).getByTestId('lease-state')).toHaveText(/^(Held by stopped worker-\d until its lease expires|Unassigned)$/);
  await detail.screenshot('consumer-apps-03-waiting', detail.app(APP));

  // Started again, the workers finish the parent (SHARD_END), then process the children.
  await detail.setWorker(APP, 'worker-1', true);
  await detail.setWorker(APP, 'worker-2', true);
  await expect(detail.lease(APP, PARENT).getByTestId('lease-state')).toHaveText('Shard end (finished)');
  await expect(detail.lease(APP, PARENT).getByTestId('lease-checkpoint')).toHaveText('SHARD_END');
  for (const child of CHILDREN) {
    await expect(detail.lease(APP, child).getByTestId('lease-state')).toHaveText('Processing');
    await expect(detail.lease(APP, child).getByTestId('lease-lag')).toHaveText('0 ms');
  }
  await expect(detail.app(APP)).toContainText('7 records processed');
  await detail.screenshot('consumer-apps-04-children', detail.app(APP));

  // Deleting the application leaves the stream as it is.
  await detail.app(APP).getByTestId('delete-consumer-app-button').click();
  await page.getByTestId('delete-consumer-app-confirm').click();
  await expect(detail.empty).toBeVisible();
});
