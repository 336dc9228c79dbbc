import { AwsError, isAwsError } from '../common/errors';
import regionList from '../common/regions.json';
import { randomUuid } from '../common/rng';
import type { EngineContext, RequestContext } from './context';
import type { HttpRequestLike, HttpResponseLike } from './http';
import { cborRequestToJson, CBOR_CONTENT_TYPE, jsonToCborResponse } from './cbor';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './jsonDepth';
import type { JsonService, RestService, Service } from './service';

/** Region from a SigV4 `Authorization` header's credential scope: `Credential=AKID/20260101/us-east-1/kinesis/aws4_request`. */
export const regionFromAuthorization = (auth: string | undefined): string | undefined => {
  const m = auth && /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(auth);
  return m ? m[1] : undefined;
};

const jsonContentType = (v: '1.0' | '1.1') => `application/x-amz-json-${v}`;

/**
 * HTTP request -> service -> action, and errors back in each protocol's envelope.
 * One instance serves the worker channel and the Node HTTP server alike.
 */
export class Router {
  private readonly json = new Map<string, JsonService>();
  private readonly rest: RestService[] = [];

  constructor(private readonly ctx: EngineContext) {}

  register(service: Service): this {
    if (service.kind === 'json') this.json.set(service.targetPrefix, service);
    else this.rest.push(service);
    return this;
  }

  async handle(req: HttpRequestLike): Promise<HttpResponseLike> {
    const rc: RequestContext = {
      region: regionFromAuthorization(req.headers['authorization']) ?? this.ctx.defaultRegion,
      requestId: randomUuid(this.ctx.rng),
    };
    const target = req.headers['x-amz-target'];
    if (target === undefined) for (const r of this.rest) if (r.matches(req)) return r.handle(req, rc);
    if (req.method !== 'POST') return xmlError(403, 'AccessDeniedException', NO_OPERATION, rc);

    // The order of the checks below is AWS's, as kinesalite's suite (written against AWS) records it:
    // empty body, content type, body, operation, then signature.
    const [prefix = '', operation = '', ...extra] = (target ?? '').split('.');
    const candidate = this.json.get(prefix);
    // `Kinesis_20131202.ListStreams.More` names no operation AWS has.
    const service = extra.length === 0 ? candidate : undefined;
    const known = service?.hasOperation(operation) ?? false;
    const wire = wireFor(req.headers['content-type']);
    const version = service?.jsonVersion ?? candidate?.jsonVersion ?? '1.1';

    if (req.body.length === 0) {
      // With no body to read the content type by, AWS answers in CBOR unless the request said awsJson.
      const reply = wire === 'json' ? ({ kind: 'json', version } as const) : ({ kind: 'cbor' } as const);
      return this.error(reply, service, new AwsError(known ? 'SerializationException' : 'UnknownOperationException', ''), rc);
    }
    if (wire === undefined) {
      return prefix && operation
        ? { statusCode: 404, headers: { 'x-amzn-requestid': rc.requestId }, body: '<UnknownOperationException/>\n' }
        : xmlError(403, 'AccessDeniedException', NO_OPERATION, rc);
    }

    let input: unknown;
    let tooDeep = false;
    try {
      if (wire === 'cbor') input = cborRequestToJson(req.body);
      else {
        // JSON is UTF-8: a body that is not (a partition key with a stray byte) is refused, not stored lossily.
        const text = strictUtf8.decode(req.body);
        tooDeep = jsonNestsDeeperThan(text);
        input = text.length === 0 || tooDeep ? undefined : JSON.parse(text);
      }
    } catch {
      // A body that fails to parse (or a CBOR item nested past the stack) reads as no body.
      input = undefined;
    }
    const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
    // Plain `application/json` gets AWS's older Coral envelope, and goes no further than the body.
    if (wire === 'plain') return coralJson(isObject ? 404 : 400, isObject ? 'UnknownOperationException' : 'SerializationException', rc);

    const reply: Reply = wire === 'cbor' ? { kind: 'cbor' } : { kind: 'json', version };
    if (!isObject) {
      const code = service && known ? 'SerializationException' : 'UnknownOperationException';
      // The text is ours (AWS's for this case is not documented); a body that merely fails to parse gets none, as in AWS.
      const message = known && tooDeep ? `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep` : '';
      return this.error(reply, service, new AwsError(code, message), rc);
    }
    if (!service || !known) return this.error(reply, service, new AwsError('UnknownOperationException', ''), rc);
    const authError = checkSignaturePresent(req);
    if (authError) return this.error(reply, service, authError, rc);
    try {
      const output = await service.call(operation, input as Record<string, unknown>, rc);
      return {
        statusCode: 200,
        headers: { 'content-type': contentTypeOf(reply), 'x-amzn-requestid': rc.requestId },
        body:
          reply.kind === 'cbor'
            ? jsonToCborResponse(output, service.binaryOutputs?.[operation])
            : output === undefined
              ? ''
              : JSON.stringify(output),
      };
    } catch (e) {
      if (isAwsError(e)) return this.error(reply, service, e, rc);
      const message = e instanceof Error ? e.message : String(e);
      return this.error(reply, service, new AwsError('InternalFailure', message, 500), rc);
    }
  }

