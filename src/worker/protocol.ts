import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';

/**
 * The messages between the page and the emulator worker. Two channels:
 * - `http`: an AWS request in its wire form (what the SDK signed) and the service's answer.
 *   Every AWS call takes this one path, exactly as it would over the network.
 * - `console`: a MessagePort handed over once; comlink exposes {@link ConsoleApi} on it for
 *   what is not an AWS API (the clock, reset).
 */
export const WorkerCommand = {
  Http: 'http',
  Console: 'console',
} as const;
export type WorkerCommand = (typeof WorkerCommand)[keyof typeof WorkerCommand];

export interface HttpCall {
  cmd: typeof WorkerCommand.Http;
  id: number;
  request: HttpRequestLike;
}

export interface ConsoleConnect {
  cmd: typeof WorkerCommand.Console;
  port: MessagePort;
}

/** Page -> worker. */
export type ToWorker = HttpCall | ConsoleConnect;

/** Worker -> page: the answer to one {@link HttpCall}, matched by `id`. */
export type FromWorker =
  | { cmd: typeof WorkerCommand.Http; id: number; ok: true; response: HttpResponseLike }
  /** Only when the emulator itself failed (a bug): AWS errors travel inside `response`. */
  | { cmd: typeof WorkerCommand.Http; id: number; ok: false; error: string };

export type HttpTransport = (request: HttpRequestLike) => Promise<HttpResponseLike>;

export interface ClockState {
  /** The emulator's time now (epoch milliseconds). */
  now: number;
  /** How many times faster than real time the emulator's clock runs. */
  speed: number;
}

/** The non-AWS controls of the emulator, reached over comlink (each call is async). */
export interface ConsoleApi {
  clock(): ClockState;
  setSpeed(speed: number): ClockState;
  /** Jump the clock forward by `ms` milliseconds. */
  skip(ms: number): ClockState;
  /** Forget every stream, record and metric: a fresh emulator with the same clock. */
  reset(): void;
}

/** The same API as seen by the page: every call crosses a thread, so every call is a promise. */
export type AsyncConsoleApi = { [K in keyof ConsoleApi]: (...a: Parameters<ConsoleApi[K]>) => Promise<ReturnType<ConsoleApi[K]>> };
