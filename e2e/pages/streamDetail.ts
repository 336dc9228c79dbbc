import { expect, type Locator } from '@playwright/test';
import { ConsolePage } from './console';

/** One stream: summary and the Shards, Put record, Data viewer, Enhanced fan-out and Configuration tabs. */
export class StreamDetailPage extends ConsolePage {
  get status(): Locator {
    return this.page.getByTestId('detail-status');
  }

  get openShards(): Locator {
    return this.page.getByTestId('detail-open-shards');
  }

  async waitActive(timeout = 15_000) {
    await expect(this.status).toHaveText('ACTIVE', { timeout });
  }

  async tab(name: 'Shards' | 'Put record' | 'Data viewer' | 'Enhanced fan-out' | 'Consumer applications' | 'Configuration') {
    await this.page.getByRole('tab', { name }).click();
  }

  shardRow(shardId: string): Locator {
    return this.page.getByTestId('shards-table').locator('tr').filter({ has: this.page.getByTestId(`shard-row-${shardId}`) });
  }

  async putRecord(partitionKey: string, data: string) {
    await this.field('partition-key-input').fill(partitionKey);
    await this.field('record-data-input').fill(data);
    await this.page.getByTestId('put-record-submit').click();
  }

  get putResult(): Locator {
    return this.page.getByTestId('put-record-result');
  }

  async readShard(shardId: string, iteratorType = 'TRIM_HORIZON') {
    await this.choose('shard-select', shardId);
    await this.choose('iterator-type-select', new RegExp(`^${iteratorType}`));
    await this.page.getByTestId('get-records-button').click();
    await expect(this.page.getByTestId('records-table')).toBeVisible();
  }

  /** Moves the emulator clock ahead from the top bar's Clock menu, one minute per click. */
  async skipClockMinutes(minutes: number) {
    for (let i = 0; i < minutes; i++) {
      await this.page.getByRole('button', { name: /^Emulator clock/ }).click();
      await this.page.getByRole('menuitem', { name: 'Skip ahead 1 minute' }).click();
      await expect(this.notifications).toContainText('The emulator clock moved 1 minute ahead.');
    }
  }

  /** The Data viewer's "Read with a shard iterator" section, opened. */
  async openPasteIterator() {
    const section = this.page.getByTestId('paste-iterator-section');
    if (!(await this.page.getByTestId('paste-iterator-input').isVisible())) await section.getByText('Read with a shard iterator').first().click();
    await expect(this.page.getByTestId('paste-iterator-input')).toBeVisible();
  }

  /** Reads with a pasted shard iterator. */
  async readWithIterator(iterator: string) {
    await this.openPasteIterator();
    await this.field('paste-iterator-input').fill(iterator);
    await this.page.getByTestId('paste-get-records-button').click();
  }

  section(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async deleteStream(name: string) {
    await this.page.getByTestId('delete-stream-button').click();
    const modal = this.page.getByRole('dialog');
    await expect(modal).toBeVisible();
    await expect(this.page.getByTestId('delete-stream-confirm')).toBeDisabled();
    await this.field('delete-confirm-input').fill(name);
    await this.page.getByTestId('delete-stream-confirm').click();
    // The console goes back to the list once DeleteStream has answered: wait for that, so a
    // next step's navigation cannot be overtaken by it.
    await expect(modal).toBeHidden();
    await expect(this.page).toHaveURL(/#\/streams$/);
  }
}
