/**
 * The emulator as a Node HTTP server on 127.0.0.1: the AWS CLI, other SDKs, the console's page in
 * AWS mode and the conformance tests reach the same engine the browser runs in its worker.
 * This file is transport only (body, access, CORS, size limit, durability); every answer comes from
 * `Emulator.handle`. Who may call is decided in access.ts. With a data directory, a request that may
 * change state is answered only after its change is on disk: concurrent requests share one save
 * (`GroupCommit`), written to an fsync'd log (`fileStorage.ts`) by the same `Persister` the page
 * uses for IndexedDB.
 */
import { randomFillSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import { Duplex } from 'node:stream';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { ScaledClock, type Clock } from '../src/engine/common/clock';
import { Emulator, type EmulatorConfig } from '../src/engine/emulator';
import type { HttpRequestLike } from '../src/engine/protocol/http';
import { GroupCommit } from '../src/worker/groupCommit';
import { Persister, SaveScheduler, type StoredClock } from '../src/worker/persistence';
import { CAP_LOW_WATER, DEFAULT_RECORD_CAP, droppedInWords, formatBytes } from '../src/worker/storageUnits';
import { Scheduler, type SchedulerTimers } from '../src/engine/scheduler';
import { DataDirError, FileStorage } from './fileStorage';
import { SUBSCRIBE_TARGET, SubscriptionHub } from './subscribe';
import { runTransformInThread } from './transformRunner';
import { xmlDocument } from '../src/engine/s3/xml';
import { accessPolicy, ALLOWED_HEADERS, ALLOWED_METHODS, ANY_ORIGIN, PREFLIGHT_MAX_AGE_SECONDS } from './access';

/** Bodies above this are refused with 413 before they reach the engine (kinesalite and AWS cut off at 7 MiB). */
export const MAX_REQUEST_BYTES = 7 * 1024 * 1024;

/**
 * The larger cut-off for S3 requests: the AWS CLI sends files up to 8 MiB in one PutObject (its
 * multipart threshold), with aws-chunked framing on top. S3 itself takes up to 5 GiB in one PUT.
 */
export const MAX_S3_REQUEST_BYTES = 16 * 1024 * 1024;

/** Whether a request is signed for S3 (`Credential=<key>/<date>/<region>/s3/aws4_request`). */
const isS3Request = (req: IncomingMessage): boolean => {
  const auth = req.headers.authorization ?? '';
  return /Credential=[^/\s]+\/\d{8}\/[^/]+\/s3\/aws4_request/.test(auth) || /%2Fs3%2Faws4_request/.test(req.url ?? '');
};

/**
 * Bytes of request bodies the server buffers at once, across every connection. Past it a request is
 * refused with 503 (which the SDKs retry) instead of growing the heap: 400 stalled 7 MiB bodies must
 * not take the server down.
 */
export const DEFAULT_BODY_BUDGET = 64 * 1024 * 1024;

/**
 * The V8 heap (MiB) a server with this record cap runs with: three times the cap plus room for the
 * rest. Records cost about 1.5 bytes of heap per byte of data, and V8 lets garbage grow towards its
 * limit before collecting it all, so the limit is what bounds the process's memory.
 */
export const heapLimitFor = (maxRecordBytes: number): number => Math.max(1024, Math.ceil((3 * maxRecordBytes) / (1024 * 1024)) + 256);

/** A request whose body has not fully arrived this long after it started is answered 408 and closed. */
export const DEFAULT_BODY_TIMEOUT_MS = 20_000;

/** The response headers a browser page may read (the list kinesalite and AWS send, and S3's ETag and Content-Range, which an S3 bucket's CORS rule must expose too). */
export const EXPOSE_HEADERS =
  'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date,ETag,Content-Range';

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
  /** The most record bytes (data + partition key) held; past it the oldest go. Default {@link DEFAULT_RECORD_CAP}. */
  maxRecordBytes?: number;
  /** Default {@link DEFAULT_BODY_BUDGET}. */
  bodyBudgetBytes?: number;
  /** Default {@link DEFAULT_BODY_TIMEOUT_MS}. */
  bodyTimeoutMs?: number;
  /** Where the server reports what it does on its own (records trimmed to the cap). Default: stdout. */
  log?: (line: string) => void;
  /**
   * Page origins allowed besides the console's own (`--cors-origin`); `'*'` allows any. The console's
   * origins (127.0.0.1 and localhost on its ports and on this server's port) are always allowed.
   */
  corsOrigins?: readonly string[];
  /**
   * Keeps the state in this directory (created if missing): restored on start, and every change a
   * request makes is on disk before the request is answered. Without it the state lives in memory.
   */
  dataDir?: string;
  /** Compaction floor of the data directory's logs (tests). */
  dataDirCompactMinBytes?: number;
}

