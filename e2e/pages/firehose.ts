import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** Amazon Data Firehose: the delivery streams list, the create form and a delivery stream's page. */
export class FirehosePage extends ConsolePage {
  async gotoList() {
    await this.open('#/firehose');
    await expect(this.table).toBeVisible(PAGE_LOAD);
  }

  get table(): Locator {
    return this.page.getByTestId('delivery-streams-table');
  }

  status(name: string): Locator {
    return this.page.getByTestId(`delivery-status-${name}`);
  }

  async startCreate() {
    await this.page.getByTestId('create-delivery-button').first().click();
    await expect(this.page.getByRole('heading', { name: 'Create delivery stream', level: 1 })).toBeVisible();
  }

  async gotoCreate() {
    await this.open('#/create-delivery-stream');
    await expect(this.nameInput()).toBeVisible(PAGE_LOAD);
  }

  nameInput(): Locator {
    return this.field('delivery-name-input');
  }

  bucketInput(): Locator {
    return this.page.getByTestId('bucket-input').locator('input').first();
  }

  /** Fills the create form's destination: bucket, buffer hints (as typed), and optional prefixes. */
  async fillCreate(o: { name: string; bucket: string; size?: string; interval?: string; prefix?: string; errorPrefix?: string }) {
    await this.nameInput().fill(o.name);
    await this.bucketInput().fill(o.bucket);
    await this.page.keyboard.press('Escape');
    if (o.prefix !== undefined) await this.field('prefix-input').fill(o.prefix);
    if (o.errorPrefix !== undefined) await this.field('error-prefix-input').fill(o.errorPrefix);
    if (o.size !== undefined) await this.field('buffer-size-input').fill(o.size);
    if (o.interval !== undefined) await this.field('buffer-interval-input').fill(o.interval);
  }

  /** Turns on "Transform source records" and writes a new function: name, timeout (as typed) and its code. */
  async writeFunction(o: { name: string; timeout?: string; source?: string }) {
    const toggle = this.page.getByTestId('transform-toggle').locator('input');
    if (!(await toggle.isChecked())) await toggle.check();
    await this.page.getByRole('radio', { name: /Write a new function/ }).check();
    await this.field('function-name-input').fill(o.name);
    if (o.timeout !== undefined) await this.field('function-timeout-input').fill(o.timeout);
    await expect(this.page.getByTestId('function-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    if (o.source !== undefined) await this.pasteInto('function-editor', o.source);
  }

  /** The lines the create form's code editor shows. */
  get functionEditorLines(): Locator {
    return this.page.getByTestId('function-editor').locator('.view-lines');
  }

  /** The detail page's transformation: status, ARN, function name, timeout, code. */
  transform(what: 'status' | 'arn' | 'function' | 'timeout' | 'source'): Locator {
    return this.page.getByTestId(`transform-${what}`);
  }

  async submitCreate() {
    await this.page.getByTestId('create-delivery-submit').click();
  }

  /** The error under a form field: buffer-size, buffer-interval, delivery-name, bucket, prefix, error-prefix. */
  fieldError(field: string): Locator {
    return this.page.getByTestId(`${field}-error`);
  }

  async waitActive(name: string) {
    await expect(this.page.getByTestId('delivery-title')).toHaveText(name);
    await expect(this.page.getByTestId('delivery-detail-status')).toHaveText('ACTIVE', { timeout: 20_000 });
  }

  detail(what: 'buffer-size' | 'buffer-interval' | 'compression' | 'logging' | 'prefix' | 'error-prefix' | 'bucket'): Locator {
    return this.page.getByTestId(`destination-${what}`);
  }

  get version(): Locator {
    return this.page.getByTestId('delivery-version');
  }

  get editModal(): Locator {
    return this.page.getByTestId('edit-destination-modal');
  }

  async openEdit() {
    await this.page.getByTestId('edit-destination').click();
    await expect(this.editModal).toBeVisible();
  }

  /** In the open Edit dialog: sets buffer hints and saves. */
  async saveDestination(o: { size?: string; interval?: string }) {
    const modal = this.editModal;
    if (o.size !== undefined) await modal.getByTestId('buffer-size-input').locator('input').fill(o.size);
    if (o.interval !== undefined) await modal.getByTestId('buffer-interval-input').locator('input').fill(o.interval);
    await modal.getByTestId('save-destination').click();
  }

  async sentDemoRecords(): Promise<number> {
    return Number((await this.page.getByTestId('demo-sent').textContent()) ?? '0');
  }

  async openTab(name: 'Configuration' | 'Monitoring') {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** Deletes from the list: select the row, Delete, type the name, confirm. */
  async deleteFromList(name: string) {
    await this.table.getByRole('row', { name: new RegExp(name) }).getByRole('radio').check();
    await this.page.getByTestId('delete-delivery-button').click();
    const modal = this.page.getByTestId('delete-delivery-modal');
    await expect(modal.getByTestId('delete-delivery-confirm')).toBeDisabled();
    await this.field('delete-delivery-confirm-input').fill(name);
    await modal.getByTestId('delete-delivery-confirm').click();
  }
}
