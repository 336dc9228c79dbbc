import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PAGE_LOAD } from './pages/console';
import { s3Hash } from './pages/s3';
import { WalkthroughPage } from './pages/walkthrough';

// Every page of the console, in the light and the dark theme, checked by axe-core against WCAG 2
// A and AA: no serious or critical violation. The workshop's catch-up makes what the pages show
// (a stream with data, an application, a delivery stream, a bucket with an object).
const STREAM = 'iot-sensor-stream';
const APP = 'iot-sensor-analytics';
const DELIVERY = 'iot-filtered-delivery';
const BUCKET = 'filtered-iot-data';

interface Visit {
  hash: string;
  /** What shows once the page has its main content. */
  ready: (page: Page) => Locator;
  /** Check each tab of the page's first tab list as well. */
  tabs?: boolean;
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { name, level: 1 });
const testId = (id: string) => (page: Page) => page.getByTestId(id);
const row = (table: string, text: string) => (page: Page) => page.getByTestId(table).getByText(text, { exact: true }).first();

const visits = (objectHash: string): Visit[] => [
  { hash: '#/workshop', ready: testId('workshop-step-1-A') },
  { hash: '#/streams', ready: row('streams-table', STREAM) },
  { hash: '#/create-stream', ready: heading('Create data stream') },
  { hash: `#/streams/${STREAM}`, ready: testId('stream-title'), tabs: true },
  { hash: '#/generator', ready: (page) => page.getByTestId('template-input').locator('.monaco-editor') },
  { hash: `#/monitoring?stream=${STREAM}`, ready: testId('chart-incoming-records') },
  { hash: '#/analytics', ready: row('applications-table', APP) },
  { hash: '#/create-application', ready: heading('Create application') },
  { hash: `#/analytics/${APP}`, ready: testId('application-title'), tabs: true },
  { hash: '#/firehose', ready: row('delivery-streams-table', DELIVERY) },
  { hash: '#/create-delivery-stream', ready: heading('Create delivery stream') },
  { hash: `#/firehose/${DELIVERY}`, ready: testId('delivery-title'), tabs: true },
  { hash: '#/s3', ready: row('buckets-table', BUCKET) },
  { hash: '#/create-bucket', ready: heading('Create bucket') },
  { hash: s3Hash(BUCKET), ready: testId('objects-table') },
  { hash: objectHash, ready: testId('object-overview') },
  { hash: '#/cleanup', ready: testId('cleanup-table') },
  { hash: '#/present', ready: testId('presenter-chart') },
];

/** Opens a page without reloading the app (the data generator keeps running), and waits for its content. */
async function visit(page: Page, v: Visit) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, v.hash);
  await expect(v.ready(page)).toBeVisible(PAGE_LOAD);
  await settle(page);
}

/** Waits until nothing on the page says it is still loading. */
async function settle(page: Page) {
  await expect(page.getByText(/^Loading\b/).filter({ visible: true })).toHaveCount(0, { timeout: 20_000 });
}

/** Accessible names that say the same words twice in a row ("Stream Stream iot-sensor-stream"). */
async function doubledNames(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const names = [...snapshot.matchAll(/^\s*- [\w-]+ "((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1]);
  return names.filter((n) => /^(\S.{2,}?) \1(?: |$)/.test(n));
}

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${n.target.join(' ')}`));
}

async function checkPage(page: Page, v: Visit, theme: string, found: string[]) {
  await visit(page, v);
  const where = `${theme} ${v.hash}`;
  found.push(...(await violations(page, where)));
  found.push(...(await doubledNames(page)).map((n) => `${where}: doubled accessible name "${n}"`));
  if (!v.tabs) return;
  const tabs = page.getByRole('tablist').first().getByRole('tab');
  const count = await tabs.count();
  for (let i = 1; i < count; i++) {
    const tab = tabs.nth(i);
    const label = (await tab.textContent())?.trim() ?? String(i);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await settle(page);
    found.push(...(await violations(page, `${where} [${label}]`)));
  }
}

test('every page passes axe (WCAG 2 A and AA) in the light and the dark theme', async ({ page }) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => {
    // Both themes are chosen from the top bar; start from the light one whatever the system says.
    if (!localStorage.getItem('kwc.theme')) localStorage.setItem('kwc.theme', 'light');
  });
  const walk = new WalkthroughPage(page);
  await walk.goto();
  await walk.catchUpTo('3-C');
  await expect(page.getByTestId('catch-up-summary')).toHaveText('Caught up to 3-C.', { timeout: 120_000 });
  // 3-C skips the clock past Firehose's buffer interval: the bucket gets its first object.
  await walk.doIt('3-C').click();
  await walk.expectDone('3-C', 30_000);

  // The first object Firehose wrote, through the bucket's folders.
  await visit(page, { hash: s3Hash(BUCKET), ready: testId('objects-table') });
  while (!(await page.getByTestId('object-overview').isVisible())) {
    const link = page.locator('[data-testid^="folder-link-"], [data-testid^="object-link-"]').first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.getByTestId('objects-table').or(page.getByTestId('object-overview'))).toBeVisible();
    await settle(page);
  }
  const objectHash = new URL(page.url()).hash;

  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await visit(page, visits(objectHash)[0]);
      await page.getByRole('button', { name: 'Switch to dark mode' }).click();
      await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();
    }
    for (const v of visits(objectHash)) await test.step(`${theme} ${v.hash}`, () => checkPage(page, v, theme, found));
  }

  // The top bar's link says the console's name once (its logo is decoration).
  await visit(page, visits(objectHash)[1]);
  await expect(page.getByRole('link', { name: 'Kinesis Workshop Console', exact: true })).toBeVisible();

  expect(found, `${found.length} accessibility problems:\n${found.join('\n')}`).toEqual([]);
});