/** What was read back from the data directory at start. */
export interface Recovered {
  /** The directory, as an absolute path. */
  dir: string;
  records: number;
  streams: number;
  ms: number;
  /** A torn or damaged last entry that was dropped (the server died while writing it; it was never acknowledged). */
  droppedTail?: string;
}

export interface EmulatorServer {
  /** `http://127.0.0.1:<port>` with the port actually bound. */
  readonly url: string;
  readonly port: number;
  readonly emulator: Emulator;
  /** With a data directory: what was restored from it. */
  readonly recovered?: Recovered;
  /** With a data directory: saves started so far (concurrent requests share one). */
  readonly saves?: () => number;
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

/** How an HTTP/2 connection starts (RFC 9113, 3.4); an HTTP/1.1 request never starts so. */
const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

/**
 * The socket as a plain stream that first replays the bytes already read from it. Node's HTTP/1.1
 * server takes them back through `unshift`; its HTTP/2 session reads the socket's handle directly
 * and would miss them, but reads a stream that is not a socket through its own stream wrapper.
 */
const replaying = (socket: Socket, seen: Buffer): Duplex => {
  const proxy = new Duplex({
    read: () => void socket.resume(),
    write: (chunk: Buffer, _enc, done) => void socket.write(chunk, done),
    final: (done) => void socket.end(done),
    destroy: (err, done) => {
      socket.destroy(err ?? undefined);
      done(err);
    },
  });
  socket.on('data', (d: Buffer) => {
    if (!proxy.push(d)) socket.pause();
  });
  socket.on('end', () => proxy.push(null));
  socket.on('close', () => proxy.destroy());
  proxy.push(seen);
  return proxy;
};

/**
 * Hands a new connection to `http1` or `http2` by its first bytes: Node's HTTP/2 server cannot fall back
 * to HTTP/1.1 without TLS, so one port serves both by looking before either reads.
 */
const routeByPreface = (socket: Socket, http1: { emit(e: 'connection', s: Socket): boolean }, http2: { emit(e: 'connection', s: Duplex): boolean }) => {
  let seen = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    seen = Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, HTTP2_PREFACE.length);
    const isHttp2 = seen.subarray(0, n).equals(HTTP2_PREFACE.subarray(0, n));
    if (isHttp2 && seen.length < HTTP2_PREFACE.length) return; // wait for the whole preface
    socket.off('data', onData);
    socket.pause();
    if (isHttp2) {
      http2.emit('connection', replaying(socket, seen));
      return;
    }
    socket.unshift(seen);
    http1.emit('connection', socket);
    socket.resume();
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
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
  // With a data directory time carries on from the saved state: a clock that can be moved forward.
  const clock = options.clock ?? (options.dataDir !== undefined ? new ScaledClock() : undefined);
  const emulator = new Emulator({
    ...options.emulator,
    clock,
    hooks: {
      // Transformation functions run in worker threads; when one finishes, delivery carries on at once.
      runTransform: options.emulator?.hooks?.runTransform ?? runTransformInThread,
      wake: () => {
        options.emulator?.hooks?.wake?.();
        scheduler.poke();
      },
    },
    options: {
      ...options.emulator?.options,
      ...(options.stateDelayMs !== undefined ? { stateDelayMs: options.stateDelayMs } : {}),
    },
  });

