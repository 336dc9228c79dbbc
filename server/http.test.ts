import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpRequestLike } from '../src/engine/protocol/http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Persister } from '../src/worker/persistence';
import { ALLOWED_HEADERS } from './access';
import { EXPOSE_HEADERS, heapLimitFor, MAX_REQUEST_BYTES, startEmulatorServer, type EmulatorServer } from './http';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One plain HTTP request (no SDK), so the test sees exactly what a browser or curl would. */
const raw = (url: string, method: string, headers: Record<string, string>, body?: Buffer | string) =>
  new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    // The server may answer (413) and close before a large body is fully written.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    );
    req.end(body);
  });

const kinesisHeaders = (op: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `Kinesis_20131202.${op}`,
});

describe('startEmulatorServer', () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, host: '127.0.0.1', stateDelayMs: 0 });
  });
  afterAll(() => server.close());

  it('listens on loopback and reports the port it bound', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('hands the engine lower-case headers, the path without its query, the query and the body bytes', async () => {
    let seen: HttpRequestLike | undefined;
    server.emulator.router.register({
      kind: 'rest',
      matches: (req) => req.path.startsWith('/echo'),
      handle: (req) => {
        seen = req;
        return { statusCode: 201, headers: { 'content-type': 'text/plain', 'x-echo': 'yes' }, body: 'made' };
      },
    });
    const res = await raw(
      `${server.url}/echo/a%20b?list-type=2&prefix=x%2Fy`,
      'PUT',
      { 'X-Custom-Header': 'V' },
      Buffer.from([0, 1, 255]),
    );
    expect(res.status).toBe(201);
    expect(res.headers['x-echo']).toBe('yes');
    expect(res.body).toBe('made');
    expect(seen?.method).toBe('PUT');
    expect(seen?.path).toBe('/echo/a%20b');
    expect(seen?.query).toEqual({ 'list-type': '2', prefix: 'x/y' });
    expect(seen?.headers['x-custom-header']).toBe('V');
    expect([...(seen?.body ?? [])]).toEqual([0, 1, 255]);
  });

  it('refuses any host but 127.0.0.1', async () => {
    await expect(startEmulatorServer({ port: 0, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(
      '127.0.0.1 only',
    );
  });

  const preflight = (url: string, origin: string, extra: Record<string, string> = {}) =>
    raw(url, 'OPTIONS', {
      origin,
      'access-control-request-headers': 'content-type,x-amz-target,authorization,x-made-up',
      'access-control-request-method': 'PATCH',
      ...extra,
    });

  it("answers a preflight from the console's own page with its fixed lists, whatever was asked, cacheable for ten minutes", async () => {
    const res = await preflight(server.url, 'http://localhost:5173');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['vary']).toBe('Origin');
    expect(res.headers['access-control-allow-headers']).toBe(ALLOWED_HEADERS);
    expect(ALLOWED_HEADERS.split(',')).toEqual(expect.arrayContaining(['authorization', 'x-amz-target', 'x-amz-security-token', 'x-amz-checksum-mode']));
    expect(ALLOWED_HEADERS).not.toContain('x-made-up');
    expect(res.headers['access-control-allow-methods']).toBe('GET,HEAD,PUT,POST,DELETE');
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("serves the console's origins on 127.0.0.1 and localhost, on its ports and on the server's own", async () => {
    for (const origin of [
      'http://127.0.0.1:5173',
      'http://127.0.0.1:5174',
      'http://localhost:4173',
      `http://127.0.0.1:${server.port}`,
      `http://localhost:${server.port}`,
    ])
      expect((await preflight(server.url, origin)).headers['access-control-allow-origin']).toBe(origin);
  });

  it('refuses a preflight from any other origin with 403 and no CORS headers', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'https://localhost:5173', 'null']) {
      const res = await preflight(server.url, origin);
      expect(res.status).toBe(403);
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('refuses the request itself from another origin with AccessDeniedException, before the engine sees it', async () => {
    const res = await raw(
      server.url,
      'POST',
      { ...kinesisHeaders('CreateStream'), origin: 'https://evil.example' },
      JSON.stringify({ StreamName: 'planted', ShardCount: 1 }),
    );
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(JSON.parse(res.body)).toEqual({
      __type: 'AccessDeniedException',
      message: 'Requests from a page on https://evil.example are not allowed; start the emulator with --cors-origin https://evil.example to allow them.',
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const list = await raw(
      server.url,
      'POST',
      {
        ...kinesisHeaders('ListStreams'),
        authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
        'x-amz-date': '20260101T000000Z',
      },
      '{}',
    );
    expect(JSON.parse(list.body).StreamNames).not.toContain('planted');
  });

  it('lets an allowed page read the AWS headers of an answer', async () => {
    const res = await raw(
      server.url,
      'POST',
      { ...kinesisHeaders('NoSuchThing'), origin: 'http://localhost:5173' },
      '{}',
    );
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toBe(EXPOSE_HEADERS);
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/]{96}$/);
  });

  it("answers Chrome's Private Network Access preflight for an allowed page only", async () => {
    const pna = { 'access-control-request-private-network': 'true' };
    const allowed = await preflight(server.url, 'http://127.0.0.1:4173', pna);
    expect(allowed.headers['access-control-allow-private-network']).toBe('true');
    const foreign = await preflight(server.url, 'https://evil.example', pna);
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-private-network']).toBeUndefined();
    const notAsked = await preflight(server.url, 'http://127.0.0.1:4173');
    expect(notAsked.headers['access-control-allow-private-network']).toBeUndefined();
  });

  it('refuses a request addressed to another host name (DNS rebinding) with 403, Origin or not', async () => {
    const refused: Record<string, string>[] = [{ host: `evil.example:${server.port}` }, { host: 'evil.example', origin: 'http://127.0.0.1:5173' }];
    for (const headers of refused) {
      const res = await raw(server.url, 'POST', { ...kinesisHeaders('ListStreams'), ...headers }, '{}');
      expect(res.status).toBe(403);
      expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const rebound = await preflight(server.url, 'http://127.0.0.1:5173', { host: 'evil.example' });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['access-control-allow-origin']).toBeUndefined();
    // Either loopback name, in any case, with this server's port.
    for (const host of [`localhost:${server.port}`, `LOCALHOST:${server.port}`, `127.0.0.1:${server.port}`])
      expect((await raw(server.url, 'POST', { ...kinesisHeaders('NoSuchThing'), host }, '{}')).status).toBe(400);
    expect((await raw(server.url, 'POST', { ...kinesisHeaders('NoSuchThing'), host: 'localhost:1' }, '{}')).status).toBe(403);
  });

  it('answers an S3 request from a foreign page with S3\'s AccessDenied document', async () => {
    const res = await raw(`${server.url}/bucket/key`, 'GET', {
      origin: 'https://evil.example',
      authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
    });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(res.body).toContain('<Code>AccessDenied</Code>');
  });

  it('keeps the Content-Length a HEAD answer gives (the size a GET would send), and lets a page read ETag', async () => {
    server.emulator.router.register({
      kind: 'rest',
      matches: (req) => req.path.startsWith('/head-size'),
      handle: () => ({ statusCode: 200, headers: { 'content-length': '1234', etag: '"abc"' }, body: '' }),
    });
    const res = await raw(`${server.url}/head-size`, 'HEAD', { origin: 'http://localhost:5173' });
    expect(res.headers['content-length']).toBe('1234');
    expect(res.headers['etag']).toBe('"abc"');
    expect(String(res.headers['access-control-expose-headers']).split(',')).toEqual(expect.arrayContaining(['ETag', 'Content-Range']));
  });

  it('sends no CORS headers to a caller without an Origin', async () => {
    const res = await raw(server.url, 'POST', kinesisHeaders('NoSuchThing'), '{}');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toBeUndefined();
  });

  it('answers an operation it does not know with UnknownOperationException', async () => {
    const res = await raw(server.url, 'POST', kinesisHeaders('NoSuchThing'), '{}');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(res.body)).toEqual({ __type: 'UnknownOperationException' });
  });

  it('refuses a body over 7 MiB with 413 and keeps serving', async () => {
    const big = Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x61);
    const res = await raw(server.url, 'POST', kinesisHeaders('PutRecords'), big);
    expect(res.status).toBe(413);
    expect(res.body).toBe('');
    const after = await raw(server.url, 'POST', kinesisHeaders('NoSuchThing'), '{}');
    expect(after.status).toBe(400);
  });

  it('passes a body of exactly 7 MiB on to the engine', async () => {
    const body = Buffer.alloc(MAX_REQUEST_BYTES, 0x20);
    const res = await raw(server.url, 'POST', kinesisHeaders('NoSuchThing'), body);
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
  });
});

/** A request that sends headers and `sent` bytes of a `declared`-byte body, then stalls until `abort()`. */
const stalled = (url: string, declared: number, sent: number) => {
  const req = httpRequest(url, {
    method: 'POST',
    headers: { ...kinesisHeaders('PutRecords'), 'content-length': String(declared) },
    agent: false,
  });
  const response = new Promise<RawResponse>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
  });
  req.on('error', () => {});
  req.write(Buffer.alloc(sent, 0x20));
  return { response, abort: () => req.destroy() };
};

