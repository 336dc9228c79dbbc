import { expect, test } from '@playwright/test';
import { ConnectionPanel } from './pages/connection';
import { startEmulatorServer } from './emulatorServer';
import { GeneratorPage } from './pages/generator';
import { MonitoringPage } from './pages/monitoring';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';
import { isPageLocal } from './pages/origin';

// AWS mode against an AWS-compatible endpoint: the console's own emulator server on 127.0.0.1.
const SERVER_PORT = Number(process.env.E2E_SERVER_PORT ?? 4599);
const ENDPOINT = `http://127.0.0.1:${SERVER_PORT}`;
// Nothing listens here (the server above is the only one this test starts).
const DEAD_ENDPOINT = `http://127.0.0.1:${process.env.E2E_DEAD_PORT ?? SERVER_PORT - 1}`;
const STREAM = 'endpoint-stream';
const KEYS = { accessKeyId: 'AKIAE2EEXAMPLE', secretAccessKey: 'e2e-secret-not-real' };

const allowed = (url: string) => isPageLocal(url, `${ENDPOINT}/`, `${DEAD_ENDPOINT}/`);

let server: Awaited<ReturnType<typeof startEmulatorServer>> | undefined;

test.beforeAll(async () => {
  server = await startEmulatorServer(SERVER_PORT);
});

test.afterAll(() => server?.stop());

test('the console drives an AWS-compatible endpoint with typed-in keys, and switches back to the emulator', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const list = new StreamsListPage(page);
  const conn = new ConnectionPanel(page);

  await list.goto();
  await expect(conn.indicator).toHaveText('Emulated');
  await expect(conn.clockMenu).toBeVisible();
  await conn.screenshot('aws-01-topbar-emulated');

  await conn.openSettings();
  await conn.screenshot('aws-02-settings-emulated');

  // Keys are required, and the endpoint must be an http(s) URL.
  await conn.chooseMode('AWS');
  await page.getByTestId('connection-test').click();
  await expect(conn.panel).toContainText('Enter an access key id.');
  await expect(conn.panel).toContainText('Enter the secret access key.');
  await conn.fillAws({ ...KEYS, region: 'us-east-1', endpoint: `127.0.0.1:${SERVER_PORT}` });
  await expect(conn.panel).toContainText('The endpoint must start with http:// or https://.');

  // Nothing listening: a clear network error naming the endpoint.
  await conn.field('connection-endpoint').fill(DEAD_ENDPOINT);
  await conn.testConnection();
  await expect(conn.result).toContainText('No service answered');
  await expect(conn.serviceResult('kinesis')).toContainText('NetworkError');
  await expect(conn.serviceResult('kinesis')).toContainText(`No answer from ${DEAD_ENDPOINT}.`);
  // The page tried the address without CORS: nothing answered there at all.
  await expect(conn.result).toContainText(`Nothing answers at ${DEAD_ENDPOINT}: check that the server is running`);
  // The command in the hint reads as code, not as raw backticks.
  await expect(conn.result.locator('code', { hasText: 'npm run emulator' })).toBeVisible();
  await expect(conn.panel).not.toContainText('`');
  await conn.screenshot('aws-03-settings-network-error');

  // The emulator server answers ListStreams.
  await conn.field('connection-endpoint').fill(ENDPOINT);
  await conn.testConnection();
  await expect(conn.result).toContainText('Connection works');
  await expect(conn.serviceResult('kinesis')).toContainText('ListStreams answered, 0 streams in us-east-1.');
  await conn.screenshot('aws-04-settings-aws-ok');
  await conn.save();

  await expect(conn.indicator).toHaveText(`Endpoint · 127.0.0.1:${SERVER_PORT}`);
  // The emulator's clock means nothing for another endpoint.
  await expect(conn.clockMenu).toHaveCount(0);
  await expect(list.table).toContainText('No data streams');
  await conn.screenshot('aws-05-topbar-endpoint');

  // Create a stream through the UI: the CLI command names the region and the endpoint.
  await list.startCreate();
  await list.fillCreate(STREAM, 1);
  await expect(list.createCli).toContainText(
    `aws kinesis create-stream --stream-name ${STREAM} --shard-count 1 --region us-east-1 --endpoint-url ${ENDPOINT}`,
  );
  await list.submitCreate();
  // Create opens the new stream's page: wait for it there (going to the list first races that navigation).
  await new StreamDetailPage(page).waitActive(30_000);
  await list.goto();

  // The emulator inside the page never saw it: the calls went to the server.
  await conn.switchToEmulated();
  await expect(conn.clockMenu).toBeVisible();
  await expect(list.table).toContainText('No data streams');
  await expect(list.status(STREAM)).toHaveCount(0);

  // Back to the endpoint (the keys were kept in memory): the stream is there.
  await conn.openSettings();
  await conn.chooseMode('AWS');
  await expect(conn.field('connection-endpoint')).toHaveValue(ENDPOINT);
  await expect(conn.field('connection-access-key-id')).toHaveValue(KEYS.accessKeyId);
  await conn.save();
  await expect(conn.indicator).toHaveText(`Endpoint · 127.0.0.1:${SERVER_PORT}`);
  await expect(list.status(STREAM)).toHaveText(/ACTIVE/);

  // The generator (in its own worker) and the Monitoring page (CloudWatch) follow the connection.
  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await expect(gen.cli).toContainText(`--region us-east-1 --endpoint-url ${ENDPOINT}`);
  await gen.field('limit-input').fill('50');
  await gen.setRate('100');
  await gen.sendButton.click();
  await expect(gen.status).toContainText('Completed', { timeout: 15_000 });
  expect(await gen.counter('acknowledged')).toBe(50);
  const monitoring = new MonitoringPage(page);
  await monitoring.goto(STREAM);
  await expect
    .poll(async () => (await monitoring.refresh(), monitoring.incomingRecordsSum()), { timeout: 15_000 })
    .toBe(50);

  // Nothing was kept in storage unless asked.
  const storage = () =>
    page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
  expect(await storage()).toEqual({
    local: expect.not.stringContaining(KEYS.secretAccessKey),
    session: expect.not.stringContaining(KEYS.secretAccessKey),
  });

  // "Remember for this browser tab": a reload keeps the connection (session storage, never local storage).
  await conn.openSettings();
  await page.getByTestId('connection-remember').locator('input').check();
  await conn.save();
  await page.reload();
  await expect(conn.indicator).toHaveText(`Endpoint · 127.0.0.1:${SERVER_PORT}`);
  await list.goto();
  await expect(list.status(STREAM)).toHaveText(/ACTIVE/);
  expect(await storage()).toEqual({
    local: expect.not.stringContaining(KEYS.secretAccessKey),
    session: expect.stringContaining(KEYS.secretAccessKey),
  });
  // Back to the emulator forgets them.
  await conn.switchToEmulated();
  expect((await storage()).session).not.toContain(KEYS.secretAccessKey);

  expect(requests.filter((u) => !allowed(u))).toEqual([]);
  expect(requests.some((u) => u.startsWith(`${ENDPOINT}/`))).toBe(true);
});

