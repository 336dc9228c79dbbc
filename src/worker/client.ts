import { wrap, type Remote } from 'comlink';
import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';
import type { EmulatorHost } from './host';
import { EmulatorRestartedError, WorkerCommand, type AsyncConsoleApi, type ConsoleApi, type FromWorker, type HttpTransport, type ToWorker } from './protocol';
import { servePort } from './relay';

/**
 * How the page reaches the emulator: `transport` carries AWS requests (the SDK's request
 * handler calls it), `console` the non-AWS controls. Backed by a Worker in the browser and
 * by an {@link EmulatorHost} in the same thread where there is no Worker (tests, Node).
 */
export interface EmulatorClient {
  readonly kind: 'worker' | 'in-thread';
  readonly transport: HttpTransport;
  readonly console: AsyncConsoleApi;
  /**
   * Gives another thread (the generator worker) a direct line to this one emulator: AWS requests
   * posted on `port` (see relay.ts) are answered without passing through the page.
   */
  connectPort(port: MessagePort): void;
  /**
   * Calls `f` each time the emulator worker died and was replaced (`restarted: true`; the new one has
   * restored every acknowledged change), or was given up on. Never called in-thread. Returns a function that stops the calls.
   */
  onRestart(f: (event: EmulatorRestart) => void): () => void;
  /** Ends the emulator worker as a crash would, to see the recovery (a no-op in-thread). */
  crash(): void;
  /** Stops the worker (a no-op in-thread). */
  dispose(): void;
}

export type EmulatorRestart = { restarted: true } | { restarted: false; reason: string };

/**
 * The in-thread fallback: the same pure functions the worker runs, with no thread in between.
 * The host may still be loading (see `loadSavedHost`); calls wait for it.
 */
export const createInThreadClient = (loading: EmulatorHost | Promise<EmulatorHost>): EmulatorClient => {
  const ready = Promise.resolve(loading);
  const console: AsyncConsoleApi = {
    clock: async () => (await ready).clock(),
    clockReading: async () => (await ready).clockReading(),
    setSpeed: async (speed) => (await ready).setSpeed(speed),
    skip: async (ms) => (await ready).skip(ms),
    reset: async () => (await ready).reset(),
    storage: async () => (await ready).storage(),
    setRecordCap: async (bytes) => (await ready).setRecordCap(bytes),
    flush: async () => (await ready).flush(),
    analyticsRows: async (arn, limit) => (await ready).analyticsRows(arn, limit),
    subscribeToShard: async (arn, shardId, position) => (await ready).subscribeToShard(arn, shardId, structuredClone(position)),
    pollSubscription: async (id) => structuredClone((await ready).pollSubscription(id)),
    closeSubscription: async (id) => (await ready).closeSubscription(id),
    consumerApplications: async (arn) => structuredClone(await (await ready).consumerApplications(arn)),
    createConsumerApplication: async (input) => structuredClone(await (await ready).createConsumerApplication(structuredClone(input))),
    setConsumerWorker: async (arn, name, worker, running) => structuredClone(await (await ready).setConsumerWorker(arn, name, worker, running)),
    deleteConsumerApplication: async (arn, name) => (await ready).deleteConsumerApplication(arn, name),
    sqlDialect: async () => (await ready).sqlDialect(),
    diagnoseSql: async (script, columns) => (await ready).diagnoseSql(script, columns),
    putTransformFunction: async (input) => (await ready).putTransformFunction(input),
    listTransformFunctions: async () => (await ready).listTransformFunctions(),
    deleteTransformFunction: async (name) => (await ready).deleteTransformFunction(name),
    exportWorkshop: async (progress) => (await ready).exportWorkshop(progress),
    importWorkshop: async (bytes) => (await ready).importWorkshop(structuredClone(bytes)),
  };
  const transport: HttpTransport = async (request) => {
    // Same copy semantics as postMessage: the caller's bytes are never shared with the engine.
    const host = await ready;
    const reply = await host.answer({ cmd: WorkerCommand.Http, id: 0, request: structuredClone(request) });
    if (!reply.ok) throw new Error(`emulator failure: ${reply.error}`);
    return reply.response;
  };
  return {
    kind: 'in-thread',
    transport,
    console,
    connectPort: (port) => {
      servePort(port, transport);
    },
    onRestart: () => () => {},
    crash: () => {},
    dispose: () => {},
  };
};

