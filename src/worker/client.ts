import { wrap, type Remote } from 'comlink';
import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';
import type { EmulatorHost } from './host';
import { WorkerCommand, type AsyncConsoleApi, type ConsoleApi, type FromWorker, type HttpTransport, type ToWorker } from './protocol';
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
  /** Stops the worker (a no-op in-thread). */
  dispose(): void;
}

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

export const createWorkerClient = (worker: WorkerLike): EmulatorClient => {
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: HttpResponseLike) => void; reject: (e: Error) => void }>();
  worker.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg?.cmd !== WorkerCommand.Http) return;
    const waiter = pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id);
    if (msg.ok) waiter.resolve(msg.response);
    else waiter.reject(new Error(`emulator failure: ${msg.error}`));
  });
  // A worker that fails to load or throws at the top level answers nothing: fail the waiting calls.
  let failure: Error | undefined;
  worker.addEventListener('error', (event) => {
    failure = new Error(`the emulator worker failed: ${event.message || 'it could not start'}`);
    for (const w of pending.values()) w.reject(failure);
    pending.clear();
  });
  const channel = new MessageChannel();
  worker.postMessage({ cmd: WorkerCommand.Console, port: channel.port2 }, [channel.port2]);
  const remote: Remote<ConsoleApi> = wrap<ConsoleApi>(channel.port1);
  const console: AsyncConsoleApi = {
    clock: () => remote.clock(),
    clockReading: () => remote.clockReading(),
    setSpeed: (speed) => remote.setSpeed(speed),
    skip: (ms) => remote.skip(ms),
    reset: () => remote.reset(),
    storage: () => remote.storage(),
    setRecordCap: (bytes) => remote.setRecordCap(bytes),
    flush: () => remote.flush(),
    analyticsRows: (arn, limit) => remote.analyticsRows(arn, limit),
    subscribeToShard: (arn, shardId, position) => remote.subscribeToShard(arn, shardId, position),
    pollSubscription: (id) => remote.pollSubscription(id),
    closeSubscription: (id) => remote.closeSubscription(id),
    consumerApplications: (arn) => remote.consumerApplications(arn),
    createConsumerApplication: (input) => remote.createConsumerApplication(input),
    setConsumerWorker: (arn, name, worker, running) => remote.setConsumerWorker(arn, name, worker, running),
    deleteConsumerApplication: (arn, name) => remote.deleteConsumerApplication(arn, name),
    sqlDialect: () => remote.sqlDialect(),
    diagnoseSql: (script, columns) => remote.diagnoseSql(script, columns),
    putTransformFunction: (input) => remote.putTransformFunction(input),
    listTransformFunctions: () => remote.listTransformFunctions(),
    deleteTransformFunction: (name) => remote.deleteTransformFunction(name),
    exportWorkshop: (progress) => remote.exportWorkshop(progress),
    importWorkshop: (bytes) => remote.importWorkshop(bytes),
  };
  return {
    kind: 'worker',
    transport: (request: HttpRequestLike) =>
      new Promise<HttpResponseLike>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ cmd: WorkerCommand.Http, id, request });
      }),
    console,
    connectPort: (port) => worker.postMessage({ cmd: WorkerCommand.Serve, port }, [port]),
    dispose: () => {
      channel.port1.close();
      worker.terminate();
      for (const w of pending.values()) w.reject(new Error('the emulator was stopped'));
      pending.clear();
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
      shared = typeof Worker === 'undefined' ? createInThreadClient(loadSavedHost()) : createWorkerClient(startWorker());
    } catch {
      // No worker allowed here (a strict Content-Security-Policy, say): run the emulator in this thread.
      shared = createInThreadClient(loadSavedHost());
    }
  }
  return shared;
};
