import { expect, test, type Locator } from '@playwright/test';
import { PAGE_LOAD } from './pages/console';
import { WalkthroughPage } from './pages/walkthrough';

// The presenter view on a projector's 1280x720: the current step, the stream's chart with data and
// the application's newest rows, all on one screen without scrolling, in both themes.
test.use({ viewport: { width: 1280, height: 720 } });

const within = async (l: Locator, viewport: { width: number; height: number }) => {
  const box = await l.boundingBox();
  expect(box, 'shown').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
};

test('presenter view: the current step, the chart with data and the newest rows, nothing below the fold', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const walk = new WalkthroughPage(page);
  await walk.goto();

  // Empty states first: nothing made yet says what to do.
  await page.getByTestId('open-presenter').click();
  await expect(page.getByTestId('presenter')).toBeVisible(PAGE_LOAD);
  await expect(page.getByTestId('presenter-step-title')).toHaveAttribute('data-step', '1-A');
  await expect(page.getByTestId('presenter-step-state')).toHaveAttribute('data-state', 'current');
  await expect(page.getByTestId('presenter-no-stream')).toContainText('create one');
  await expect(page.getByTestId('presenter-no-app')).toContainText('create one');
  // The next step is shown without changing progress; Escape goes back to the workshop.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presenter-step-state')).toHaveAttribute('data-state', 'waiting');
  await page.getByTestId('presenter-prev').click();
  await expect(page.getByTestId('presenter-step-title')).toHaveAttribute('data-step', '1-A');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /^Workshop/, level: 1 })).toBeVisible(PAGE_LOAD);

  // The pipeline up to FILTERED_STREAM (2-C), done by the walkthrough: "catch me up to 2-D" does the steps before 2-D.
  await walk.catchUpTo('2-D');
  await expect(walk.catchUpLine('2-C')).toHaveAttribute('data-state', 'done', { timeout: 180_000 });

  await walk.open('#/present');
  await expect(page.getByTestId('presenter')).toBeVisible(PAGE_LOAD);
  const current = await page.getByTestId('presenter-step-title').getAttribute('data-step');
  expect(current).toBe('2-D');
  await expect(page.getByTestId('presenter-step-state')).toHaveAttribute('data-state', 'current');
  await expect(page.getByTestId('chart-presenter-incoming-records')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('presenter-rows-table')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('presenter-row')).toHaveCount(8, { timeout: 30_000 });
  await expect(page.getByTestId('presenter-rows')).toContainText('FILTERED_STREAM');

  // Large type, and everything within the 1280x720 screen.
  const size = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(await size(page.getByTestId('presenter-step-title'))).toBeGreaterThanOrEqual(32);
  expect(await size(page.getByTestId('presenter-step-what'))).toBeGreaterThanOrEqual(20);
  expect(await size(page.getByTestId('presenter-rows-table'))).toBeGreaterThanOrEqual(20);
  const viewport = page.viewportSize()!;
  for (const id of ['presenter-step', 'presenter-step-title', 'presenter-step-what', 'presenter-chart', 'chart-presenter-incoming-records', 'presenter-rows', 'exit-presenter'])
    await within(page.getByTestId(id), viewport);
  await within(page.getByTestId('presenter-row').last(), viewport);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
  // No side navigation.
  await expect(page.getByRole('navigation', { name: 'Side navigation' })).toHaveCount(0);
  await page.screenshot({ path: `${test.info().project.outputDir}/screens/presenter-light.png` });

  await page.evaluate(() => localStorage.setItem('kwc.theme', 'dark'));
  await page.reload();
  await expect(page.getByTestId('presenter-row')).toHaveCount(8, { timeout: 30_000 });
  await expect(page.getByTestId('chart-presenter-incoming-records')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${test.info().project.outputDir}/screens/presenter-dark.png` });

  await page.getByTestId('exit-presenter').click();
  await expect(page.getByRole('heading', { name: /^Workshop/, level: 1 })).toBeVisible(PAGE_LOAD);
  expect(pageErrors).toEqual([]);
});
