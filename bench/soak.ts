/**
 * `npm run soak -- [--minutes 30] [--rate 2000] [--cap-mib 16] [--port 4395] [--dist DIR]`: the
 * console left running, to find memory that keeps growing. Builds the app (or serves the build in
 * `--dist`) with `vite preview` on 127.0.0.1, opens it in headless Chromium and does what the
 * workshop does: the stream iot-sensor-stream (2 shards, more when the rate needs them), the
 * generator sending the workshop's sensor template at `--rate` records/s, and the Activity 2
 * application with the workshop's SQL, its FILTERED_STREAM table open. The emulator's storage cap
 * is set to `--cap-mib` first, so the records kept level off within a minute or two and what
 * follows is steady state.
 *
 * Every 10 s it collects garbage and samples the memory of the page, the emulator worker and the
 * generator worker over the DevTools protocol (HeapProfiler.collectGarbage, then Runtime.getHeapUsage:
 * the JS heap plus the array buffers it holds, where the emulator keeps record bytes). It prints a table, and exits 1 when a heap kept growing in the
 * last third of the run: the least-squares slope of that third's samples, times its duration, is
 * more than 5% of its mean heap and more than 2 MiB. Not part of `npm test`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, expect, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { AnalyticsPage } from '../e2e/pages/analytics';
import { GeneratorPage } from '../e2e/pages/generator';
import { ConsolePage } from '../e2e/pages/console';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from '../e2e/pages/workshop';
import { sleep, waitFor } from './serve';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '2000' },
    'cap-mib': { type: 'string', default: '16' },
    port: { type: 'string', default: '4395' },
    dist: { type: 'string' },
  },
});
const MINUTES = Number(args.minutes);
const RATE = Number(args.rate);
const CAP_MIB = Number(args['cap-mib']);
const PORT = Number(args.port);
const SAMPLE_MS = 10_000;
const STREAM = 'iot-sensor-stream';
/** Write capacity with room to spare (a shard takes 1,000 records/s): the workshop's 2 shards up to 1,600 records/s. */
const SHARDS = Math.max(2, Math.ceil(RATE / 800));
/** The check: growth over the last third above both of these fails the run. */
const GROWTH_SHARE = 0.05;
const GROWTH_MIN_BYTES = 2 * 1_048_576;

for (const [name, v] of [['--minutes', MINUTES], ['--rate', RATE], ['--cap-mib', CAP_MIB], ['--port', PORT]] as const) {
  if (!(v > 0) || !Number.isFinite(v)) {
    console.error(`${name} must be a positive number`);
    process.exit(2);
  }
}

interface Sample {
  t: number;
  page: number;
  emulator: number;
  generator: number;
}
type Heap = Exclude<keyof Sample, 't'>;
const HEAPS: Heap[] = ['page', 'emulator', 'generator'];

/** What Runtime.getHeapUsage answers; `backingStorageSize` (array buffers) in current Chromium. */
interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}
const heapBytes = (u: HeapUsage) => u.usedSize + (u.backingStorageSize ?? 0);

/** The page's JS heap and array buffers after a full collection. */
const pageHeaps = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  return async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    return heapBytes((await cdp.send('Runtime.getHeapUsage')) as HeapUsage);
  };
};

/**
 * The same for a worker. Playwright opens no DevTools session on workers, so a browser session
 * attaches to each worker target and relays its messages (Target.sendMessageToTarget).
 */
const workerHeaps = async (browser: Browser) => {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const sessions = new Map<string, string>();
  const waiting = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  const call = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  /** Used JS heap after a full collection in the worker whose URL contains `name`; NaN when there is none. */
  return async (name: string): Promise<number> => {
    if (!sessions.has(name)) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const t = targetInfos.find((x) => x.type === 'worker' && x.url.includes(name));
      if (!t) return NaN;
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      sessions.set(name, sessionId);
    }
    const sessionId = sessions.get(name)!;
    await call(sessionId, 'HeapProfiler.collectGarbage');
    return heapBytes((await call(sessionId, 'Runtime.getHeapUsage')) as HeapUsage);
  };
};

/** Least-squares slope of y over x. */
const slope = (xs: number[], ys: number[]): number => {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
};

/** Per heap: growth over the last third of the samples (slope x its duration), its mean, and whether that is too much. */
const growthCheck = (samples: Sample[]) => {
  const tail = samples.slice(Math.floor((samples.length * 2) / 3));
  return HEAPS.map((heap) => {
    const pts = tail.filter((s) => Number.isFinite(s[heap]));
    if (pts.length < 3) return { heap, growth: NaN, mean: NaN, growing: false };
    const xs = pts.map((s) => s.t);
    const ys = pts.map((s) => s[heap]);
    const growth = slope(xs, ys) * (xs[xs.length - 1] - xs[0]);
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    return { heap, growth, mean, growing: growth > GROWTH_MIN_BYTES && growth > GROWTH_SHARE * mean };
  });
};

const mib = (n: number) => (Number.isFinite(n) ? (n / 1_048_576).toFixed(1) : '-');