describe('the emulator server under careless clients', () => {
  const MiB = 1024 * 1024;

  it('refuses a body that would take bodies in flight past the budget with a retryable 503, and frees the budget when a client leaves', async () => {
    const server = await startEmulatorServer({ port: 0, bodyBudgetBytes: 3 * MiB });
    try {
      const first = stalled(server.url, 7 * MiB, 2 * MiB);
      await new Promise((r) => setTimeout(r, 200));
      const second = stalled(server.url, 7 * MiB, 2 * MiB);
      const refused = await second.response;
      expect(refused.status).toBe(503);
      expect(refused.headers['x-amzn-errortype']).toBe('ServiceUnavailable');
      expect(refused.headers['retry-after']).toBe('1');
      expect(JSON.parse(refused.body).__type).toBe('ServiceUnavailable');
      first.abort();
      await new Promise((r) => setTimeout(r, 200));
      // With the stalled body gone, a full-size request fits again.
      const res = await raw(server.url, 'POST', kinesisHeaders('NoSuchThing'), Buffer.alloc(2 * MiB + 10, 0x20));
      expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    } finally {
      await server.close();
    }
  });

  it('answers 408 to a body that stops arriving, long before the five minutes Node would wait', async () => {
    const server = await startEmulatorServer({ port: 0, bodyTimeoutMs: 300 });
    try {
      const { response } = stalled(server.url, 1000, 10);
      const res = await response;
      expect(res.status).toBe(408);
      expect(JSON.parse(res.body)).toEqual({
        __type: 'RequestTimeoutException',
        message: 'The request body did not arrive within 0.3 seconds.',
      });
    } finally {
      await server.close();
    }
  });

  it('keeps record bytes under its cap by dropping the oldest records, and says so', async () => {
    const lines: string[] = [];
    const server = await startEmulatorServer({ port: 0, stateDelayMs: 0, maxRecordBytes: 2 * MiB, log: (l) => lines.push(l) });
    const headers = { ...kinesisHeaders('CreateStream'), authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=x', 'x-amz-date': '20260101T000000Z' };
    try {
      await raw(server.url, 'POST', headers, JSON.stringify({ StreamName: 'cap', ShardCount: 4 }));
      await new Promise((r) => setTimeout(r, 50));
      const data = Buffer.alloc(1000, 7).toString('base64');
      const batch = JSON.stringify({ StreamName: 'cap', Records: Array.from({ length: 100 }, (_, i) => ({ Data: data, PartitionKey: `k${i}` })) });
      for (let i = 0; i < 60; i++) {
        const res = await raw(server.url, 'POST', { ...headers, 'x-amz-target': 'Kinesis_20131202.PutRecords' }, batch);
        expect(res.status).toBe(200);
      }
      const usage = server.emulator.recordUsage();
      expect(usage.bytes).toBeLessThanOrEqual(2 * MiB);
      expect(usage.records).toBeLessThan(6000);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines[0]).toMatch(/^over the cap of 2 MiB of stored data: dropped the oldest [\d,]+ Kinesis records/);
    } finally {
      await server.close();
    }
  });
});