  /**
   * An error `req` did not cause but must carry (the change it made could not be committed): in the
   * envelope its service and wire format use, as if the operation itself had failed with `e`.
   */
  failure(req: HttpRequestLike, e: AwsError): HttpResponseLike {
    const rc: RequestContext = {
      region: regionFromAuthorization(req.headers['authorization']) ?? this.ctx.defaultRegion,
      requestId: randomUuid(this.ctx.rng),
    };
    const target = req.headers['x-amz-target'];
    if (target === undefined) for (const r of this.rest) if (r.matches(req) && r.errorResponse) return r.errorResponse(e, req, rc);
    const service = this.json.get((target ?? '').split('.')[0]);
    const reply: Reply = wireFor(req.headers['content-type']) === 'cbor' ? { kind: 'cbor' } : { kind: 'json', version: service?.jsonVersion ?? '1.1' };
    return this.error(reply, service, e, rc);
  }

  private error(reply: Reply, service: JsonService | undefined, e: AwsError, rc: RequestContext): HttpResponseLike {
    const body: Record<string, unknown> = { __type: e.code };
    // AWS spells the text's key `Message` for SerializationException and `message` for the rest.
    if (e.message) body[e.code === 'SerializationException' ? 'Message' : 'message'] = e.message;
    if (e.fields) Object.assign(body, e.fields);
    return {
      statusCode: e.statusCode,
      headers: {
        'content-type': contentTypeOf(reply),
        'x-amzn-requestid': rc.requestId,
        'x-amzn-errortype': e.code,
        ...(service?.errorHeaders?.(e.code) ?? {}),
      },
      body: reply.kind === 'cbor' ? jsonToCborResponse(body) : JSON.stringify(body),
    };
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const NO_OPERATION = 'Unable to determine service/operation name to be authorized';

/** How a request's body is written: awsJson (1.0 or 1.1), AWS's CBOR, or plain `application/json`. */
type Wire = 'json' | 'cbor' | 'plain';
type Reply = { kind: 'json'; version: '1.0' | '1.1' } | { kind: 'cbor' };

const wireFor = (contentType: string | undefined): Wire | undefined => {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (media === jsonContentType('1.1') || media === jsonContentType('1.0')) return 'json';
  if (media === CBOR_CONTENT_TYPE) return 'cbor';
  if (media === 'application/json') return 'plain';
  return undefined;
};

const contentTypeOf = (reply: Reply): string => (reply.kind === 'cbor' ? CBOR_CONTENT_TYPE : jsonContentType(reply.version));

/** AWS's answer to plain `application/json`: the Coral service framework's own envelope. */
const coralJson = (statusCode: number, code: string, rc: RequestContext): HttpResponseLike => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': rc.requestId },
  body: JSON.stringify({ Output: { __type: `com.amazon.coral.service#${code}` }, Version: '1.0' }),
});

/** AWS's XML answer to a request that names no operation: no Content-Type header, just the request id. */
const xmlError = (statusCode: number, code: string, message: string, rc: RequestContext): HttpResponseLike => ({
  statusCode,
  headers: { 'x-amzn-requestid': rc.requestId },
  body: `<${code}>\n  <Message>${message}</Message>\n</${code}>\n`,
});

/**
 * The emulator accepts any signature, but, like AWS, not a request with none or with a
 * malformed one (texts as AWS sends them, checked against kinesalite).
 */
export const checkSignaturePresent = (req: HttpRequestLike): AwsError | undefined => {
  const auth = req.headers['authorization'];
  const authQuery = 'X-Amz-Algorithm' in req.query;
  if (auth && authQuery) {
    return new AwsError(
      'InvalidSignatureException',
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    );
  }
  if (!auth && !authQuery) return new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  let msg = '';
  if (auth) {
    const params = new Set<string>();
    for (const part of auth.split(/,| /).slice(1)) {
      const [k, v] = part.trim().split('=');
      if (k && v) params.add(k);
    }
    for (const p of ['Credential', 'Signature', 'SignedHeaders']) {
      if (!params.has(p)) msg += `Authorization header requires '${p}' parameter. `;
    }
    if (!req.headers['x-amz-date'] && !req.headers['date']) {
      msg += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    }
    if (msg) msg += `Authorization=${auth}`;
  } else {
    for (const p of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date']) {
      if (!req.query[p]) msg += `AWS query-string parameters must include '${p}'. `;
    }
    if (msg) msg += 'Re-examine the query-string parameters.';
  }
  if (msg) return new AwsError('IncompleteSignatureException', msg);
  // A region AWS does not have: its endpoints refuse the signature, naming the scope's region.
  const region = regionFromAuthorization(auth);
  if (region !== undefined && !KNOWN_REGIONS.has(region)) {
    return new AwsError('InvalidSignatureException', `Credential should be scoped to a valid region, not '${region}'. `);
  }
  return undefined;
};

const KNOWN_REGIONS = new Set(regionList.regions.map((r) => r.id));
