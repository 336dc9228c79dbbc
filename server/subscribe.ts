/**
 * SubscribeToShard over HTTP/2, as AWS serves it: an `application/vnd.amazon.eventstream` answer that
 * starts with an `initial-response` event and then carries SubscribeToShardEvent events until the
 * subscription ends. Payloads are in the request's wire form: JSON (Data in Base64, as awsJson writes
 * blobs) for an awsJson request, CBOR (Data a byte string, times tag 1 over epoch ms) for a CBOR one
 * (the Java SDK and the KCL). The engine's Subscription does the reading; this file is transport and
 * framing only (framing by @smithy/core's EventStreamCodec).
 */
import { randomUUID } from 'node:crypto';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { Emulator } from '../src/engine/emulator';
import { isAwsError, type AwsError } from '../src/engine/common/errors';
import { SUBSCRIBE_TO_SHARD_EVENT_MEMBERS } from '../src/engine/kinesis/binaryMembers';
import { cborRequestToJson, CBOR_CONTENT_TYPE, jsonToCborResponse, type BinaryMembers } from '../src/engine/protocol/cbor';
import type { HttpRequestLike, HttpResponseLike } from '../src/engine/protocol/http';
import { checkSignaturePresent, regionFromAuthorization } from '../src/engine/protocol/router';
import { SUBSCRIPTION_EVENT_INTERVAL_MS, type Subscription } from '../src/engine/kinesis/subscription';

export const SUBSCRIBE_TARGET = 'Kinesis_20131202.SubscribeToShard';
/** Events go out at least this often, records or not. */
export const SUBSCRIPTION_TICK_MS = SUBSCRIPTION_EVENT_INTERVAL_MS;
/** A SubscribeToShard body is a few hundred bytes; anything past this is not one. */
const MAX_SUBSCRIBE_BODY = 64 * 1024;
const JSON_CONTENT_TYPE = 'application/json';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value: string) => ({ type: 'string' as const, value });

/** How a subscription's payloads are written: as the request was. */
type Wire = 'json' | 'cbor';

const wireOf = (request: HttpRequestLike): Wire | undefined => {
  const media = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (media === 'application/x-amz-json-1.1') return 'json';
  if (media === CBOR_CONTENT_TYPE) return 'cbor';
  return undefined;
};

const payload = (wire: Wire, value: unknown, members?: BinaryMembers): { contentType: string; body: Uint8Array } =>
  wire === 'cbor'
    ? { contentType: CBOR_CONTENT_TYPE, body: jsonToCborResponse(value, members) }
    : { contentType: JSON_CONTENT_TYPE, body: fromUtf8(JSON.stringify(value)) };

const eventMessage = (wire: Wire, eventType: string, value: unknown, members?: BinaryMembers): Uint8Array => {
  const { contentType, body } = payload(wire, value, members);
  return codec.encode({
    headers: { ':message-type': str('event'), ':event-type': str(eventType), ':content-type': str(contentType) },
    body,
  });
};

const exceptionMessage = (wire: Wire, e: AwsError): Uint8Array => {
  const { contentType, body } = payload(wire, { message: e.message });
  return codec.encode({
    headers: { ':message-type': str('exception'), ':exception-type': str(e.code), ':content-type': str(contentType) },
    body,
  });
};

/** What a SubscribeToShard request leads to: a subscription, AWS's refusal, or a request for the router to judge. */
type Opened = { sub: Subscription; wire: Wire } | { refused: AwsError } | undefined;

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
    const opened = this.open(emulator, request);
    const answer = (r: HttpResponseLike) => {
      res.writeHead(r.statusCode, r.headers);
      res.end(typeof r.body === 'string' ? r.body : Buffer.from(r.body));
    };
    // Errors before the event stream starts are ordinary answers in the request's wire form.
    if (opened === undefined) {
      // A request that is not one to subscribe with (no signature, a body that does not parse): the router says why.
      void emulator.handle(request).then(answer);
      return;
    }
    if ('refused' in opened) {
      // Not run again through the router: the call already counted against the one-a-second limit.
      answer(emulator.router.failure(request, opened.refused));
      return;
    }
    const { sub, wire } = opened;
    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': randomUUID() });
    res.write(eventMessage(wire, 'initial-response', {}));
    const finish = () => {
      clearInterval(timer);
      this.pumps.delete(pump);
      sub.close();
      if (!res.writableEnded) res.end();
    };
    const pump = (tick: boolean) => {
      if (!tick && !sub.hasRecords()) return;
      const step = sub.next();
      if (step.kind === 'event') res.write(eventMessage(wire, 'SubscribeToShardEvent', step.event, SUBSCRIBE_TO_SHARD_EVENT_MEMBERS));
      else if (step.kind === 'error') res.write(exceptionMessage(wire, step.error));
      if (sub.done) finish();
    };
    const timer = setInterval(() => pump(true), SUBSCRIPTION_TICK_MS);
    this.pumps.add(pump);
    res.on('close', finish);
    req.on('error', finish);
    pump(false);
  }

  /** The subscription the request opens, AWS's refusal of it, or undefined when the router is to judge the request. */
  private open(emulator: Emulator, request: HttpRequestLike): Opened {
    if (checkSignaturePresent(request)) return undefined;
    const wire = wireOf(request);
    if (!wire) return undefined;
    let input: unknown;
    try {
      input = wire === 'cbor' ? cborRequestToJson(request.body) : JSON.parse(toUtf8(request.body));
    } catch {
      return undefined;
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    const region = regionFromAuthorization(request.headers['authorization']) ?? emulator.ctx.defaultRegion;
    try {
      return { sub: emulator.kinesis.subscribe(input as Record<string, unknown>, { region, requestId: randomUUID() }), wire };
    } catch (e) {
      if (isAwsError(e)) return { refused: e };
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
