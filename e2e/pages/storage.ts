import { expect, type Locator } from '@playwright/test';
import { ConsolePage } from './console';

/** The Emulator storage dialog, opened from the top bar's clock menu. */
export class StoragePage extends ConsolePage {
  get modal(): Locator {
    return this.page.getByTestId('storage-modal');
  }

  async openStorage(item: RegExp = /^Emulator storage/) {
    await this.page.getByRole('button', { name: /^Emulator clock/ }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
    await expect(this.page.getByRole('dialog')).toBeVisible();
  }

  value(key: 'persistence' | 'last-save' | 'restored' | 'streams' | 'records' | 'trimmed' | 'usage'): Locator {
    return this.page.getByTestId(`storage-${key}`);
  }

  /** Waits until every change so far is saved (nothing pending, a save made). */
  async waitSaved() {
    await expect(this.value('last-save')).not.toHaveText(/Saving|Nothing/, { timeout: 15_000 });
  }

  async close() {
    await this.page.getByTestId('storage-close').click();
    await expect(this.page.getByRole('dialog')).toBeHidden();
  }

  /** Resets from the dialog; opened from the menu's Reset item, it already asks for confirmation. */
  async reset() {
    const box = this.page.getByTestId('storage-reset-confirm-box');
    if (!(await box.isVisible())) await this.page.getByTestId('storage-reset').click();
    await expect(box).toContainText('This cannot be undone');
    await this.page.getByTestId('storage-reset-confirm').click();
  }
}