  // The modules' timed work (streams turning ACTIVE, retention) runs as emulated time passes.
  const scheduler = new Scheduler(
    (now) => {
      const next = emulator.advance(now, (module, e) => console.error(`emulator: the ${module} service failed in its timed work; trying again in 1 s:`, e));
      // What the timed work changed (a stream turning ACTIVE, a delivery) is saved shortly after, with no request to wait for it.
      saver?.poke();
      return next;
    },
    emulator.ctx.clock,
    nodeTimers,
    (e) => console.error('emulator: the timed work failed; trying again in 1 s:', e),
  );
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const durable = options.dataDir === undefined ? undefined : await openDataDir(emulator, options.dataDir, log, options.dataDirCompactMinBytes);
  const commits = durable?.commits;
  const saver = commits && new SaveScheduler(() => commits.commit());
  scheduler.start();

  const send = (
    res: ServerResponse,
    statusCode: number,
    headers: Record<string, string>,
    body: Uint8Array | string,
  ) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    // A HEAD answer has no body but tells the size of the one GET would send (S3's HeadObject).
    if (!(res.req.method === 'HEAD' && headers['content-length'] !== undefined)) res.setHeader('content-length', bytes.byteLength);
    res.writeHead(statusCode);
    res.end(bytes);
  };

  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_RECORD_CAP;
  const bodyBudget = options.bodyBudgetBytes ?? DEFAULT_BODY_BUDGET;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  /** Body bytes being received right now, across connections. */
  let bodiesInFlight = 0;
  /** Body bytes accepted since the cap was last checked: a cheap bound on the record bytes added since. */
  let sinceCapCheck = 0;
  const capCheckEvery = Math.max(64 * 1024, Math.floor(maxRecordBytes * (1 - CAP_LOW_WATER)) / 2);
  const keepCap = () => {
    const trim = emulator.trimRecordsToCap(maxRecordBytes, Math.floor(maxRecordBytes * CAP_LOW_WATER));
    if (trim.records > 0)
      log(
        `over the cap of ${formatBytes(maxRecordBytes)} of stored data: dropped the oldest ${droppedInWords(trim.services)}, ` +
          `those that arrived before ${new Date(trim.before).toISOString()} (Firehose buffers are kept until delivered); --max-record-mb sets the cap`,
      );
  };

  /** An answer that ends the exchange early: the rest of the body is read and dropped, then the connection closes. */
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    statusCode: number,
    code: string,
    message: string,
    cors: Record<string, string> = {},
  ) => {
    if (req.httpVersionMajor < 2) res.setHeader('connection', 'close');
    if (statusCode === 413) return send(res, 413, cors, '');
    // S3 speaks XML; the other services answer in the awsJson envelope.
    if (isS3Request(req))
      return send(
        res,
        statusCode,
        { 'content-type': 'application/xml', ...cors },
        xmlDocument('Error', { Code: code === 'AccessDeniedException' ? 'AccessDenied' : code, Message: message }),
      );
    send(
      res,
      statusCode,
      {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': code,
        ...(statusCode === 503 ? { 'retry-after': '1' } : {}),
        ...cors,
      },
      JSON.stringify({ __type: code, message }),
    );
  };

  /** Set once the port is bound: the console's origins include this server's own. */
  let access = accessPolicy(options.port ?? 0, options.corsOrigins);

  /**
   * Why a request is refused before its body is read (a Host that is not this server on loopback,
   * or a page on an origin that is not allowed), or its CORS headers when it may go on.
   */
  const admit = (
    req: IncomingMessage,
  ): { refused: { status: number; message: string } } | { cors: Record<string, string>; origin?: string } => {
    const host = req.headers.host ?? (req.headers[':authority'] as string | undefined);
    if (!access.hostAllowed(host))
      return {
        refused: {
          status: 403,
          message: `The emulator answers requests addressed to 127.0.0.1:${port} or localhost:${port} only, not to '${host}'.`,
        },
      };
    const origin = req.headers.origin;
    if (origin === undefined) return { cors: {} };
    const allowed = access.allowOrigin(origin);
    if (!allowed)
      return {
        refused: {
          status: 403,
          message: `Requests from a page on ${origin} are not allowed; start the emulator with --cors-origin ${origin} to allow them.`,
        },
      };
    return {
      origin,
      cors: {
        'access-control-allow-origin': allowed,
        'access-control-expose-headers': EXPOSE_HEADERS,
        ...(allowed === ANY_ORIGIN ? {} : { vary: 'Origin' }),
      },
    };
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const admitted = admit(req);
    if ('refused' in admitted) {
      refuse(req, res, admitted.refused.status, 'AccessDeniedException', admitted.refused.message);
      req.resume();
      return;
    }
    const { cors } = admitted;
    if (req.method === 'OPTIONS' && admitted.origin !== undefined) {
      // A preflight: the fixed lists, whatever was asked; Chrome's Private Network Access check answered too.
      const preflight: Record<string, string> = {
        'access-control-allow-origin': cors['access-control-allow-origin'],
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
        ...(cors.vary ? { vary: cors.vary } : {}),
        ...(req.headers['access-control-request-private-network'] === 'true'
          ? { 'access-control-allow-private-network': 'true' }
          : {}),
        // AWS (and kinesalite) give a preflight answer a request id too.
        'x-amzn-requestid': randomUUID(),
      };
      send(res, 200, preflight, '');
      req.resume();
      return;
    }
    const maxBytes = isS3Request(req) ? MAX_S3_REQUEST_BYTES : MAX_REQUEST_BYTES;
    const chunks: Buffer[] = [];
    let length = 0;
    let finished = false;
    const release = () => {
      bodiesInFlight -= length;
      length = 0;
      chunks.length = 0;
    };
    const stop = (statusCode: number, code: string, message: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      release();
      refuse(req, res, statusCode, code, message, cors);
      req.resume();
    };
    const timer = setTimeout(
      () => stop(408, 'RequestTimeoutException', `The request body did not arrive within ${bodyTimeoutMs / 1000} seconds.`),
      bodyTimeoutMs,
    );
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      // Kinesis, kinesalite and this server cut a body off at 7 MiB, with an empty 413.
      if (length + chunk.length > maxBytes) return stop(413, '', '');
      if (bodiesInFlight + chunk.length > bodyBudget)
        return stop(503, 'ServiceUnavailable', 'The emulator is receiving too much data at once; retry the request later.');
      length += chunk.length;
      bodiesInFlight += chunk.length;
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    // A client that goes away mid-body frees its share of the budget.
    req.on('close', () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      release();
    });
    req.on('end', () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
      const bodyLength = length;
      release();
      const { path, search } = splitUrl(req.url ?? '/');
      const request: HttpRequestLike = {
        method: req.method ?? 'GET',
        path,
        query: parseQuery(search),
        headers: plainHeaders(req),
        body,
      };
      const internalFailure = (message: string) =>
        send(
          res,
          500,
          { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InternalFailure', ...cors },
          JSON.stringify({ __type: 'InternalFailure', message }),
        );
      emulator.handle(request).then(
        async (r) => {
          const writes = !emulator.isReadOnly(request);
          if (writes) scheduler.poke();
          // Before the save, so a trim is saved with the change that caused it.
          sinceCapCheck += bodyLength;
          if (sinceCapCheck >= capCheckEvery) {
            sinceCapCheck = 0;
            keepCap();
          }
          if (writes && commits) {
            try {
              await commits.commit();
            } catch {
              // Logged once per failed save by the save itself.
              return internalFailure('The change could not be saved to the data directory; it may be lost if the server stops.');
            }
          }
          if (writes) subscriptions.recordsArrived();
          send(res, r.statusCode, { 'x-amz-id-2': nextId2(), ...r.headers, ...cors }, r.body);
        },
        // The router turns every engine error into an AWS envelope; reaching here is a bug, reported as AWS does.
        (e: unknown) => internalFailure(e instanceof Error ? e.message : String(e)),
      );
    });
  };

  // Node's own limit on a whole request is a backstop behind the body timer above (its default is 300 s).
  const server = createServer({ keepAlive: true, requestTimeout: bodyTimeoutMs * 3, connectionsCheckingInterval: 5_000 }, handle);
  // The SDK keeps connections alive between calls; do not let Node cut them at 5 s under a slow test.
  server.keepAliveTimeout = 60_000;

  // HTTP/2 (cleartext, on the same port): SubscribeToShard's event streams, and every other call the same as over HTTP/1.1.
  const subscriptions = new SubscriptionHub();
  const http2 = createHttp2Server({}, (req: Http2ServerRequest, res: Http2ServerResponse) => {
    if (req.headers['x-amz-target'] === SUBSCRIBE_TARGET && req.method === 'POST' && !('refused' in admit(req as unknown as IncomingMessage))) {
      const { path, search } = splitUrl(req.url ?? '/');
      return subscriptions.accept(emulator, req, res, (body) => ({
        method: req.method,
        path,
        query: parseQuery(search),
        headers: plainHeaders(req as unknown as IncomingMessage),
        body,
      }));
    }
    // The compatibility API has IncomingMessage's and ServerResponse's shape where handle() uses them.
    handle(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  });
  const sessions = new Set<Http2Session>();
  http2.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    routeByPreface(socket, server, http2);
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 0, host, () => {
      front.off('error', reject);
      resolve();
    });
  });
  const port = (front.address() as AddressInfo).port;
  access = accessPolicy(port, options.corsOrigins);
  return {
    url: `http://${host}:${port}`,
    port,
    emulator,
    recovered: durable?.recovered,
    saves: commits && (() => commits.started),
    close: async () => {
      scheduler.stop();
      saver?.cancel();
      const closed = new Promise<void>((resolve, reject) => front.close((err) => (err ? reject(err) : resolve())));
      server.closeAllConnections();
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      await closed;
      if (durable) {
        // What the timed work changed since the last save, then the directory is given up.
        await commits!.commit().catch(() => {});
        await durable.storage.close();
      }
    },
  };
};

