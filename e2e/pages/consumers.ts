import { expect, type Locator } from '@playwright/test';
import { StreamDetailPage } from './streamDetail';

/** A stream's Enhanced fan-out tab, and the Data viewer reading through a consumer. */
export class ConsumersPage extends StreamDetailPage {
  get table(): Locator {
    return this.page.getByTestId('consumers-table');
  }

  row(name: string): Locator {
    return this.table.locator('tr').filter({ has: this.page.getByTestId('consumer-name').getByText(name, { exact: true }) });
  }

  get registerDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Register consumer' });
  }

  async startRegister() {
    await this.page.getByTestId('register-consumer-button').click();
    await expect(this.registerDialog).toBeVisible();
  }

  async fillName(name: string) {
    await this.field('consumer-name-input').fill(name);
  }

  async submitRegister() {
    await this.page.getByTestId('register-consumer-confirm').click();
  }

  get nameError(): Locator {
    return this.page.getByTestId('consumer-name-error');
  }

  async deregister(name: string) {
    await this.row(name).getByRole('radio').check();
    await this.page.getByTestId('deregister-consumer-button').click();
    const modal = this.page.getByRole('dialog', { name: `Deregister ${name}?` });
    await expect(modal).toBeVisible();
    await this.page.getByTestId('deregister-consumer-confirm').click();
    await expect(modal).toBeHidden();
  }

  /** Subscribes through the consumer chosen in the Data viewer, from the given starting position. */
  async subscribe(shardId: string, position = 'TRIM_HORIZON') {
    await this.choose('shard-select', shardId);
    await this.choose('iterator-type-select', new RegExp(`^${position}`));
    await this.page.getByTestId('subscribe-button').click();
  }

  get records(): Locator {
    return this.page.getByTestId('consumer-records-table');
  }
}
