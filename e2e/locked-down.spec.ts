import { expect, test, type Page } from '@playwright/test';
import { startEmulatorServer } from './emulatorServer';
import { AnalyticsPage } from './pages/analytics';
import { ConnectionPanel } from './pages/connection';
import { everyPage, visit } from './pages/everyPage';
import { GeneratorPage } from './pages/generator';
import { isPageLocal } from './pages/origin';
import { S3Page } from './pages/s3';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { WORKSHOP_SQL, WORKSHOP_TEMPLATE } from './pages/workshop';

// The console locked down: a Content-Security-Policy that lets the page load nothing but its own
// files and call nothing but AWS and this machine, and credentials that never leave memory unless
// asked (and then only this tab's sessionStorage).

const STREAM = 'locked-stream';
const BUCKET = 'locked-bucket';
const APP = 'locked-app';

/** A policy's directives by name. */
const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

/** Sources that are the page itself, keywords, or the endpoints the console calls: no third party. */
const OWN_SOURCES = new Set([
  "'self'",
  "'none'",
  "'unsafe-inline'",
  'data:',
  'blob:',
  'https://*.amazonaws.com',
  'http://127.0.0.1:*',
  'http://localhost:*',
]);

test('the built page carries its Content-Security-Policy, and the preview server sends the same as a header', async ({ request }) => {
  // Read from the served file itself: no browser needed, nothing to wait for.
  const res = await request.get('/');
  const header = res.headers()['content-security-policy'];
  expect(header, 'the preview server sends a Content-Security-Policy header with the page').toBeTruthy();
  const html = await res.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
  expect(meta, 'the built index.html carries the policy in a <meta>').toBeTruthy();
  // Before any script or stylesheet of the page, so that it governs them all.
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.search(/<script|<link rel="(stylesheet|modulepreload)"/));

  const fromMeta = directives(meta!);
  const fromHeader = directives(header);
  for (const [name, values] of fromMeta) expect(fromHeader.get(name), name).toEqual(values);
  // Only a header can forbid framing (a <meta> policy may not say frame-ancestors).
  expect(fromHeader.get('frame-ancestors')).toEqual(["'none'"]);
  expect(fromMeta.has('frame-ancestors')).toBe(false);
  expect(fromMeta.get('script-src')).toEqual(["'self'"]);
  expect(fromMeta.get('connect-src')).toEqual(["'self'", 'https://*.amazonaws.com', 'http://127.0.0.1:*', 'http://localhost:*']);
  expect([...fromHeader.values()].flat().filter((s) => !OWN_SOURCES.has(s))).toEqual([]);

  // Scripts carry no policy of their own: a worker loaded from a URL would take it from its response.
  const script = /<script[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const js = await request.get(script!);
  expect(js.ok()).toBe(true);
  expect(js.headers()['content-security-policy']).toBeUndefined();
});

