/**
 * The first page load of the production build:
 * - initial JS: the entry chunk and every chunk it imports statically (what index.html loads and
 *   modulepreloads before anything is clicked), read from the build's manifest, gzipped with
 *   node:zlib at its default level, as a server would send it;
 * - time from navigation to the Streams page's heading on screen, in headless Chromium against
 *   `vite preview` on 127.0.0.1 (a fresh browser context per load, so nothing is cached); the
 *   time is taken in the page (performance.now() when the heading first shows), median of LOADS.
 * FIRST_LOAD_DIST=<folder> measures a build made elsewhere (with `vite build --manifest`), e.g.
 * one of an older commit; otherwise this builds into a temporary folder. Needs Chromium for the
 * timing (Debian's /usr/bin/chromium or Playwright's); without one it prints the sizes only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { waitFor } from './serve';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4392;
const BASE = `http://127.0.0.1:${PORT}/`;
const LOADS = Number(process.env.FIRST_LOAD_RUNS ?? 7);
const TARGET_KIB = 300;
/** Text only the engine holds (MergeShards' error message, src/engine/kinesis/actions/mergeShards.ts). */
const ENGINE_MARKER = 'are not an adjacent pair of shards eligible for merging';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}


const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The entry's chunk and its static imports, transitively (dynamic imports load later). */
const initialChunks = (manifest: Record<string, ManifestChunk>) => {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'));
  if (!entry) throw new Error('no index.html entry in the manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key].imports ?? []) visit(i);
  };
  visit(entry);
  const keys = [...seen];
  return { js: keys.map((k) => manifest[k].file), css: [...new Set(keys.flatMap((k) => manifest[k].css ?? []))] };
};

const sizes = (dist: string, files: string[]) => {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
};

/** Milliseconds from navigation start to the Streams heading on screen, one cold load per call. */
const timeFirstLoad = async (browser: import('@playwright/test').Browser): Promise<number> => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript(`(() => {
      const seen = () => {
        if (window.__headingAt !== undefined) return;
        const h = [...document.querySelectorAll('h1')].find((e) => e.textContent.trim().startsWith('Data streams') && e.getClientRects().length > 0);
        if (h) window.__headingAt = performance.now();
      };
      new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    await page.goto(`${BASE}#/streams`);
    await page.getByRole('heading', { name: /^Data streams/, level: 1 }).waitFor({ timeout: 60_000 });
    return (await page.evaluate('window.__headingAt')) as number;
  } finally {
    await context.close();
  }
};

const main = async () => {
  let dist = process.env.FIRST_LOAD_DIST;
  if (!dist) {
    dist = join(tmpdir(), `kwc-first-load-${process.pid}`);
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--manifest'], { cwd: root, stdio: 'ignore' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build with \`vite build --manifest\``);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const initial = initialChunks(manifest);
  const js = sizes(dist, initial.js);
  const css = sizes(dist, initial.css);
  // The engine loads in the emulator worker (and in-thread only where no worker can be made), never
  // first. Shared chunks carry no source names, so look for one of the engine's own AWS messages.
  const engineFirst = initial.js.some((f) => readFileSync(join(dist, f), 'utf8').includes(ENGINE_MARKER));

  const rows: [string, string, string][] = [
    [`initial JS, gzip (${initial.js.length} chunks)`, kib(js.gzip), `<= ${TARGET_KIB} KiB`],
    ['initial JS, uncompressed', kib(js.raw), ''],
    ['initial CSS, gzip', kib(css.gzip), ''],
    ['emulator engine among the initial chunks', engineFirst ? 'yes' : 'no', 'no'],
  ];

  const browser = await chromium.launch(chromiumLaunchOptions).catch((e: Error) => {
    console.log(`No Chromium to load the page in (${e.message.split('\n')[0]}); sizes only.\n`);
    return undefined;
  });
  let preview: ChildProcess | undefined;
  if (browser) {
    try {
      // vite itself, not through npx: killing npx would leave the server running
      preview = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist], {
        cwd: root,
        stdio: 'ignore',
      });
      await waitFor(BASE, 30_000);
      await timeFirstLoad(browser); // warm-up: the server's and the OS's first reads of the files
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) times.push(await timeFirstLoad(browser));
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      rows.push([`first load to the Streams heading, median of ${LOADS} cold loads`, `${Math.round(median)} ms`, '']);
      rows.push(['fastest / slowest load', `${Math.round(times[0])} / ${Math.round(times[times.length - 1])} ms`, '']);
    } finally {
      await browser.close();
      if (preview?.pid) preview.kill();
    }
  }

  console.log(
    `Production build, served by \`vite preview\` on 127.0.0.1, headless Chromium, a fresh context per load; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end (other processes share the cores, so times vary from run to run).\n`,
  );
  console.log('| measure | result | target |');
  console.log('|---|---:|---|');
  for (const [m, r, t] of rows) console.log(`| ${m} | ${r} | ${t} |`);
  if (js.gzip > TARGET_KIB * 1024 || engineFirst) process.exitCode = 1;
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
