import { expect, test } from '@playwright/test';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

test('a notice follows an operation, says the same error once, and leaves with its page', async ({ page }) => {
  const list = new StreamsListPage(page);
  const detail = new StreamDetailPage(page);
  await list.recordTexts(['notification-in-progress', 'notification-success']);
  const name = 'noticed-stream';

  // More shards than the account allows, twice: one notification, counted.
  await list.goto();
  await list.startCreate();
  await list.fillCreate(name, 600);
  await list.submitCreate();
  await list.expectErrorNotification('LimitExceededException', /shard limit/);
  await list.submitCreate();
  await expect(list.notifications.getByTestId('notification-error')).toHaveCount(1);
  await expect(list.notifications.getByTestId('notification-count')).toHaveText(' (2)');
  await expect(list.nameInput()).toHaveValue(name);
  await list.screenshot('notifications-01-error-twice');

  // Bad input on two fields at once: each field says what to do, AWS's text beneath.
  await list.fillCreate('bad name!', 0);
  await list.submitCreate();
  await expect(page.getByTestId('stream-name-error')).toContainText('Use only letters, digits, hyphens (-), underscores (_) and periods (.).');
  await expect(page.getByTestId('shard-count-error')).toContainText('Enter a whole number from 1 to 500.');
  await list.screenshot('notifications-02-field-errors', page.getByTestId('stream-name-error'));

  // A good one: "Creating ..." while CREATING, then "... is active".
  await list.fillCreate(name, 1);
  await list.submitCreate();
  await detail.waitActive();
  await expect(list.notifications.getByTestId('notification-success')).toHaveText(`Data stream ${name} is active.`);
  expect(await list.seenTexts('notification-in-progress')).toContain(`Creating data stream ${name}`);
  // Leaving the page it was about and the create page: both notices are gone.
  await expect(list.notifications.getByTestId('notification-error')).toHaveCount(0);
  await list.screenshot('notifications-03-active');
  await page.evaluate(() => (window.location.hash = '#/streams'));
  await expect(list.table).toBeVisible();
  await expect(list.notifications.getByTestId('notification-success')).toHaveCount(0);
});
