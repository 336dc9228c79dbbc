import { expect, type Locator, type Page } from '@playwright/test';
import { PAGE_LOAD } from './console';
import { s3Hash } from './s3';

/** One page of the console to visit. */
export interface Visit {
  hash: string;
  /** What shows once the page has its main content. */
  ready: (page: Page) => Locator;
  /** Check each tab of the page's first tab list as well. */
  tabs?: boolean;
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { name, level: 1 });
const testId = (id: string) => (page: Page) => page.getByTestId(id);
const row = (table: string, text: string) => (page: Page) => page.getByTestId(table).getByText(text, { exact: true }).first();

/** Every page of the console, given a stream and a bucket that exist (their detail pages are among them). */
export const everyPage = (stream: string, bucket: string): Visit[] => [
  { hash: '#/workshop', ready: testId('workshop-step-1-A') },
  { hash: '#/streams', ready: row('streams-table', stream) },
  { hash: '#/create-stream', ready: heading('Create data stream') },
  { hash: `#/streams/${stream}`, ready: testId('stream-title'), tabs: true },
  { hash: '#/generator', ready: (page) => page.getByTestId('template-input').locator('.monaco-editor') },
  { hash: `#/monitoring?stream=${stream}`, ready: heading('Monitoring') },
  { hash: '#/analytics', ready: testId('applications-table') },
  { hash: '#/create-application', ready: heading('Create application') },
  { hash: '#/firehose', ready: testId('delivery-streams-table') },
  { hash: '#/create-delivery-stream', ready: heading('Create delivery stream') },
  { hash: '#/s3', ready: row('buckets-table', bucket) },
  { hash: '#/create-bucket', ready: heading('Create bucket') },
  { hash: s3Hash(bucket), ready: testId('objects-table') },
  { hash: '#/cleanup', ready: testId('cleanup-table') },
  { hash: '#/present', ready: testId('presenter-chart') },
];

/** Waits until nothing on the page says it is still loading. */
export async function settle(page: Page) {
  await expect(page.getByText(/^Loading\b/).filter({ visible: true })).toHaveCount(0, { timeout: 20_000 });
}

/** Opens a page without reloading the app (the data generator keeps running), and waits for its content. */
export async function visit(page: Page, v: Visit) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, v.hash);
  await expect(v.ready(page)).toBeVisible(PAGE_LOAD);
  await settle(page);
}
