import { expect, test, type Page, type Request } from '@playwright/test';
import type { AddressInfo, Server } from 'node:net';
import { createRequire } from 'node:module';
import { ConnectionPanel } from './pages/connection';
import { startEmulatorServer } from './emulatorServer';
import { FirehosePage } from './pages/firehose';
import { GeneratorPage } from './pages/generator';
import { S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

/*
 * The workshop in AWS mode against AWS-compatible servers on this machine: the console's own
 * emulator server for every service, and kinesalite for Kinesis alone. The keys are typed in as
 * for AWS; every call must be signed with them (SigV4), and they must appear in no URL and in no
 * storage but this tab's session storage, and there only when asked.
 */
const SERVER_PORT = Number(process.env.E2E_WORKSHOP_SERVER_PORT ?? 4605);
const KINESALITE_PORT = Number(process.env.E2E_KINESALITE_PORT ?? 4615);
const ENDPOINT = `http://127.0.0.1:${SERVER_PORT}`;
const KINESALITE = `http://127.0.0.1:${KINESALITE_PORT}`;
const KEYS = {
  accessKeyId: 'ASIAE2EWORKSHOPKEY01',
  secretAccessKey: 'e2e-workshop-secret-not-real-0123456789',
  sessionToken: 'e2e-workshop-session-token-not-real',
};
const SECRETS = [KEYS.accessKeyId, KEYS.secretAccessKey, KEYS.sessionToken];

const require = createRequire(import.meta.url);

let server: Awaited<ReturnType<typeof startEmulatorServer>> | undefined;

test.beforeAll(async () => {
  server = await startEmulatorServer(SERVER_PORT);
});

test.afterAll(() => server?.stop());

/** Every request the page (and its workers) makes to `endpoint`, with its headers. */
const watchRequests = (page: Page) => {
  const all: Request[] = [];
  page.on('request', (r) => all.push(r));
  page.context().on('request', (r) => {
    if (!all.includes(r)) all.push(r);
  });
  return {
    urls: () => all.map((r) => r.url()),
    /** The calls to an endpoint (preflights aside) and their Authorization headers. */
    async signed(endpoint: string) {
      const calls = all.filter((r) => r.url().startsWith(`${endpoint}/`) && r.method() !== 'OPTIONS');
      return Promise.all(calls.map(async (r) => ({ url: r.url(), authorization: (await r.allHeaders())['authorization'] ?? '' })));
    },
  };
};

/** Everything the page keeps in localStorage, sessionStorage and IndexedDB, as text. */
const storedText = (page: Page) =>
  page.evaluate(async () => {
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const bytes = (_: string, v: unknown) =>
      v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v as ArrayBuffer) : v;
    const idb: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await request(db.transaction(store).objectStore(store).getAll());
        idb.push(JSON.stringify(rows, bytes));
      }
      db.close();
    }
    return { local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), idb: idb.join('\n') };
  });

