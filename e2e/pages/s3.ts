import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** The console path of a bucket or a key in it, each segment encoded as the console links it. */
export const s3Hash = (bucket: string, path = '') =>
  `#/s3/${encodeURIComponent(bucket)}${path ? `/${path.split('/').map(encodeURIComponent).join('/')}` : ''}`;

/** Amazon S3: the bucket list, the create form, a bucket's objects and an object's view. */
export class S3Page extends ConsolePage {
  async goto() {
    await this.open('#/s3');
    await expect(this.bucketsTable).toBeVisible(PAGE_LOAD);
  }

  get bucketsTable(): Locator {
    return this.page.getByTestId('buckets-table');
  }

  bucketLink(name: string): Locator {
    return this.page.getByTestId(`bucket-link-${name}`);
  }

  async startCreate() {
    await this.page.getByTestId('create-bucket-button').first().click();
    await expect(this.page.getByRole('heading', { name: 'Create bucket', level: 1 })).toBeVisible();
  }

  nameInput(): Locator {
    return this.field('bucket-name-input');
  }

  get nameError(): Locator {
    return this.page.getByTestId('bucket-name-error');
  }

  async submitCreate() {
    await this.page.getByTestId('create-bucket-submit').click();
  }

  /** Creates a bucket from the form and lands in it. */
  async createBucket(name: string) {
    await this.open('#/create-bucket');
    await expect(this.nameInput()).toBeVisible(PAGE_LOAD);
    await this.nameInput().fill(name);
    await this.submitCreate();
    await expect(this.page.getByTestId('objects-title')).toHaveText(name);
  }

  /** Opens a bucket, or a folder or an object in it, by its console address. */
  async openPath(bucket: string, path = '') {
    await this.open(s3Hash(bucket, path));
  }

  /**
   * From a bucket's page, down Firehose's dated folders (YYYY/MM/dd/HH/) to the first object in the
   * last one: returns its link (not clicked) and its key.
   */
  async firstDatedObject(timeout = 30_000): Promise<{ link: Locator; key: string }> {
    for (let depth = 0; depth < 4; depth++) {
      const folder = this.page.locator('[data-testid^="folder-link-"]').first();
      await expect(folder).toBeVisible({ timeout });
      await folder.click();
    }
    const link = this.page.locator('[data-testid^="object-link-"]').first();
    await expect(link).toBeVisible({ timeout });
    return { link, key: ((await link.getAttribute('data-testid')) ?? '').replace('object-link-', '') };
  }

  get objectsTable(): Locator {
    return this.page.getByTestId('objects-table');
  }

  get objectsEmpty(): Locator {
    return this.page.getByTestId('objects-empty');
  }

  /** Selects a bucket in the list and asks to delete it; the confirmation dialog opens. */
  async startDelete(name: string) {
    await this.bucketsTable.getByRole('radio', { name: `Select bucket ${name}` }).check();
    await this.page.getByTestId('delete-bucket-button').click();
    await expect(this.deleteModal).toBeVisible();
  }

  get deleteModal(): Locator {
    return this.page.getByTestId('delete-bucket-modal');
  }

  async confirmDelete(name: string) {
    await this.field('delete-bucket-confirm-input').fill(name);
    await this.page.getByTestId('delete-bucket-confirm').click();
  }
}

/** Clean up workshop resources (Activity 3-D). */
export class CleanupPage extends ConsolePage {
  async goto() {
    await this.open('#/cleanup');
    await expect(this.table).toBeVisible(PAGE_LOAD);
  }

  get table(): Locator {
    return this.page.getByTestId('cleanup-table');
  }

  /** A resource row by id: `stream:<name>`, `bucket:<name>`, `delivery-stream:<name>`, `application:<name>`, `generator:<stream>`. */
  item(id: string): Locator {
    return this.page.getByTestId(`cleanup-item-${id}`);
  }

  state(id: string): Locator {
    return this.page.getByTestId(`cleanup-state-${id}`);
  }

  async deleteSelected() {
    await this.page.getByTestId('cleanup-start').click();
    await expect(this.page.getByTestId('cleanup-confirm-modal')).toBeVisible();
    await this.page.getByTestId('cleanup-confirm').click();
  }

  get result(): Locator {
    return this.page.getByTestId('cleanup-result');
  }
}
