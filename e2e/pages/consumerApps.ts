import { expect, type Locator } from '@playwright/test';
import { StreamDetailPage } from './streamDetail';

/** A stream's Consumer applications tab: lease tables of KCL-style applications run by the emulator. */
export class ConsumerAppsPage extends StreamDetailPage {
  get empty(): Locator {
    return this.page.getByTestId('consumer-apps-empty');
  }

  app(name: string): Locator {
    return this.page.getByTestId('consumer-app').filter({ has: this.page.getByTestId('consumer-app-name').getByText(name, { exact: true }) });
  }

  /** The lease row of one shard in an application's table. */
  lease(app: string, shardId: string): Locator {
    return this.app(app).getByTestId('lease-table').locator('tr').filter({ has: this.page.getByTestId('lease-shard').getByText(shardId, { exact: true }) });
  }

  async create(name: string, workers: number, position = 'TRIM_HORIZON') {
    await this.page.getByTestId('create-consumer-app-button').click();
    const dialog = this.page.getByRole('dialog', { name: 'Create consumer application' });
    await expect(dialog).toBeVisible();
    await this.field('consumer-app-name-input').fill(name);
    await this.choose('consumer-app-position-select', new RegExp(`^${position}`));
    await this.choose('consumer-app-workers-select', new RegExp(`^${workers} workers?`));
    await this.page.getByTestId('create-consumer-app-confirm').click();
    await expect(dialog).toBeHidden();
  }

  /** Stops or starts a worker with its labelled button. */
  async setWorker(app: string, worker: string, running: boolean) {
    await this.page.getByRole('button', { name: `${running ? 'Start' : 'Stop'} ${worker} of ${app}`, exact: true }).click();
    await expect(this.page.getByRole('button', { name: `${running ? 'Stop' : 'Start'} ${worker} of ${app}`, exact: true })).toBeVisible();
  }
}