const main = async (): Promise<number> => {
  let dist = args.dist;
  if (!dist) {
    dist = join(tmpdir(), 'kwc-soak-dist');
    console.log(`Building into ${dist} ...`);
    if (spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('vite build failed');
  }
  const base = `http://127.0.0.1:${PORT}`;
  let preview: ChildProcess | undefined;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    preview = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist], {
      cwd: root,
      stdio: 'ignore',
    });
    await waitFor(`${base}/`, 30_000);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Driven through the page objects' actions, with waits of our own: a soak often starts on a busy machine.
    const ui = new ConsolePage(page);
    const WAIT = { timeout: 60_000 };
    const testId = (id: string) => page.getByTestId(id);

    // The stream, as Activity 1 makes it.
    await ui.open('#/create-stream');
    await ui.field('stream-name-input').waitFor(WAIT);
    await ui.field('stream-name-input').fill(STREAM);
    await ui.field('shard-count-input').fill(String(SHARDS));
    await testId('create-stream-submit').click();
    await expect(testId('detail-status')).toHaveText('ACTIVE', WAIT);

    // A small cap, so the records kept level off early.
    await page.getByRole('button', { name: /^Emulator clock/ }).click();
    await page.getByRole('menuitem', { name: /^Emulator storage/ }).click();
    await ui.field('storage-cap-input').fill(String(CAP_MIB));
    await testId('storage-cap-apply').click();
    await expect(testId('storage-usage')).toContainText(`of ${CAP_MIB} MiB`, WAIT);
    await testId('storage-close').click();

    const gen = new GeneratorPage(page);
    await ui.open(`#/generator?stream=${STREAM}`);
    await gen.template.locator('.monaco-editor').waitFor(WAIT);
    await gen.pasteInto('template-input', WORKSHOP_TEMPLATE);
    await expect(testId('template-samples')).toHaveAttribute('aria-busy', 'false', WAIT);
    await gen.setRate(String(RATE));
    await gen.sendButton.click();
    await expect.poll(() => gen.counter('acknowledged'), WAIT).toBeGreaterThan(0);
    const sendingSince = Date.now();

    // Activity 2: the application with the workshop's SQL, its filtered rows on screen.
    const app = new AnalyticsPage(page);
    await ui.open('#/create-application');
    await ui.field('application-name-input').waitFor(WAIT);
    await ui.field('application-name-input').fill('iot-sensor-analytics');
    await testId('create-application-submit').click();
    await testId('source-stream-select').waitFor(WAIT);
    await app.choose('source-stream-select', new RegExp(`^${STREAM}`));
    await testId('discover-schema').click();
    await testId('schema-table').waitFor(WAIT);
    await testId('save-source').click();
    await testId('sql-editor').locator('.monaco-editor').waitFor(WAIT);
    await app.pasteSql(WORKSHOP_SQL);
    await expect(app.saveAndRun).toBeEnabled(WAIT);
    await app.saveAndRun.click();
    await expect(app.status()).toContainText('RUNNING', WAIT);
    await app.openStreamTab('FILTERED_STREAM');
    await expect.poll(() => app.rows('FILTERED_STREAM').count(), WAIT).toBeGreaterThan(0);

    const workerHeap = await workerHeaps(browser);
    const pageHeap = await pageHeaps(page);
    console.log(
      `\nSoak: ${MINUTES} min, generator at ${RATE.toLocaleString('en-US')} records/s into ${SHARDS} shards, storage cap ${CAP_MIB} MiB, ` +
        `Activity 2 running with FILTERED_STREAM open; load average at start ${loadavg()[0].toFixed(1)}.\n`,
    );
    console.log('| time | page (MiB) | emulator worker (MiB) | generator worker (MiB) | load average |');
    console.log('|---|---|---|---|---|');
    const samples: Sample[] = [];
    const t0 = Date.now();
    const end = t0 + MINUTES * 60_000;
    for (let next = t0; next <= end; next = Math.max(next + SAMPLE_MS, Date.now())) {
      await sleep(Math.max(0, next - Date.now()));
      const s: Sample = {
        t: (Date.now() - t0) / 1000,
        page: await pageHeap(),
        emulator: await workerHeap('emulator'),
        generator: await workerHeap('generator'),
      };
      samples.push(s);
      console.log(`| ${s.t.toFixed(0)} s | ${mib(s.page)} | ${mib(s.emulator)} | ${mib(s.generator)} | ${loadavg()[0].toFixed(1)} |`);
    }
    await ui.open(`#/generator?stream=${STREAM}`);
    await testId('stat-acknowledged').waitFor(WAIT);
    const acknowledged = await gen.counter('acknowledged');
    const checks = growthCheck(samples);
    console.log(`\n${acknowledged.toLocaleString('en-US')} records acknowledged (${Math.round(acknowledged / ((Date.now() - sendingSince) / 1000)).toLocaleString('en-US')} records/s since sending began).`);
    console.log('Growth over the last third (least-squares slope x duration; fails above 5% of the mean and 2 MiB):');
    for (const c of checks) console.log(`- ${c.heap}: ${mib(c.growth)} MiB on a mean of ${mib(c.mean)} MiB${c.growing ? ': KEPT GROWING' : ''}`);
    if (errors.length > 0) console.log(`Page errors: ${errors.join('; ')}`);
    return checks.some((c) => c.growing) || errors.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
    preview?.kill();
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