/** Anything that speaks like a Worker (a real one, or a stub in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** How the page watches its emulator worker (defaults in {@link HEARTBEAT}). */
export interface WorkerWatch {
  /** A ping goes out this often (wall ms). */
  everyMs: number;
  /** A worker whose ping is unanswered this long has died or hangs (a busy worker answers between tasks). */
  deadAfterMs: number;
  /** The same before the worker's first answer (loading its script, restoring the save). */
  startAfterMs: number;
  /** More restarts than this within `windowMs`: the emulator is given up on (it would only crash again). */
  maxRestarts: number;
  windowMs: number;
  timers: { setInterval(fn: () => void, ms: number): unknown; clearInterval(h: unknown): void; now(): number };
}

export const HEARTBEAT: WorkerWatch = {
  everyMs: 1000,
  deadAfterMs: 8000,
  startAfterMs: 30_000,
  maxRestarts: 5,
  windowMs: 5 * 60_000,
  timers: {
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    now: () => Date.now(),
  },
};

/** One emulator worker's life: its console link, whether it ever answered, the ping in flight. */
interface Life {
  worker: WorkerLike;
  port: MessagePort;
  remote: Remote<ConsoleApi>;
  alive: boolean;
  ping?: { id: number; at: number };
}

/**
 * The page's side of the emulator worker. With `start` a function, a worker that dies (it stops
 * answering the heartbeat) is terminated and replaced by a new one, which restores what the old one
 * had saved, so every acknowledged change is there; calls it had not answered fail with a retryable
 * {@link EmulatorRestartedError}, and `onRestart` listeners are told. A worker that never started
 * (its script failed to load) fails every call instead, as there is nothing to restart.
 */
