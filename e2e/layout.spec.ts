import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './pages/console';
import { FirehosePage } from './pages/firehose';
import { AnalyticsPage } from './pages/analytics';
import { s3Hash, S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

// The console on a 1024-px laptop, a 1280x720 projector and a 1440-px screen, in both themes: every
// page (the Workshop page's cost table and an S3 object's page too) is photographed (attached to the test), and at 1024 px no status, id, date or part of an ARN
// breaks across lines, the page itself never scrolls sideways (tables scroll inside themselves),
// monospace values are at body size and chart labels too.
const STREAM = 'layout-stream';
const APP = 'layout-app';
const BUCKET = 'layout-bucket';
const DELIVERY = 'layout-delivery';
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];
const BODY_PX = 14;

test.use({ viewport: SIZES[0] });

interface Visit {
  name: string;
  hash: string;
  /** Waits for the page's content; resolves when it is on screen. */
  ready(page: Page): Promise<void>;
  /** The page shows rows with statuses, ids or dates: at least one unbroken value must be measured. */
  tokens?: boolean;
}

/** Each page's first load brings its chunk: on a loaded machine (the generator with its editor) that takes more than PAGE_LOAD. */
const LOADED = { timeout: 90_000 };
const byTestId = (id: string) => async (page: Page) => expect(page.getByTestId(id).first()).toBeVisible(LOADED);
const heading = (name: RegExp) => async (page: Page) => expect(page.getByRole('heading', { name, level: 1 })).toBeVisible(LOADED);

const visits = (shardWithRecords: string, objectKey: string): Visit[] => [
  { name: 'streams', hash: '#/streams', ready: byTestId(`stream-status-${STREAM}`), tokens: true },
  {
    name: 'stream-shards',
    hash: `#/streams/${STREAM}?tab=shards`,
    ready: async (page) => {
      await byTestId(`shard-row-${shardWithRecords}`)(page);
      await page.getByTestId('shards-table').scrollIntoViewIfNeeded();
    },
    tokens: true,
  },
  {
    name: 'data-viewer',
    hash: `#/streams/${STREAM}?tab=data`,
    ready: async (page) => {
      await new StreamDetailPage(page).readShard(shardWithRecords);
      await expect(page.getByTestId('records-table').locator('tbody tr').first()).toBeVisible();
      await page.getByTestId('records-table').scrollIntoViewIfNeeded();
    },
    tokens: true,
  },
  { name: 'generator', hash: '#/generator', ready: heading(/^Data generator/) },
  {
    name: 'monitoring',
    hash: `#/monitoring?stream=${STREAM}`,
    ready: async (page) => {
      // The axis is drawn once it has ticks (Recharts draws tick labels apart from tick lines).
      await expect(page.getByTestId('chart-incoming-records').locator('.recharts-cartesian-axis-tick-value')).not.toHaveCount(0, LOADED);
    },
  },
  { name: 'analytics', hash: '#/analytics', ready: byTestId(`application-status-${APP}`), tokens: true },
  { name: 'analytics-app', hash: `#/analytics/${APP}`, ready: byTestId('application-detail-status'), tokens: true },
  { name: 'firehose', hash: '#/firehose', ready: byTestId(`delivery-status-${DELIVERY}`), tokens: true },
  { name: 's3', hash: '#/s3', ready: byTestId(`bucket-link-${BUCKET}`), tokens: true },
  { name: 's3-object', hash: s3Hash(BUCKET, objectKey), ready: byTestId('object-etag'), tokens: true },
  { name: 'workshop', hash: '#/workshop', ready: heading(/^Workshop/) },
  {
    // The cost table: prices, quantities and unit names stay whole.
    name: 'workshop-cost',
    hash: '#/workshop',
    ready: async (page) => {
      const panel = page.getByTestId('cost-panel');
      const toggle = panel.getByRole('button', { name: 'What would this cost on AWS?' });
      await expect(toggle).toBeVisible(LOADED);
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await expect(panel.getByTestId('cost-month-shardHour')).toBeVisible(LOADED);
      await panel.getByTestId('cost-month-shardHour').scrollIntoViewIfNeeded();
    },
    tokens: true,
  },
];