test("a real region's answer: AWS's error type and message for unknown keys, and the region in the top bar", async ({
  page,
}) => {
  // No request may leave the machine: the test answers for AWS, as AWS answers an unknown access
  // key (HTTP 400, UnrecognizedClientException), with the CORS headers AWS sends to a page.
  const AWS_HOSTS = /^https:\/\/[a-z0-9]+\.us-west-2\.amazonaws\.com\//;
  const answered: string[] = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-expose-headers': 'x-amzn-RequestId, x-amzn-ErrorType',
  };
  await page.route(AWS_HOSTS, async (route) => {
    answered.push(route.request().url());
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 200, headers: cors });
    // S3 says it in XML, with its own error code.
    if (route.request().url().startsWith('https://s3.'))
      return route.fulfill({
        status: 403,
        headers: { ...cors, 'content-type': 'application/xml' },
        body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>AKIAE2EEXAMPLE</AWSAccessKeyId><RequestId>0000000000000000</RequestId></Error>',
      });
    return route.fulfill({
      status: 400,
      headers: {
        ...cors,
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': '8d6a7f2e-0000-4000-8000-000000000000',
      },
      body: JSON.stringify({
        __type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      }),
    });
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const list = new StreamsListPage(page);
  const conn = new ConnectionPanel(page);

  await list.goto();
  await conn.openSettings();
  await conn.fillAws({ ...KEYS, region: 'us-west-2' });
  await conn.testConnection();
  await expect(conn.serviceResult('kinesis')).toContainText('UnrecognizedClientException');
  await expect(conn.serviceResult('kinesis')).toContainText('The security token included in the request is invalid.');
  await expect(conn.serviceResult('s3')).toContainText('InvalidAccessKeyId. The AWS Access Key Id you provided does not exist in our records.');
  // One hint for all five: the same cause.
  await expect(page.getByTestId('connection-test-hint')).toHaveText(['AWS does not know this access key id: check it for typos, and that the key is still active in IAM.']);
  await conn.screenshot('aws-06-settings-unrecognized-client');
  await conn.save();
  await expect(conn.indicator).toHaveText('AWS · us-west-2');
  await expect(conn.clockMenu).toHaveCount(0);
  // The Streams page shows the same error from its own ListStreams.
  await expect(list.table).toContainText(
    'UnrecognizedClientException: The security token included in the request is invalid.',
  );
  await conn.screenshot('aws-07-topbar-aws-region');

  expect(answered.length).toBeGreaterThan(0);
  const outside = requests.filter((u) => !isPageLocal(u));
  // Every request that was not for the page itself went to the route above, never to the network.
  expect(outside.filter((u) => !AWS_HOSTS.test(u))).toEqual([]);
});
