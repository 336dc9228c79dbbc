import type { Page } from '@playwright/test';

/** What the in-browser benchmarks share: waiting, and waiting for `vite preview` to answer. */
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
