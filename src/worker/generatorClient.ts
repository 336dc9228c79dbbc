import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { SendBatch } from '../engine/generator/run';
import { onEmulatorClock } from './generatorClock';
import { GeneratorHost } from './generatorHost';
import type { ClockReading, GeneratorJob, GeneratorWorkerApi, StartResult, StatsListener } from './generatorProtocol';

/** How the page drives the generator: in its own worker in the browser, in this thread elsewhere. */
export interface GeneratorClient {
  readonly kind: 'worker' | 'in-thread';
  start(job: GeneratorJob, onStats: StatsListener): Promise<StartResult>;
  /** Keeps the generator's clock with the emulator's (see GeneratorWorkerApi.setClock). */
  setClock(reading: ClockReading | undefined): void;
  stop(reason?: string): Promise<void>;
  /** Links the generator to the emulator again (a new emulator worker replaced one that stopped). */
  reconnect(): void;
  dispose(): void;
}

/** The in-thread fallback (tests, no Worker): the same host the worker runs. */
export const createInThreadGeneratorClient = (makeSend: (job: GeneratorJob) => SendBatch): GeneratorClient => {
  const host = new GeneratorHost(makeSend);
  return {
    kind: 'in-thread',
    start: (job, onStats) => host.start(job, onStats),
    setClock: (reading) => host.setClock(reading),
    stop: (reason) => host.stop(reason),
    reconnect: () => {},
    dispose: () => void host.stop('The generator was closed'),
  };
};

/** Something comlink can wrap and that can be terminated (a Worker, or a stub). */
export interface GeneratorWorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  terminate(): void;
}

/**
 * Drives a generator worker. `connectEmulator` hands one end of a fresh MessageChannel to the
 * page's one emulator (EmulatorClient.connectPort); the worker gets the other end, so its
 * requests go straight to the emulator worker without passing through the page.
 */
export const createGeneratorWorkerClient = (
  worker: GeneratorWorkerLike,
  connectEmulator: (port: MessagePort) => void,
  channel: MessageChannel = new MessageChannel(),
): GeneratorClient => {
  const remote: Remote<GeneratorWorkerApi> = wrap<GeneratorWorkerApi>(worker as never);
  const link = (ch: MessageChannel) => {
    connectEmulator(ch.port1);
    void remote.connect(transfer(ch.port2, [ch.port2]));
  };
  link(channel);
  return {
    kind: 'worker',
    start: (job, onStats) => remote.start(job, proxy(onStats)),
    setClock: (reading) => void remote.setClock(reading),
    stop: (reason) => remote.stop(reason),
    reconnect: () => link(new MessageChannel()),
    dispose: () => worker.terminate(),
  };
};

const startWorker = (): GeneratorWorkerLike =>
  new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module', name: 'generator' });

// One generator worker for the page, made on first use (React StrictMode runs effects twice).
let shared: GeneratorClient | undefined;

/**
 * The page's generator. `connectEmulator` links it to the one emulator; `fallbackSend` builds the
 * send function for the in-thread fallback where there is no Worker.
 */
export const generatorClient = (
  connectEmulator: (port: MessagePort) => void,
  fallbackSend: (job: GeneratorJob) => SendBatch,
): GeneratorClient => {
  if (!shared) {
    const client =
      typeof Worker === 'undefined' ? createInThreadGeneratorClient(fallbackSend) : createGeneratorWorkerClient(startWorker(), connectEmulator);
    shared = client;
    onEmulatorClock((reading) => client.setClock(reading));
  }
  return shared;
};
