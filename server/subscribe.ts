/**
 * SubscribeToShard over HTTP/2, as AWS serves it: an `application/vnd.amazon.eventstream` answer that
 * starts with an `initial-response` event and then carries SubscribeToShardEvent events (JSON payloads,
 * Data in Base64 as awsJson writes blobs) until the subscription ends. The engine's Subscription does the
 * reading; this file is transport and framing only (framing by @smithy/core's EventStreamCodec).
 */
import { randomUUID } from 'node:crypto';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { Emulator } from '../src/engine/emulator';
import type { AwsError } from '../src/engine/common/errors';
import type { HttpRequestLike } from '../src/engine/protocol/http';
import { checkSignaturePresent, regionFromAuthorization } from '../src/engine/protocol/router';
import { SUBSCRIPTION_EVENT_INTERVAL_MS, type Subscription } from '../src/engine/kinesis/subscription';

export const SUBSCRIBE_TARGET = 'Kinesis_20131202.SubscribeToShard';
/** Events go out at least this often, records or not. */
export const SUBSCRIPTION_TICK_MS = SUBSCRIPTION_EVENT_INTERVAL_MS;
/** A SubscribeToShard body is a few hundred bytes; anything past this is not one. */
const MAX_SUBSCRIBE_BODY = 64 * 1024;

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value: string) => ({ type: 'string' as const, value });

const eventMessage = (eventType: string, payload: unknown): Uint8Array =>
  codec.encode({
    headers: { ':message-type': str('event'), ':event-type': str(eventType), ':content-type': str('application/json') },
    body: fromUtf8(JSON.stringify(payload)),
  });

const exceptionMessage = (e: AwsError): Uint8Array =>
  codec.encode({
    headers: { ':message-type': str('exception'), ':exception-type': str(e.code), ':content-type': str('application/json') },
    body: fromUtf8(JSON.stringify({ message: e.message })),
  });

/** The open subscriptions of one server: each `pump` sends what is due (records at once, else on its tick). */
export class SubscriptionHub {
  private readonly pumps = new Set<(tick: boolean) => void>();

  /** Records may have arrived: subscriptions with new records send them now. */
  recordsArrived(): void {
    for (const pump of [...this.pumps]) pump(false);
  }

  get size(): number {
    return this.pumps.size;
  }

  /** Serves one SubscribeToShard request on an HTTP/2 stream. */
  serve(emulator: Emulator, req: Http2ServerRequest, res: Http2ServerResponse, request: HttpRequestLike): void {
    const sub = this.open(emulator, request);
    if (!sub) {
      // Errors before the event stream starts are ordinary answers: the router writes them.
      void emulator.handle(request).then((r) => {
        res.writeHead(r.statusCode, r.headers);
        res.end(typeof r.body === 'string' ? r.body : Buffer.from(r.body));
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': randomUUID() });
    res.write(eventMessage('initial-response', {}));
    const finish = () => {
      clearInterval(timer);
      this.pumps.delete(pump);
      sub.close();
      if (!res.writableEnded) res.end();
    };
    const pump = (tick: boolean) => {
      if (!tick && !sub.hasRecords()) return;
      const step = sub.next();
      if (step.kind === 'event') res.write(eventMessage('SubscribeToShardEvent', step.event));
      else if (step.kind === 'error') res.write(exceptionMessage(step.error));
      if (sub.done) finish();
    };
    const timer = setInterval(() => pump(true), SUBSCRIPTION_TICK_MS);
    this.pumps.add(pump);
    res.on('close', finish);
    req.on('error', finish);
    pump(false);
  }

  /** The subscription the request opens, or undefined when it is to be refused (the router then says why). */
  private open(emulator: Emulator, request: HttpRequestLike): Subscription | undefined {
    if (checkSignaturePresent(request)) return undefined;
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) return undefined;
    try {
      const input = JSON.parse(toUtf8(request.body)) as Record<string, unknown>;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
      const region = regionFromAuthorization(request.headers['authorization']) ?? emulator.ctx.defaultRegion;
      return emulator.kinesis.subscribe(input, { region, requestId: randomUUID() });
    } catch {
      return undefined;
    }
  }

  /** Reads a SubscribeToShard request's small body, then serves it. */
  accept(emulator: Emulator, req: Http2ServerRequest, res: Http2ServerResponse, toRequest: (body: Buffer) => HttpRequestLike): void {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (c: Buffer) => {
      length += c.length;
      if (length > MAX_SUBSCRIBE_BODY) {
        res.writeHead(413);
        res.end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (length <= MAX_SUBSCRIBE_BODY) this.serve(emulator, req, res, toRequest(Buffer.concat(chunks)));
    });
  }
}
