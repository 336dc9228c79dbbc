import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { everyPage, settle, visit, type Visit } from './pages/everyPage';
import { S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

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

test('every page passes axe (WCAG 2 A and AA) in the light and the dark theme', async ({ page }) => {
  test.setTimeout(600_000);
  await page.addInitScript(() => {
    // Both themes are chosen from the top bar; start from the light one whatever the system says.
    if (!localStorage.getItem('kwc.theme')) localStorage.setItem('kwc.theme', 'light');
  });
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
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await visit(page, visits[0]);
      await new StreamsListPage(page).useTheme('dark');
    }
    for (const v of visits) await test.step(`${theme} ${v.hash}`, () => checkPage(page, v, theme, found));
  }

  // The top bar's link says the console's name once (its logo is decoration).
  await visit(page, visits[1]);
  await expect(page.getByRole('link', { name: 'Kinesis Workshop Console', exact: true })).toBeVisible();

  expect(found, `${found.length} accessibility problems:\n${found.join('\n')}`).toEqual([]);
});
