import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** Analytics applications: the list, the create form and an application's Source, SQL and Destination tabs. */
export class AnalyticsPage extends ConsolePage {
  async create(name: string) {
    await this.open('#/create-application');
    await expect(this.page.getByRole('heading', { name: 'Create application', level: 1 })).toBeVisible(PAGE_LOAD);
    await this.field('application-name-input').fill(name);
    await this.page.getByTestId('create-application-submit').click();
    await expect(this.page.getByTestId('application-title')).toHaveText(name);
  }

  status(): Locator {
    return this.page.getByTestId('application-detail-status');
  }

  async discover(stream: string) {
    await this.choose('source-stream-select', new RegExp(`^${stream}`));
    await this.page.getByTestId('discover-schema').click();
    await expect(this.page.getByTestId('schema-table')).toBeVisible();
  }

  schemaRows(): Locator {
    return this.page.getByTestId('schema-table').locator('tbody tr');
  }

  async saveSource() {
    await this.page.getByTestId('save-source').click();
    await expect(this.page.getByTestId('sql-editor')).toBeVisible(PAGE_LOAD);
  }

  /** Replaces the editor's text as a person pasting would (select all, paste). */
  async pasteSql(sql: string) {
    await this.pasteInto('sql-editor', sql);
  }

  get saveAndRun(): Locator {
    return this.page.getByTestId('save-and-run');
  }

  rows(stream: string): Locator {
    return this.page.getByTestId(`rows-${stream}`).locator('tbody tr');
  }

  async openStreamTab(stream: string) {
    // The tabs come with the application's first rows, which can take a while on a busy machine.
    await this.page.getByRole('tab', { name: stream === 'SOURCE_SQL_STREAM_001' ? 'Source data' : stream, exact: true }).click(PAGE_LOAD);
  }

  /** The editor's error markers (squiggles) as Monaco draws them. */
  markers(): Locator {
    return this.page.getByTestId('sql-editor').locator('.squiggly-error');
  }
}
