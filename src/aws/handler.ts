import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';

export type Transport = (req: HttpRequestLike) => Promise<HttpResponseLike>;

const encoder = new TextEncoder();

const bodyBytes = (body: unknown): Uint8Array => {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('streaming request bodies are not supported by the emulator transport');
};

/** The SDK's HTTP request in the emulator's plain shape (lower-case headers, bytes body). */
export const toRequestLike = (request: HttpRequest): HttpRequestLike => {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.query ?? {})) {
    if (v === null || v === undefined) query[k] = '';
    else query[k] = Array.isArray(v) ? v.join(',') : v;
  }
  return { method: request.method, path: request.path || '/', query, headers, body: bodyBytes(request.body) };
};

const toStream = (body: Uint8Array | string): ReadableStream<Uint8Array> => {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  return new ReadableStream({
    start(controller) {
      if (bytes.length) controller.enqueue(bytes);
      controller.close();
    },
  });
};

/**
 * An SDK v3 `requestHandler` that hands the signed request to the emulator (a worker, or
 * the engine in-thread in tests) instead of the network. The SDK cannot tell the difference.
 */
export class EmulatorRequestHandler implements HttpHandler<HttpHandlerOptions> {
  constructor(private readonly transport: Transport) {}

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    if (options?.abortSignal?.aborted) {
      const e = new Error('Request aborted');
      e.name = 'AbortError';
      throw e;
    }
    const res = await this.transport(toRequestLike(request));
    return {
      response: new HttpResponse({ statusCode: res.statusCode, headers: res.headers, body: toStream(res.body) }),
    };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): HttpHandlerOptions {
    return {};
  }
}
