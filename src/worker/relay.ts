import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';
import type { RelayReply, RelayRequest } from './generatorProtocol';
import type { HttpTransport } from './protocol';

/** The part of a MessagePort the relay uses (a browser port, a Node port, or a stub). */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/**
 * Emulator side: answers each request arriving on `port` with `transport` (the emulator worker's
 * own engine, or the in-thread emulator where there is no Worker), so a second worker reaches the one emulator directly, without
 * passing through the page. Returns a function that stops serving.
 */
export const servePort = (port: PortLike, transport: HttpTransport): (() => void) => {
  port.onmessage = (event: MessageEvent<RelayRequest>) => {
    const { id, request } = event.data;
    transport(request).then(
      (response) => port.postMessage({ id, ok: true, response } satisfies RelayReply),
      (e: unknown) => port.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies RelayReply),
    );
  };
  return () => {
    port.onmessage = null;
    port.close();
  };
};

/** Worker side: a transport that posts each request on `port` and waits for its answer. */
export const portTransport = (port: PortLike): HttpTransport & { close(reason?: Error): void } => {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: HttpResponseLike) => void; reject: (e: Error) => void }>();
  port.onmessage = (event: MessageEvent<RelayReply>) => {
    const reply = event.data;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.response);
    else w.reject(new Error(`emulator failure: ${reply.error}`));
  };
  const send = (request: HttpRequestLike) =>
    new Promise<HttpResponseLike>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      port.postMessage({ id, request } satisfies RelayRequest);
    });
  return Object.assign(send, {
    /** Stops; calls still waiting fail with `reason`. */
    close: (reason: Error = new Error('the emulator connection was closed')) => {
      port.onmessage = null;
      port.close();
      for (const w of waiting.values()) w.reject(reason);
      waiting.clear();
    },
  });
};