describe('startEmulatorServer with a data directory', () => {
  const signed = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0', 'x-amz-date': '20260101T000000Z' };
  const call = (server: EmulatorServer, op: string, body: unknown) => raw(server.url, 'POST', { ...kinesisHeaders(op), ...signed }, JSON.stringify(body));
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'kwc-server-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('answers a change after saving it, not a read, and a restarted server has it, its clock not behind', async () => {
    const dir = tempDir();
    const a = await startEmulatorServer({ stateDelayMs: 0, dataDir: dir, log: () => {} });
    expect(a.recovered).toMatchObject({ dir, records: 0, streams: 0 });
    expect((await call(a, 'CreateStream', { StreamName: 's', ShardCount: 1 })).status).toBe(200);
    const saved = a.saves!();
    expect(saved).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(JSON.parse((await call(a, 'DescribeStreamSummary', { StreamName: 's' })).body).StreamDescriptionSummary.StreamStatus).toBe('ACTIVE'));
    const put = JSON.parse((await call(a, 'PutRecord', { StreamName: 's', PartitionKey: 'k', Data: 'a2VwdA==' })).body);
    const before = a.saves!();
    await call(a, 'ListStreams', {});
    expect(a.saves!()).toBe(before);
    const stoppedAt = a.emulator.ctx.clock.now();
    await a.close();

    const b = await startEmulatorServer({ stateDelayMs: 0, dataDir: dir, log: () => {} });
    try {
      expect(b.recovered).toMatchObject({ dir, records: 1, streams: 1 });
      expect(b.emulator.ctx.clock.now()).toBeGreaterThanOrEqual(stoppedAt);
      const it = JSON.parse((await call(b, 'GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: put.SequenceNumber })).body);
      expect(JSON.parse((await call(b, 'GetRecords', it)).body).Records).toEqual([expect.objectContaining({ SequenceNumber: put.SequenceNumber, Data: 'a2VwdA==', PartitionKey: 'k' })]);
    } finally {
      await b.close();
    }
  });

  it("answers 500 InternalFailure in AWS's envelope when the save fails, and says so in the log", async () => {
    const lines: string[] = [];
    const server = await startEmulatorServer({ stateDelayMs: 0, dataDir: tempDir(), log: (l) => lines.push(l) });
    const save = vi.spyOn(Persister.prototype, 'save').mockRejectedValueOnce(new Error('No space left on device'));
    try {
      const res = await call(server, 'CreateStream', { StreamName: 's', ShardCount: 1 });
      expect(res.status).toBe(500);
      expect(res.headers['x-amzn-errortype']).toBe('InternalFailure');
      expect(JSON.parse(res.body)).toEqual({ __type: 'InternalFailure', message: 'The change could not be saved to the data directory; it may be lost if the server stops.' });
      expect(lines).toEqual([expect.stringMatching(/^emulator: saving to .+ failed; the requests waiting for it were answered 500 InternalFailure: No space left on device$/)]);
      // The next save carries the change.
      expect((await call(server, 'ListStreams', {})).body).toContain('"s"');
      expect((await call(server, 'AddTagsToStream', { StreamName: 's', Tags: { a: 'b' } })).status).toBe(200);
    } finally {
      save.mockRestore();
      await server.close();
    }
  });

  it('refuses a directory another server uses', async () => {
    const dir = tempDir();
    const a = await startEmulatorServer({ dataDir: dir, log: () => {} });
    try {
      await expect(startEmulatorServer({ dataDir: dir, log: () => {} })).rejects.toThrow(`${dir} is in use by another emulator server`);
    } finally {
      await a.close();
    }
  });
});