export const createWorkerClient = (start: WorkerLike | (() => WorkerLike), watch: Partial<WorkerWatch> = {}): EmulatorClient => {
  const w: WorkerWatch = { ...HEARTBEAT, ...watch };
  const make = typeof start === 'function' ? start : undefined;
  let nextId = 1;
  let pingId = 0;
  const pending = new Map<number, { resolve: (r: HttpResponseLike) => void; reject: (e: Error) => void }>();
  /** Console calls in flight: a dead worker's comlink port never answers them. */
  const consoleCalls = new Set<(e: Error) => void>();
  const restartListeners = new Set<(event: EmulatorRestart) => void>();
  const restarts: number[] = [];
  let failure: Error | undefined;

  const failAll = (e: Error) => {
    for (const waiter of pending.values()) waiter.reject(e);
    pending.clear();
    for (const reject of consoleCalls) reject(e);
    consoleCalls.clear();
  };

  const launch = (worker: WorkerLike): Life => {
    const channel = new MessageChannel();
    const life: Life = { worker, port: channel.port1, remote: wrap<ConsoleApi>(channel.port1), alive: false };
    worker.addEventListener('message', (event) => {
      if (life !== current) return;
      life.alive = true;
      const msg = event.data;
      if (msg?.cmd === WorkerCommand.Ping) {
        if (life.ping?.id === msg.id) life.ping = undefined;
        return;
      }
      if (msg?.cmd !== WorkerCommand.Http) return;
      const waiter = pending.get(msg.id);
      if (!waiter) return;
      pending.delete(msg.id);
      if (msg.ok) waiter.resolve(msg.response);
      else waiter.reject(new Error(`emulator failure: ${msg.error}`));
    });
    // A worker that fails to load answers nothing: fail the waiting calls and every later one. (An error
    // thrown in a worker that is running does not stop it; the heartbeat tells whether it still answers.)
    worker.addEventListener('error', (event) => {
      if (life !== current || life.alive) return;
      failure = new Error(`the emulator worker failed: ${event.message || 'it could not start'}`);
      failAll(failure);
    });
    worker.postMessage({ cmd: WorkerCommand.Console, port: channel.port2 }, [channel.port2]);
    return life;
  };

  let current = launch(make ? make() : (start as WorkerLike));

  const end = (life: Life) => {
    life.port.close();
    life.worker.terminate();
  };

  /** The worker died or hangs: end it (which frees its storage lock), fail what it owed, start another. */
  const restart = () => {
    end(current);
    failAll(new EmulatorRestartedError());
    const now = w.timers.now();
    while (restarts.length && restarts[0] <= now - w.windowMs) restarts.shift();
    if (!make || restarts.length >= w.maxRestarts) {
      failure = new Error('The emulator stopped unexpectedly and could not be kept running; reload the page to start it again.');
      for (const f of restartListeners) f({ restarted: false, reason: failure.message });
      return;
    }
    restarts.push(now);
    current = launch(make());
    for (const f of restartListeners) f({ restarted: true });
  };

  const beat = w.timers.setInterval(() => {
    if (failure) return;
    const life = current;
    const now = w.timers.now();
    if (life.ping) {
      if (now - life.ping.at > (life.alive ? w.deadAfterMs : w.startAfterMs)) restart();
      return;
    }
    life.ping = { id: ++pingId, at: now };
    life.worker.postMessage({ cmd: WorkerCommand.Ping, id: life.ping.id });
  }, w.everyMs);

  /** A console call on the worker of the moment, failed if that worker dies first. */
  const call = <T>(f: (remote: Remote<ConsoleApi>) => Promise<T>): Promise<T> => {
    if (failure) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      consoleCalls.add(reject);
      f(current.remote).then(resolve, reject).finally(() => consoleCalls.delete(reject));
    });
  };
  const console: AsyncConsoleApi = {
    clock: () => call((r) => r.clock()),
    clockReading: () => call((r) => r.clockReading()),
    setSpeed: (speed) => call((r) => r.setSpeed(speed)),
    skip: (ms) => call((r) => r.skip(ms)),
    reset: () => call((r) => r.reset()),
    storage: () => call((r) => r.storage()),
    setRecordCap: (bytes) => call((r) => r.setRecordCap(bytes)),
    flush: () => call((r) => r.flush()),
    analyticsRows: (arn, limit) => call((r) => r.analyticsRows(arn, limit)),
    subscribeToShard: (arn, shardId, position) => call((r) => r.subscribeToShard(arn, shardId, position)),
    pollSubscription: (id) => call((r) => r.pollSubscription(id)),
    closeSubscription: (id) => call((r) => r.closeSubscription(id)),
    consumerApplications: (arn) => call((r) => r.consumerApplications(arn)),
    createConsumerApplication: (input) => call((r) => r.createConsumerApplication(input)),
    setConsumerWorker: (arn, name, worker, running) => call((r) => r.setConsumerWorker(arn, name, worker, running)),
    deleteConsumerApplication: (arn, name) => call((r) => r.deleteConsumerApplication(arn, name)),
    sqlDialect: () => call((r) => r.sqlDialect()),
    diagnoseSql: (script, columns) => call((r) => r.diagnoseSql(script, columns)),
    putTransformFunction: (input) => call((r) => r.putTransformFunction(input)),
    listTransformFunctions: () => call((r) => r.listTransformFunctions()),
    deleteTransformFunction: (name) => call((r) => r.deleteTransformFunction(name)),
    exportWorkshop: (progress) => call((r) => r.exportWorkshop(progress)),
    importWorkshop: (bytes) => call((r) => r.importWorkshop(bytes)),
  };
  return {
    kind: 'worker',
    transport: (request: HttpRequestLike) =>
      new Promise<HttpResponseLike>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        current.worker.postMessage({ cmd: WorkerCommand.Http, id, request });
      }),
    console,
    connectPort: (port) => current.worker.postMessage({ cmd: WorkerCommand.Serve, port }, [port]),
    onRestart: (f) => {
      restartListeners.add(f);
      return () => restartListeners.delete(f);
    },
    // Ends the worker without a word, as a crash would: the heartbeat finds out.
    crash: () => current.worker.terminate(),
    dispose: () => {
      w.timers.clearInterval(beat);
      end(current);
      failure = new Error('the emulator was stopped');
      failAll(failure);
    },
  };
};

/**
 * An emulator in this thread that still saves to IndexedDB where there is one. Imported only
 * when no worker can be made, so the engine is not part of the page's first download.
 */
const loadSavedHost = async (): Promise<EmulatorHost> => {
  const [{ EmulatorHost }, { openIdbStorage }] = await Promise.all([import('./host'), import('./persistence')]);
  return new EmulatorHost({ storage: openIdbStorage() });
};

const startWorker = (): WorkerLike =>
  new Worker(new URL('./emulator.worker.ts', import.meta.url), { type: 'module', name: 'emulator' }) as WorkerLike;

// One emulator for the page, made on first use and kept at module scope: React StrictMode
// runs effects twice, and two workers would mean two emulators with different streams.
let shared: EmulatorClient | undefined;

export const emulatorClient = (): EmulatorClient => {
  if (!shared) {
    try {
      shared = typeof Worker === 'undefined' ? createInThreadClient(loadSavedHost()) : createWorkerClient(startWorker);
    } catch {
      // No worker allowed here (a strict Content-Security-Policy, say): run the emulator in this thread.
      shared = createInThreadClient(loadSavedHost());
    }
  }
  return shared;
};
