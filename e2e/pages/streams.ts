import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** The data streams list and the create form. */
export class StreamsListPage extends ConsolePage {
  async goto() {
    await this.open('#/streams');
    await expect(this.table).toBeVisible(PAGE_LOAD);
  }

  get table(): Locator {
    return this.page.getByTestId('streams-table');
  }

  status(name: string): Locator {
    return this.page.getByTestId(`stream-status-${name}`);
  }

  async startCreate() {
    await this.page.getByTestId('create-stream-button').first().click();
    await expect(this.page.getByRole('heading', { name: 'Create data stream', level: 1 })).toBeVisible();
  }

  nameInput(): Locator {
    return this.field('stream-name-input');
  }

  async fillCreate(name: string, shards: number) {
    // Often the first page of a test (opened at #/create-stream).
    await expect(this.nameInput()).toBeVisible(PAGE_LOAD);
    await this.nameInput().fill(name);
    await this.field('shard-count-input').fill(String(shards));
  }

  async submitCreate() {
    await this.page.getByTestId('create-stream-submit').click();
  }

  get createCli(): Locator {
    return this.page.getByTestId('create-stream-cli');
  }
}