/** Every Content-Security-Policy complaint the page makes: its securitypolicyviolation events and Chromium's console lines. */
const watchPolicy = async (page: Page): Promise<string[]> => {
  const complaints: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|securitypolicyviolation|Refused to/i.test(m.text())) complaints.push(`${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return complaints;
};

test('in emulated mode every page, the code editors among them, loads nothing from elsewhere and breaks no rule of the policy', async ({ page }) => {
  test.setTimeout(420_000);
  const complaints = await watchPolicy(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  const streams = new StreamsListPage(page);
  await streams.open('#/create-stream');
  await expect(streams.nameInput()).toBeVisible({ timeout: 90_000 });
  await streams.fillCreate(STREAM, 1);
  await streams.submitCreate();
  // A busy machine may take a while to show the new stream's page at first.
  await new StreamDetailPage(page).waitActive(60_000);

  // The template editor (Monaco and its worker), and records for the application below.
  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await gen.setTemplate(WORKSHOP_TEMPLATE);
  await gen.setRate('20');
  await gen.sendButton.click();
  await expect.poll(() => gen.counter('acknowledged'), { timeout: 30_000 }).toBeGreaterThan(20);

  // The SQL editor on an application's page.
  const app = new AnalyticsPage(page);
  await app.create(APP);
  await app.discover(STREAM);
  await app.saveSource();
  await app.pasteSql(WORKSHOP_SQL);
  await expect(app.saveAndRun).toBeEnabled({ timeout: 15_000 });
  await expect(page.getByTestId('sql-editor').locator('.view-line').first()).toBeVisible();

  await new S3Page(page).createBucket(BUCKET);
  for (const v of everyPage(STREAM, BUCKET)) await test.step(v.hash, () => visit(page, v));

  expect(complaints).toEqual([]);
  expect(requests.filter((u) => !isPageLocal(u))).toEqual([]);
});

// AWS mode against the console's own emulator server, started here with this page's origin allowed.
const SERVER_PORT = 4613;
const ENDPOINT = `http://127.0.0.1:${SERVER_PORT}`;
const KEYS = {
  accessKeyId: 'AKIALOCKEDDOWN0E2E01',
  secretAccessKey: 'locked-down/e2e+secret-not-real',
  sessionToken: 'locked-down-session-token-not-real',
};

test('keys pasted or typed stay in memory: none in local storage, IndexedDB or a URL, every call signed; Forget clears them', async ({ page }) => {
  test.setTimeout(360_000);
  const server = await startEmulatorServer(SERVER_PORT);
  try {
    const urls: string[] = [];
    const toEndpoint: Promise<{ method: string; url: string; authorization?: string }>[] = [];
    page.on('request', (r) => {
      urls.push(r.url());
      if (r.url().startsWith(`${ENDPOINT}/`))
        toEndpoint.push(r.allHeaders().then((h) => ({ method: r.method(), url: r.url(), authorization: h.authorization })));
    });
    const list = new StreamsListPage(page);
    const conn = new ConnectionPanel(page);
    await list.goto();
    await conn.openSettings();

    // Pasted text that is no form of credentials: what was expected.
    await conn.pasteCredentials('my keys are in the drawer');
    await expect(page.getByTestId('connection-paste-field')).toContainText('Paste the output of aws configure export-credentials');
    await conn.screenshot('locked-01-paste-garbage', page.getByTestId('connection-paste-field'));

    // A credentials file with two profiles: the user chooses one; the pasted text is not kept on screen.
    await conn.pasteCredentials(
      '[default]\naws_access_key_id = AKIADEFAULTEXAMPLE00\naws_secret_access_key = default-secret\n\n[lab]\r\naws_access_key_id = AKIALABEXAMPLE000000\r\naws_secret_access_key = lab-secret\r\nregion = eu-west-1\r\n',
    );
    await expect(conn.paste).toHaveValue('');
    await conn.screenshot('locked-02-paste-profiles', page.getByTestId('connection-paste-field'));
    await conn.choose('connection-paste-profile', /^lab/);
    await expect(conn.field('connection-access-key-id')).toHaveValue('AKIALABEXAMPLE000000');
    await expect(conn.field('connection-secret-access-key')).toHaveValue('lab-secret');
    await expect(page.getByTestId('connection-region')).toContainText('eu-west-1');
    await expect(page.getByTestId('connection-paste-result')).toContainText('Filled in from profile [lab]: access key AKIALABEXAMPLE000000.');

    // `aws configure export-credentials --format env`.
    await conn.pasteCredentials(
      `export AWS_ACCESS_KEY_ID=${KEYS.accessKeyId}\nexport AWS_SECRET_ACCESS_KEY=${KEYS.secretAccessKey}\nexport AWS_SESSION_TOKEN=${KEYS.sessionToken}\nexport AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n`,
    );
    await expect(conn.field('connection-access-key-id')).toHaveValue(KEYS.accessKeyId);
    await expect(conn.field('connection-session-token')).toHaveValue(KEYS.sessionToken);
    await expect(page.getByTestId('connection-paste-result')).toContainText('with a session token, valid until 2030-01-01T00:00:00+00:00');
    await conn.screenshot('locked-03-paste-env', page.getByTestId('connection-paste-field'));

    // An endpoint that is not an http(s) URL is refused at the field, and Save does nothing.
    await conn.field('connection-endpoint').fill('javascript:alert(1)');
    await expect(conn.panel).toContainText('The endpoint must start with http:// or https://.');
    await page.getByTestId('connection-save').click();
    await expect(conn.panel).toBeVisible();

    // Typed keys, to the emulator server.
    await conn.fillAws({ ...KEYS, region: 'us-east-1', endpoint: ENDPOINT });
    await conn.testConnection();
    await expect(conn.result).toContainText('Connection works');
    await conn.screenshot('locked-04-connected');
    await conn.save();
    await expect(conn.indicator).toHaveText(`Endpoint · 127.0.0.1:${SERVER_PORT}`);
    await list.startCreate();
    await list.fillCreate(STREAM, 1);
    await list.submitCreate();
    // Create opens the new stream's page: wait for it there (going to the list first races that navigation).
    await new StreamDetailPage(page).waitActive(30_000);

    const kept = await storedText(page);
    for (const secret of Object.values(KEYS)) {
      expect(kept.local, 'local storage').not.toContain(secret);
      expect(kept.session, 'session storage (not asked to remember)').not.toContain(secret);
      expect(kept.indexedDb, 'IndexedDB').not.toContain(secret);
      expect(urls.filter((u) => u.includes(secret) || u.includes(encodeURIComponent(secret))), 'request URLs').toEqual([]);
    }
    const calls = (await Promise.all(toEndpoint)).filter((c) => c.method !== 'OPTIONS');
    expect(calls.length).toBeGreaterThan(2);
    for (const c of calls) expect(c.authorization, `${c.method} ${c.url}`).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEYS.accessKeyId}/`));

    // Remembered for the tab, then forgotten: memory and sessionStorage at once.
    await conn.openSettings();
    await page.getByTestId('connection-remember').locator('input').check();
    await conn.save();
    await page.reload();
    await expect(conn.indicator).toHaveText(`Endpoint · 127.0.0.1:${SERVER_PORT}`);
    expect((await storedText(page)).session).toContain(KEYS.secretAccessKey);
    await conn.openSettings();
    await conn.forget();
    const after = await storedText(page);
    for (const secret of Object.values(KEYS)) expect(JSON.stringify(after)).not.toContain(secret);
    await expect(conn.field('connection-access-key-id')).toHaveValue('');
    await expect(conn.field('connection-secret-access-key')).toHaveValue('');
    await conn.screenshot('locked-05-forgotten');
    await page.getByRole('button', { name: 'Close connection settings' }).click();
    await expect(conn.indicator).toHaveText('Emulated');
    // Nothing left to bring back in AWS mode either.
    await conn.openSettings();
    await conn.chooseMode('AWS');
    await expect(conn.field('connection-access-key-id')).toHaveValue('');

    expect(urls.filter((u) => !isPageLocal(u, `${ENDPOINT}/`))).toEqual([]);
  } finally {
    server.stop();
  }
});

/** Everything the page keeps: local and session storage, and every IndexedDB database's names, keys and values, as text. */
const storedText = (page: Page) =>
  page.evaluate(async () => {
    const text = (v: unknown) =>
      JSON.stringify(v, (_k, x: unknown) =>
        ArrayBuffer.isView(x) ? new TextDecoder().decode(x) : x instanceof ArrayBuffer ? new TextDecoder().decode(x) : x,
      );
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const parts: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      parts.push(name);
      const db = await request(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const s = db.transaction(store, 'readonly').objectStore(store);
        parts.push(store, text(await request(s.getAllKeys())), text(await request(s.getAll())));
      }
      db.close();
    }
    return { local: text({ ...localStorage }), session: text({ ...sessionStorage }), indexedDb: parts.join('\n') };
  });
