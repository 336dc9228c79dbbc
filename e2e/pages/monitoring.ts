import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** The Monitoring page: stream and range pickers, CloudWatch charts, per-shard view. */
export class MonitoringPage extends ConsolePage {
  async goto(stream?: string) {
    await this.open(`#/monitoring${stream ? `?stream=${encodeURIComponent(stream)}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Monitoring', level: 1 })).toBeVisible(PAGE_LOAD);
  }

  async enableShardMetrics() {
    await this.page.getByTestId('enable-shard-metrics').click();
    await expect(this.page.getByTestId('shard-section')).toBeVisible();
  }

  async refresh() {
    await this.page.getByTestId('refresh-metrics').click();
  }

  /** The IncomingRecords Sum over the range, as the page computed it. */
  async incomingRecordsSum(): Promise<number> {
    return Number((await this.page.getByTestId('sum-incoming-records').textContent()) || '0');
  }

  get incomingRecordsChart(): Locator {
    return this.page.getByTestId('chart-incoming-records');
  }

  async shardTotal(shardId: string): Promise<number> {
    return Number(((await this.page.getByTestId(`shard-total-${shardId}`).textContent()) ?? '').replace(/[^\d]/g, ''));
  }
}
