import { expect, type Locator, type Page } from '@playwright/test';

/** The "Follow the record" dialog: the Kinesis record, the in-application streams, the S3 objects. */
export class FollowPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('follow-panel');
  }

  async waitLoaded() {
    await expect(this.panel.getByText('Following the record')).toHaveCount(0, { timeout: 20_000 });
    await expect(this.panel).toBeVisible();
  }

  /** Shard, sequence number and data as the dialog shows them. */
  async record(): Promise<{ shardId: string; sequenceNumber: string; data: string }> {
    await expect(this.panel.getByTestId('follow-sequence')).toBeVisible();
    return {
      shardId: (await this.panel.getByTestId('follow-shard').textContent()) ?? '',
      sequenceNumber: (await this.panel.getByTestId('follow-sequence').textContent()) ?? '',
      data: (await this.panel.getByTestId('follow-data').textContent()) ?? '',
    };
  }

  get dataViewerLink(): Locator {
    return this.panel.getByTestId('follow-data-viewer-link');
  }
}