describe('heapLimitFor', () => {
  it('gives the server a heap of three times its record cap plus room for the rest, at least 1 GiB', () => {
    expect(heapLimitFor(256 * 1024 * 1024)).toBe(1024);
    expect(heapLimitFor(1024 * 1024 * 1024)).toBe(3 * 1024 + 256);
  });
});

describe('startEmulatorServer timed work', () => {
  it("runs the modules' timed work without a request: a new stream turns ACTIVE on its own, and close() stops it", async () => {
    const server = await startEmulatorServer({ stateDelayMs: 20 });
    const auth = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0', 'x-amz-date': '20260101T000000Z' };
    const created = await raw(server.url, 'POST', { ...kinesisHeaders('CreateStream'), ...auth }, '{"StreamName":"s","ShardCount":1}');
    expect(created.status).toBe(200);
    // Read from the store as it is, without a request (a request would resolve the state change itself).
    const status = () => [...server.emulator.kinesis.store.streams.values()][0]?.StreamStatus;
    await vi.waitFor(() => expect(status()).toBe('ACTIVE'));
    await server.close();
  });
});

describe('npm run emulator', () => {
  const entry = fileURLToPath(new URL('./emulator.ts', import.meta.url));
  const run = (args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const firstLine = (child: ReturnType<typeof run>) =>
    new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) resolve(out.slice(0, nl));
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before printing a line: ${out}`)));
    });
  const exitCode = (child: ReturnType<typeof run>) =>
    new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
    );

  // Each spawns Node with tsx, which takes seconds on a busy machine.
  it('prints the URL it listens on, serves, and exits cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const child = run(['--port', '0', '--state-delay-ms', '10']);
    try {
      const line = await firstLine(child);
      expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = line.slice('listening on '.length);
      const res = await raw(url, 'POST', kinesisHeaders('NoSuchThing'), '{}');
      expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
      child.kill('SIGTERM');
      expect(await exitCode(child)).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('explains its options with --help and rejects a bad port', { timeout: 60_000 }, async () => {
    const help = run(['--help']);
    let out = '';
    help.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    expect(await exitCode(help)).toBe(0);
    expect(out).toContain('--state-delay-ms N');
    expect(out).toContain('--no-throttle');
    expect(out).toContain('--data-dir DIR');

    const bad = run(['--port', 'abc']);
    let err = '';
    bad.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exitCode(bad)).toBe(2);
    expect(err).toContain("--port must be a whole number, got 'abc'");
  });
});

describe('startEmulatorServer with corsOrigins (--cors-origin)', () => {
  const ask = (url: string, origin: string) =>
    raw(url, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' });

  it('serves the named origins besides the console\'s own, and no others', async () => {
    const server = await startEmulatorServer({ port: 0, corsOrigins: ['http://workshop.test:8080', 'https://Console.Example/'] });
    try {
      expect((await ask(server.url, 'http://workshop.test:8080')).headers['access-control-allow-origin']).toBe('http://workshop.test:8080');
      expect((await ask(server.url, 'https://console.example')).headers['access-control-allow-origin']).toBe('https://console.example');
      expect((await ask(server.url, 'http://127.0.0.1:5173')).headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
      expect((await ask(server.url, 'http://workshop.test:8081')).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it("serves every origin with '*' only when '*' is named", async () => {
    const open = await startEmulatorServer({ port: 0, corsOrigins: ['*'] });
    try {
      const res = await ask(open.url, 'https://anywhere.example');
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      // The Host check still holds: '*' widens who may read, not which name the server answers to.
      const rebound = await raw(open.url, 'POST', { ...kinesisHeaders('ListStreams'), host: 'evil.example' }, '{}');
      expect(rebound.status).toBe(403);
    } finally {
      await open.close();
    }
    const closed = await startEmulatorServer({ port: 0 });
    try {
      expect((await ask(closed.url, 'https://anywhere.example')).status).toBe(403);
    } finally {
      await closed.close();
    }
  });
});
