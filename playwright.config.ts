import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser';

// 4173 is `npm run preview`'s port. For a second run at the same time on one machine:
// E2E_PORT (another port), E2E_DIST (a build made with `vite build --outDir`), E2E_OUTPUT (below).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Each run cleans its output folder: a second run at the same time needs its own (E2E_OUTPUT).
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  // One retry on CI, where a busy machine can slow a step past its timeout; Playwright still
  // reports such a test as flaky, so it is seen. Locally a failure fails at once.
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    // The production build under `vite preview`: the dev server re-optimises deps mid-test.
    command:
      PORT === 4173 && !DIST
        ? 'npm run preview'
        : `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort${DIST ? ` --outDir ${DIST}` : ''}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
