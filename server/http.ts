/**
 * The emulator as a Node HTTP server on 127.0.0.1: the AWS CLI, other SDKs, a page on another
 * origin and the conformance tests reach the same engine the browser runs in its worker.
 * This file is transport only (body, CORS, size limit); every answer comes from `Emulator.handle`.
 */
import { randomFillSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../src/engine/common/clock';
import { Emulator, type EmulatorConfig } from '../src/engine/emulator';
import type { HttpRequestLike } from '../src/engine/protocol/http';
import { Scheduler, type SchedulerTimers } from '../src/engine/scheduler';

/** Bodies above this are refused with 413 before they reach the engine (kinesalite and AWS cut off at 7 MiB). */
export const MAX_REQUEST_BYTES = 7 * 1024 * 1024;

/** The response headers a browser page may read (the list kinesalite and AWS send). */
export const EXPOSE_HEADERS =
  'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date';

/** How long a browser may cache a preflight answer: two days, like kinesalite. */
export const PREFLIGHT_MAX_AGE_SECONDS = 172800;

export interface EmulatorServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Only loopback is supported: the server is a local tool, never exposed. */
  host?: '127.0.0.1';
  /** How long CREATING/UPDATING/DELETING last. */
  stateDelayMs?: number;
  clock?: Clock;
  /** Anything else the engine takes (rng, options, account id). */
  emulator?: Omit<EmulatorConfig, 'clock'>;
}

export interface EmulatorServer {
  /** `http://127.0.0.1:<port>` with the port actually bound. */
  readonly url: string;
  readonly port: number;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

/**
 * `x-amz-id-2`, an opaque 72-byte token AWS sends with every answer, cut from a pool of random bytes:
 * a randomBytes(72) call per request cost ~75 us of a ~2 ms PutRecords answer (profiled).
 */
const ID2_BYTES = 72;
const ID2_POOL = 256;
let id2Pool = Buffer.alloc(ID2_BYTES * ID2_POOL);
let id2Next = ID2_POOL;
const nextId2 = (): string => {
  if (id2Next === ID2_POOL) {
    id2Pool = randomFillSync(Buffer.alloc(ID2_BYTES * ID2_POOL));
    id2Next = 0;
  }
  const start = ID2_BYTES * id2Next++;
  return id2Pool.toString('base64', start, start + ID2_BYTES);
};

/** Node's timers, not keeping the process alive on their own. */
const nodeTimers: SchedulerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const parseQuery = (search: string): Record<string, string> => {
  const query: Record<string, string> = {};
  if (search) for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  return query;
};

/** Node's header object in the engine's shape: lower-case names, repeated headers joined. */
const plainHeaders = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
};

const splitUrl = (url: string): { path: string; search: string } => {
  const q = url.indexOf('?');
  return q < 0
    ? { path: url || '/', search: '' }
    : { path: url.slice(0, q) || '/', search: url.slice(q + 1) };
};

export const startEmulatorServer = async (options: EmulatorServerOptions = {}): Promise<EmulatorServer> => {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the emulator server listens on 127.0.0.1 only');
  const emulator = new Emulator({
    ...options.emulator,
    clock: options.clock,
    options: {
      ...options.emulator?.options,
      ...(options.stateDelayMs !== undefined ? { stateDelayMs: options.stateDelayMs } : {}),
    },
  });

  // The modules' timed work (streams turning ACTIVE, retention) runs as emulated time passes.
  const scheduler = new Scheduler(
    (now) => emulator.advance(now, (module, e) => console.error(`emulator: the ${module} service failed in its timed work; trying again in 1 s:`, e)),
    emulator.ctx.clock,
    nodeTimers,
    (e) => console.error('emulator: the timed work failed; trying again in 1 s:', e),
  );
  scheduler.start();

  const send = (
    res: ServerResponse,
    statusCode: number,
    headers: Record<string, string>,
    body: Uint8Array | string,
  ) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader('content-length', bytes.byteLength);
    res.writeHead(statusCode);
    res.end(bytes);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      length += chunk.length;
      if (length > MAX_REQUEST_BYTES) {
        // Answer at once and close the connection afterwards; the rest of the body is read and dropped.
        refused = true;
        chunks.length = 0;
        res.setHeader('connection', 'close');
        if (req.headers.origin) res.setHeader('access-control-allow-origin', '*');
        send(res, 413, {}, '');
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      const origin = req.headers.origin;
      const cors: Record<string, string> = {};
      if (origin) {
        cors['access-control-allow-origin'] = '*';
        if (req.method === 'OPTIONS') {
          const allowHeaders = req.headers['access-control-request-headers'];
          const allowMethods = req.headers['access-control-request-method'];
          if (allowHeaders) cors['access-control-allow-headers'] = allowHeaders;
          if (allowMethods) cors['access-control-allow-methods'] = allowMethods;
          cors['access-control-max-age'] = String(PREFLIGHT_MAX_AGE_SECONDS);
          send(res, 200, cors, '');
          return;
        }
        cors['access-control-expose-headers'] = EXPOSE_HEADERS;
      }
      const { path, search } = splitUrl(req.url ?? '/');
      const request: HttpRequestLike = {
        method: req.method ?? 'GET',
        path,
        query: parseQuery(search),
        headers: plainHeaders(req),
        body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length),
      };
      emulator.handle(request).then(
        (r) => {
          if (!emulator.isReadOnly(request)) scheduler.poke();
          send(res, r.statusCode, { 'x-amz-id-2': nextId2(), ...r.headers, ...cors }, r.body);
        },
        (e: unknown) => {
          // The router turns every engine error into an AWS envelope; reaching here is a bug, reported as AWS does.
          const message = e instanceof Error ? e.message : String(e);
          send(
            res,
            500,
            { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InternalFailure', ...cors },
            JSON.stringify({ __type: 'InternalFailure', message }),
          );
        },
      );
    });
  };

  const server = createServer({ keepAlive: true }, handle);
  // The SDK keeps connections alive between calls; do not let Node cut them at 5 s under a slow test.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        scheduler.stop();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
};