/** What the layout checks measure on the page as rendered. */
interface Measured {
  /** Text of unbroken values (statuses, ids, dates, ARN parts) whose text takes more than one line. */
  wrapped: string[];
  measured: number;
  /** How far the page is wider than the window (0 when only tables scroll sideways). */
  pageOverflow: number;
  /** Font sizes (px) of shortened long numbers and of chart axis labels. */
  monoSizes: number[];
  axisSizes: number[];
}

const measure = (page: Page): Promise<Measured> =>
  page.evaluate(() => {
    const wrapped: string[] = [];
    let measured = 0;
    for (const el of document.querySelectorAll<HTMLElement>('[data-unbroken]')) {
      if (!el.checkVisibility()) continue;
      measured++;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => r.top);
        // One line: every fragment of the text starts at the same height (a pixel of rounding aside).
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) wrapped.push(el.textContent ?? '');
      }
    }
    const size = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
    return {
      wrapped,
      measured,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      monoSizes: [...document.querySelectorAll('[data-short]')].filter((e) => (e as HTMLElement).checkVisibility()).map(size),
      axisSizes: [...document.querySelectorAll('.recharts-cartesian-axis-tick-value')].map(size),
    };
  });

/**
 * A stream with 2 shards and a few records, an application, a bucket and a delivery stream into it
 * that has written an object; returns a shard holding records and the object's key.
 */