/**
 * Opens the data directory, restores the emulator from it and carries its clock on; returns the
 * group commit that saves the emulator there. Throws {@link DataDirError} when the directory is in
 * use or holds a state this version cannot read (it is never overwritten then).
 */
const openDataDir = async (emulator: Emulator, dir: string, log: (line: string) => void, compactMinBytes?: number) => {
  const started = performance.now();
  const storage = await FileStorage.open(dir, { compactMinBytes, log });
  const persister = new Persister(storage);
  let records = 0;
  try {
    const loaded = await persister.load();
    const cannotRead = (reason: string) =>
      new DataDirError(
        `${storage.dir} holds emulator state this version cannot read (${reason}); it may have been written by a newer version of the console. ` +
          'Run that version, or pass another --data-dir.',
      );
    if (loaded.kind === 'ignored') throw cannotRead(loaded.reason);
    if (loaded.kind === 'restored') {
      try {
        emulator.restore(loaded.snapshot);
      } catch (e) {
        throw cannotRead(e instanceof Error ? e.message : String(e));
      }
      records = loaded.records;
      // Time never runs backwards across a restart: iterators, retention and sequence numbers depend on it.
      const clock = emulator.ctx.clock;
      const ahead = (loaded.clock?.now ?? 0) - clock.now();
      if (ahead > 0 && clock instanceof ScaledClock) clock.skip(ahead);
    }
  } catch (e) {
    await storage.close();
    throw e;
  }
  const storedClock = (): StoredClock => {
    const now = emulator.ctx.clock.now();
    return { speed: 1, now, offsetMs: now - Date.now() };
  };
  const commits = new GroupCommit(async () => {
    try {
      await persister.save(emulator, storedClock());
    } catch (e) {
      log(`emulator: saving to ${storage.dir} failed; the requests waiting for it were answered 500 InternalFailure: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  });
  const recovered: Recovered = {
    dir: storage.dir,
    records,
    streams: emulator.recordUsage().streams,
    ms: performance.now() - started,
    ...(storage.recovery.droppedTail ? { droppedTail: storage.recovery.droppedTail } : {}),
  };
  return { storage, commits, recovered };
};
