import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ConsolePage } from './pages/console';
import { everyPage, settle, visit, type Visit } from './pages/everyPage';
import { s3Hash, S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WalkthroughPage } from './pages/walkthrough';

// Every page of the console, in the light and the dark theme, checked by axe-core against WCAG 2
// A and AA: no serious or critical violation.
const STREAM = 'a11y-check-stream';
const BUCKET = 'a11y-check-bucket';
const visits = everyPage(STREAM, BUCKET);

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
    // Monaco draws the code's tokens in its own built-in theme's colours (vs-dark's are below 4.5:1).
    .exclude('.monaco-editor .view-lines')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${n.target.join(' ')}`));
}

async function checkPage(page: Page, v: Visit, theme: string, all: string[]) {
  // Each problem shows in the output as it is found, and all of them in the failure at the end.
  const found = { push: (...lines: string[]) => { for (const l of lines) console.log(l); return all.push(...lines); } };
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

/** Every page of `pages` in the light theme, then in the dark one (chosen from the top bar); what axe finds goes to `found`. */
async function checkBothThemes(page: Page, pages: Visit[], found: string[]) {
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await visit(page, pages[0]);
      await new ConsolePage(page).useTheme('dark');
    }
    for (const v of pages) await test.step(`${theme} ${v.hash}`, () => checkPage(page, v, theme, found));
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    // Both themes are chosen from the top bar; start from the light one whatever the system says.
    if (!localStorage.getItem('kwc.theme')) localStorage.setItem('kwc.theme', 'light');
  });
});

test('every page passes axe (WCAG 2 A and AA) in the light and the dark theme', async ({ page }) => {
  test.setTimeout(600_000);
  // What the pages show: a stream and a bucket, made through their forms.
  const streams = new StreamsListPage(page);
  await streams.open('#/create-stream');
  // The first page of a busy machine's run may take long to load its chunks.
  await expect(streams.nameInput()).toBeVisible({ timeout: 90_000 });
  await streams.fillCreate(STREAM, 2);
  await streams.submitCreate();
  await new StreamDetailPage(page).waitActive();
  await new S3Page(page).createBucket(BUCKET);

  const found: string[] = [];
  await checkBothThemes(page, visits, found);

  // The top bar's link says the console's name once (its logo is decoration).
  await visit(page, visits[1]);
  await expect(page.getByRole('link', { name: 'Kinesis Workshop Console', exact: true })).toBeVisible();

  expect(found, `${found.length} accessibility problems:\n${found.join('\n')}`).toEqual([]);
});

// The pages as they are in the middle of Activity 3, full of data: a running application with rows
// arriving, a delivery stream that has delivered, and an object it wrote to S3.
const APP = 'iot-sensor-analytics';
const DELIVERY = 'iot-filtered-delivery';
const WORKSHOP_BUCKET = 'filtered-iot-data';

test('pages with data pass axe in both themes: a running application with live rows, a delivery stream, an object Firehose wrote', async ({ page }) => {
  test.setTimeout(600_000);
  // "Catch me up to 3-C" makes everything with the pages' own requests; 3-C's "Do this step for me"
  // moves the clock past the buffer interval until Firehose has written an object.
  const walk = new WalkthroughPage(page);
  await walk.open('#/workshop');
  // The first page of a busy machine's run may take long to load its chunks.
  await expect(page.getByRole('heading', { name: /^Workshop/, level: 1 })).toBeVisible({ timeout: 120_000 });
  await walk.catchUpTo('3-C');
  await expect(page.getByTestId('catch-up-summary')).toHaveText('Caught up to 3-C.', { timeout: 180_000 });
  await walk.doIt('3-C').click();
  await walk.expectDone('3-C', 60_000);

  // Down the dated folders (YYYY/MM/dd/HH/) to the object.
  const s3 = new S3Page(page);
  await s3.openPath(WORKSHOP_BUCKET);
  const { key } = await s3.firstDatedObject();

  const rows = (p: Page) => p.locator('[data-testid^="rows-"] tbody tr').first();
  const pages: Visit[] = [
    { hash: `#/analytics/${APP}`, ready: (p) => p.getByTestId('application-detail-status').getByText('RUNNING'), tabs: true },
    { hash: `#/analytics/${APP}?tab=sql`, ready: rows },
    { hash: `#/firehose/${DELIVERY}`, ready: (p) => p.getByTestId('delivery-title'), tabs: true },
    { hash: s3Hash(WORKSHOP_BUCKET, key), ready: (p) => p.getByTestId('preview-csv') },
  ];
  const found: string[] = [];
  await checkBothThemes(page, pages, found);
  expect(found, `${found.length} accessibility problems:\n${found.join('\n')}`).toEqual([]);
});