async function setUp(page: Page): Promise<{ shard: string; objectKey: string }> {
  const streams = new StreamsListPage(page);
  await streams.open('#/create-stream');
  // The first page of a busy machine's run may take long to load its chunks (over 90 s under a load of 20).
  await expect(streams.nameInput()).toBeVisible({ timeout: 180_000 });
  await streams.fillCreate(STREAM, 2);
  await streams.submitCreate();
  const detail = new StreamDetailPage(page);
  await detail.waitActive();
  await detail.tab('Put record');
  let shard = '';
  for (const [key, data] of [
    ['sensor-1', '{"sensor":"sensor-1","temperature":21.5}'],
    ['sensor-2', '{"sensor":"sensor-2","temperature":19.25}'],
    ['sensor-3', 'a line of plain text'],
  ]) {
    await detail.putRecord(key, data);
    await expect(page.getByTestId('result-sequence-number')).toHaveText(/^\d{20,}$/);
    shard ||= (await page.getByTestId('result-shard-id').textContent()) ?? '';
  }
  await expect(page.getByTestId('result-shard-id')).toBeVisible();
  await new AnalyticsPage(page).create(APP);
  await new S3Page(page).createBucket(BUCKET);
  const firehose = new FirehosePage(page);
  await firehose.gotoCreate();
  await firehose.fillCreate({ name: DELIVERY, bucket: BUCKET, size: '1', interval: '0' });
  await firehose.submitCreate();
  await expect(page.getByTestId('delivery-title')).toHaveText(DELIVERY, PAGE_LOAD);
  await firehose.waitActive(DELIVERY);
  // Demo records through it, so the bucket holds an object (under Firehose's dated folders).
  await page.getByTestId('demo-start').click();
  await expect.poll(() => firehose.sentDemoRecords(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await page.getByTestId('demo-stop').click();
  const s3 = new S3Page(page);
  await s3.openPath(BUCKET);
  const { key: objectKey } = await s3.firstDatedObject();
  return { shard, objectKey };
}

async function photograph(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  // A screenshot is an artifact to look at: a renderer too busy to paint in time notes the miss.
  try {
    await page.screenshot({ path, timeout: 30_000 });
    await info.attach(name, { path, contentType: 'image/png' });
  } catch (e) {
    info.annotations.push({ type: 'screenshot skipped', description: `${name}: ${(e as Error).message.split('\n')[0]}` });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`every page at 1024, 1280 and 1440 px in the ${theme} theme: nothing breaks inside a word at 1024 px`, async ({ page }, info) => {
    test.setTimeout(900_000);
    await page.addInitScript((t) => {
      if (!localStorage.getItem('kwc.theme')) localStorage.setItem('kwc.theme', t);
    }, theme);
    const { shard, objectKey } = await setUp(page);
    const shell = new ConsolePage(page);

    for (const size of SIZES) {
      await page.setViewportSize(size);
      // The layout decides on its navigation when the page loads at this size.
      await page.reload();
      await expect(page.locator('body')).toHaveClass(theme === 'dark' ? /awsui-dark-mode/ : /^(?!.*awsui-dark-mode)/);
      // Closed below 1200 px (its header link hidden), open from there on.
      const navigation = page.getByRole('link', { name: 'Amazon Kinesis', exact: true });
      if (size.width < 1200) await expect(navigation).toBeHidden();
      else await expect(navigation).toBeVisible();

      for (const v of visits(shard, objectKey)) {
        await test.step(`${size.width}x${size.height} ${v.name}`, async () => {
          await shell.open(v.hash);
          await v.ready(page);
          await photograph(page, info, `${theme}-${size.width}x${size.height}-${v.name}`);
          if (size.width !== 1024) return;
          const m = await measure(page);
          expect(m.wrapped, `${v.name}: values broken across lines`).toEqual([]);
          if (v.tokens) expect(m.measured, `${v.name}: unbroken values measured`).toBeGreaterThan(0);
          expect(m.pageOverflow, `${v.name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
          for (const s of m.monoSizes) expect(s, `${v.name}: a long number's size`).toBeGreaterThanOrEqual(BODY_PX);
          for (const s of m.axisSizes) expect(s, `${v.name}: a chart label's size`).toBeGreaterThanOrEqual(BODY_PX);
        });
      }
    }

    // Presentation mode from the address on a 1280x720 projector: larger type on an ordinary page,
    // kept as the route changes; the navigation starts closed, as the content is as wide as 985 px of normal type.
    await page.setViewportSize(SIZES[1]);
    await page.goto(`/?presentation=1#/streams/${STREAM}?tab=shards`);
    await expect(page.getByTestId(`shard-row-${shard}`)).toBeVisible(PAGE_LOAD);
    await expect(page.getByRole('link', { name: 'Amazon Kinesis', exact: true })).toBeHidden();
    const bodySize = () => page.getByTestId(`shard-row-${shard}`).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await bodySize()).toBeGreaterThanOrEqual(18);
    await photograph(page, info, `${theme}-1280x720-presentation-shards`);
    // Moving on inside the console (as a link does) keeps the parameter in the address.
    await page.evaluate((hash) => (window.location.hash = hash), `#/monitoring?stream=${STREAM}`);
    // The axis is drawn once it has ticks (Recharts draws tick labels apart from tick lines).
    await expect(page.getByTestId('chart-incoming-records').locator('.recharts-cartesian-axis-tick-value')).not.toHaveCount(0, PAGE_LOAD);
    expect(new URL(page.url()).search).toBe('?presentation=1');
    for (const s of (await measure(page)).axisSizes) expect(s).toBeGreaterThanOrEqual(18);
    await photograph(page, info, `${theme}-1280x720-presentation-monitoring`);
    // And off again from the top bar's Display menu.
    await shell.displayMenu.click();
    await page.getByRole('menuitemcheckbox', { name: /^Presentation mode/ }).click();
    await expect(page).not.toHaveURL(/presentation=1/);
    await shell.open(`#/streams/${STREAM}?tab=shards`);
    expect(await bodySize()).toBe(BODY_PX);
  });
}