const expectSignedWithTheKeys = async (net: ReturnType<typeof watchRequests>, endpoint: string) => {
  const calls = await net.signed(endpoint);
  expect(calls.length).toBeGreaterThan(0);
  for (const c of calls) expect(c.authorization, c.url).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEYS.accessKeyId}/\\d{8}/us-east-1/[a-z0-9]+/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$`));
  // Neither the secret nor the token in any address the page called, the key id neither.
  for (const url of net.urls()) for (const s of SECRETS) expect(url, url).not.toContain(s);
};

test('the workshop against the emulator server: stream, generator, read back, Firehose to S3; every call signed, no key stored', async ({
  page,
}) => {
  // Many pages and two services' round trips: generous on a busy machine.
  test.setTimeout(420_000);
  const net = watchRequests(page);
  const conn = new ConnectionPanel(page);
  const list = new StreamsListPage(page);
  const STREAM = 'workshop-input';
  const BUCKET = 'workshop-delivery-bucket';
  const DELIVERY = 'workshop-to-s3';

  await list.goto();
  await conn.openSettings();
  await conn.fillAws({ ...KEYS, region: 'us-east-1', endpoint: ENDPOINT });
  // A bad per-service endpoint is refused at its field, and Save does nothing.
  await (await conn.serviceEndpoint('s3')).fill('127.0.0.1:4605');
  await expect(conn.panel).toContainText('The endpoint must start with http:// or https://.');
  await page.getByTestId('connection-save').click();
  await expect(conn.panel).toBeVisible();
  await (await conn.serviceEndpoint('s3')).fill('');

  // Every service answers at the one endpoint.
  await conn.testConnection();
  await expect(conn.result).toContainText('Connection works');
  await expect(conn.serviceResult('kinesis')).toContainText('Kinesis Data Streams: ListStreams answered, 0 streams in us-east-1.');
  await expect(conn.serviceResult('firehose')).toContainText('ListDeliveryStreams answered');
  await expect(conn.serviceResult('s3')).toContainText('ListBuckets answered');
  await expect(conn.serviceResult('cloudwatch')).toContainText('ListMetrics answered');
  await expect(conn.serviceResult('analytics')).toContainText('ListApplications answered');
  await conn.screenshot('aws-workshop-01-test-all-services', conn.result);

  // The policy for the resources about to be made.
  await conn.openPolicy();
  await conn.field('policy-accountId').fill('123456789012');
  await conn.field('policy-streams').fill(STREAM);
  await conn.field('policy-deliveryStream').fill(DELIVERY);
  await conn.field('policy-bucket').fill(BUCKET);
  await conn.field('policy-deliveryRole').fill('firehose-delivery');
  await expect(conn.policyJson).toContainText(`"arn:aws:kinesis:us-east-1:123456789012:stream/${STREAM}"`);
  await expect(conn.policyJson).toContainText('"Resource": "arn:aws:iam::123456789012:role/firehose-delivery"');
  await expect(conn.policyJson).toContainText('"iam:PassedToService": "firehose.amazonaws.com"');
  const policy = JSON.parse((await conn.policyJson.textContent()) ?? '') as { Version: string };
  expect(policy.Version).toBe('2012-10-17');
  await conn.screenshot('aws-workshop-02-policy', conn.policyJson);
  await conn.save();
  await expect(conn.indicator).toHaveText(`Endpoint · 127.0.0.1:${SERVER_PORT}`);

  // Activity 1: a stream, records from the generator, read back with GetRecords.
  await list.startCreate();
  await list.fillCreate(STREAM, 1);
  await list.submitCreate();
  // Create opens the new stream's page: wait for it there (going to the list first races that navigation).
  await new StreamDetailPage(page).waitActive(30_000);
  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await gen.field('limit-input').fill('20');
  await gen.setRate('100');
  await gen.sendButton.click();
  await expect(gen.status).toContainText('Completed', { timeout: 20_000 });
  expect(await gen.counter('acknowledged')).toBe(20);
  const detail = new StreamDetailPage(page);
  await detail.open(`#/streams/${STREAM}`);
  await detail.waitActive();
  await detail.tab('Data viewer');
  await detail.readShard('shardId-000000000000');
  await expect(page.getByTestId('record-data-decoded')).toHaveCount(20);

  // Activity 3: a bucket, a delivery stream into it, demo records, objects in the S3 browser.
  const s3 = new S3Page(page);
  await s3.createBucket(BUCKET);
  const fh = new FirehosePage(page);
  await fh.gotoCreate();
  await fh.fillCreate({ name: DELIVERY, bucket: BUCKET, size: '1', interval: '0' });
  await fh.field('role-arn-input').fill('arn:aws:iam::123456789012:role/firehose-delivery');
  await fh.submitCreate();
  await fh.waitActive(DELIVERY);
  await page.getByTestId('demo-start').click();
  await expect.poll(() => fh.sentDemoRecords(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await page.getByTestId('demo-stop').click();
  await s3.openPath(BUCKET);
  // Firehose's keys start with the UTC year: a folder in the browser. (Refreshed in place: a reload
  // would forget the keys, which are not remembered.)
  await expect
    .poll(
      async () => {
        await page.getByTestId('refresh-objects').click();
        return (await s3.objectsTable.textContent()) ?? '';
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toMatch(/20\d\d\//);
  await s3.screenshot('aws-workshop-03-s3-objects');
  // An object's page reads it through the endpoint: the SDK's GetObject asks for checksum validation
  // (x-amz-checksum-mode), a header the server's CORS answer must allow.
  await (await s3.firstDatedObject()).link.click();
  await expect(page.locator('[data-testid="preview-records"], [data-testid="preview-json"], [data-testid="preview-text"]').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('preview-error')).toHaveCount(0);

  await expectSignedWithTheKeys(net, ENDPOINT);
  // Not remembered: the keys are in no storage at all.
  const stored = await storedText(page);
  for (const s of SECRETS) {
    expect(stored.local).not.toContain(s);
    expect(stored.session).not.toContain(s);
    expect(stored.idb).not.toContain(s);
  }
  // Remembered for the tab: session storage only.
  await conn.openSettings();
  await page.getByTestId('connection-remember').locator('input').check();
  await conn.save();
  const remembered = await storedText(page);
  expect(remembered.session).toContain(KEYS.secretAccessKey);
  for (const s of SECRETS) {
    expect(remembered.local).not.toContain(s);
    expect(remembered.idb).not.toContain(s);
  }
});

test("over a shard's limit at the emulator server, the generator backs off and retries AWS's throttling in AWS mode", async ({ page }) => {
  test.setTimeout(240_000);
  const conn = new ConnectionPanel(page);
  const list = new StreamsListPage(page);
  const HOT = 'workshop-hot-stream';
  await list.goto();
  await conn.openSettings();
  await conn.fillAws({ ...KEYS, region: 'us-east-1', endpoint: ENDPOINT });
  await conn.save();
  await list.startCreate();
  await list.fillCreate(HOT, 1);
  await list.submitCreate();
  // Create opens the new stream's page: wait for it there (going to the list first races that navigation).
  await new StreamDetailPage(page).waitActive(30_000);

  // 1 shard takes 1,000 records a second (Kinesis Data Streams quotas): 3,000 a second is refused in part.
  const gen = new GeneratorPage(page);
  await gen.goto(HOT);
  await gen.field('limit-input').fill('6000');
  await gen.setRate('3000');
  await gen.sendButton.click();
  await expect(page.getByTestId('throttling-alert')).toContainText('WriteProvisionedThroughputExceeded', { timeout: 30_000 });
  await expect.poll(() => gen.counter('retried'), { timeout: 30_000 }).toBeGreaterThan(0);
  await gen.screenshot('aws-workshop-04-throttled');
  await gen.stopButton.click();
  await expect.poll(() => gen.counter('pending'), { timeout: 30_000 }).toBe(0);
  const [acknowledged, dropped, rendered] = [await gen.counter('acknowledged'), await gen.counter('dropped'), await gen.counter('rendered')];
  expect(acknowledged).toBeGreaterThan(0);
  // Every record made is either in the stream or counted as given up: none vanishes.
  expect(acknowledged + dropped).toBe(rendered);
});

test('Kinesis alone at kinesalite, the rest at AWS: the label says so, the test shows each service, records go in and come back', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const kinesalite = (require('kinesalite') as (o: Record<string, number>) => Server)({
    createStreamMs: 0,
    deleteStreamMs: 0,
    updateStreamMs: 0,
  });
  await new Promise<void>((resolve) => kinesalite.listen(KINESALITE_PORT, '127.0.0.1', resolve));
  expect((kinesalite.address() as AddressInfo).port).toBe(KINESALITE_PORT);
  try {
    const net = watchRequests(page);
    const conn = new ConnectionPanel(page);
    const list = new StreamsListPage(page);
    const STREAM = 'kinesalite-stream';

    // Nothing reaches AWS from a test: the browser resolves no name but this machine's (e2e/browser.ts).
    await list.goto();
    await conn.openSettings();
    await conn.fillAws({ ...KEYS, endpoints: { kinesis: KINESALITE } });
    await conn.testConnection();
    await expect(conn.result).toContainText('1 of 5 services answered');
    await expect(conn.serviceResult('kinesis')).toContainText('ListStreams answered, 0 streams');
    await expect(conn.serviceResult('firehose')).toContainText('NetworkError');
    await expect(conn.serviceResult('firehose')).toContainText('No answer from the Firehose endpoint of us-east-1.');
    // The four unanswered calls share one cause: said once.
    await expect(page.getByTestId('connection-test-hint')).toHaveText([/^No AWS endpoint answered: check your network connection/]);
    await conn.screenshot('aws-workshop-05-kinesalite-test', conn.result);
    await conn.save();
    await expect(conn.indicator).toHaveText(`AWS · us-east-1 · Kinesis at 127.0.0.1:${KINESALITE_PORT}`);

    await list.startCreate();
    await list.fillCreate(STREAM, 1);
    await expect(list.createCli).toContainText(`--region us-east-1 --endpoint-url ${KINESALITE}`);
    await list.submitCreate();
    // Create opens the new stream's page: wait for it there (going to the list first races that navigation).
    await new StreamDetailPage(page).waitActive(30_000);
    const gen = new GeneratorPage(page);
    await gen.goto(STREAM);
    await gen.field('limit-input').fill('10');
    await gen.setRate('100');
    await gen.sendButton.click();
    await expect(gen.status).toContainText('Completed', { timeout: 20_000 });
    expect(await gen.counter('acknowledged')).toBe(10);
    const detail = new StreamDetailPage(page);
    await detail.open(`#/streams/${STREAM}`);
    await detail.waitActive();
    await detail.tab('Data viewer');
    await detail.readShard('shardId-000000000000');
    await expect(page.getByTestId('record-data-decoded')).toHaveCount(10);
    await detail.screenshot('aws-workshop-06-kinesalite-read');

    await expectSignedWithTheKeys(net, KINESALITE);
    const stored = await storedText(page);
    for (const s of SECRETS) expect(`${stored.local}${stored.session}${stored.idb}`).not.toContain(s);
  } finally {
    // The page's keep-alive connections would hold close() open until the test's timeout.
    (kinesalite as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise((resolve) => kinesalite.close(resolve));
  }
});
