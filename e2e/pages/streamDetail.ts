import { expect, type Locator } from '@playwright/test';
import { ConsolePage } from './console';

/** One stream: summary and the Shards, Put record, Data viewer and Configuration tabs. */
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

  async tab(name: 'Shards' | 'Put record' | 'Data viewer' | 'Configuration') {
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
  }
}
