import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';

/** What the in-browser benchmarks share: waiting, and the built console served to headless Chromium. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const waitFor = async (url: string, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
};

/** The native input inside a Cloudscape Input or Textarea with this test id. */
export const field = (page: Page, testId: string) => page.getByTestId(testId).locator('input, textarea').first();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs `bench` against the built console in headless Chromium (Debian's /usr/bin/chromium or
 * Playwright's): builds it first unless `dist` names a build, serves it with `vite preview` on
 * 127.0.0.1:`port`, and stops both afterwards. Without Chromium it prints a note and returns, so a
 * machine with no browser skips the bench rather than failing it.
 */
export const withConsole = async (port: number, dist: string | undefined, bench: (browser: Browser, base: string) => Promise<void>): Promise<void> => {
  if (!dist && spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('vite build failed');
  const browser = await chromium.launch(chromiumLaunchOptions).catch((e: Error) => {
    console.log(`No Chromium to run the page in (${e.message.split('\n')[0]}); skipped.`);
    return undefined;
  });
  if (!browser) return;
  let preview: ChildProcess | undefined;
  try {
    // vite itself, not through npx: killing npx would leave the server running
    preview = spawn(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist ?? join(root, 'dist')],
      { cwd: root, stdio: 'ignore' },
    );
    const base = `http://127.0.0.1:${port}/`;
    await waitFor(base, 30_000);
    await bench(browser, base);
  } finally {
    await browser.close();
    preview?.kill('SIGTERM');
  }
};
