import { AwsError, isAwsError } from '../common/errors';
import { randomUuid } from '../common/rng';
import type { EngineContext, RequestContext } from './context';
import { decodeUtf8, type HttpRequestLike, type HttpResponseLike } from './http';
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
    if (req.method !== 'POST') {
      // AWS (and kinesalite) answer a request that names no operation with a 403 in XML.
      return xmlError(403, 'AccessDeniedException', 'Unable to determine service/operation name to be authorized', rc);
    }
    const [prefix, operation] = (target ?? '').split('.');
    const service = this.json.get(prefix);
    if (service) return this.handleJson(service, operation ?? '', req, rc);
    // What AWS answers when it cannot tell which operation a request is for.
    return this.jsonError('1.1', undefined, new AwsError('UnknownOperationException', ''), rc);
  }

  private async handleJson(
    service: JsonService,
    operation: string,
    req: HttpRequestLike,
    rc: RequestContext,
  ): Promise<HttpResponseLike> {
    const known = service.hasOperation(operation);
    let input: unknown;
    let tooDeep = false;
    try {
      const text = decodeUtf8(req.body);
      tooDeep = jsonNestsDeeperThan(text);
      input = text.length === 0 || tooDeep ? undefined : JSON.parse(text);
    } catch {
      input = undefined;
    }
    // The order of these checks is AWS's: body, then operation, then signature (as kinesalite mirrors).
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      const code = known ? 'SerializationException' : 'UnknownOperationException';
      // The text is ours (AWS's for this case is not documented); a body that merely fails to parse gets none, as in AWS.
      const message = known && tooDeep ? `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep` : '';
      return this.jsonError(service.jsonVersion, service, new AwsError(code, message), rc);
    }
    if (!known) return this.jsonError(service.jsonVersion, service, new AwsError('UnknownOperationException', ''), rc);
    const authError = checkSignaturePresent(req);
    if (authError) return this.jsonError(service.jsonVersion, service, authError, rc);
    try {
      const output = await service.call(operation, input as Record<string, unknown>, rc);
      return {
        statusCode: 200,
        headers: { 'content-type': jsonContentType(service.jsonVersion), 'x-amzn-requestid': rc.requestId },
        body: output === undefined ? '' : JSON.stringify(output),
      };
    } catch (e) {
      if (isAwsError(e)) return this.jsonError(service.jsonVersion, service, e, rc);
      const message = e instanceof Error ? e.message : String(e);
      return this.jsonError(service.jsonVersion, service, new AwsError('InternalFailure', message, 500), rc);
    }
  }

  private jsonError(
    version: '1.0' | '1.1',
    service: JsonService | undefined,
    e: AwsError,
    rc: RequestContext,
  ): HttpResponseLike {
    const body: Record<string, unknown> = { __type: e.code };
    // AWS spells the text's key `Message` for SerializationException and `message` for the rest.
    if (e.message) body[e.code === 'SerializationException' ? 'Message' : 'message'] = e.message;
    if (e.fields) Object.assign(body, e.fields);
    return {
      statusCode: e.statusCode,
      headers: {
        'content-type': jsonContentType(version),
        'x-amzn-requestid': rc.requestId,
        'x-amzn-errortype': e.code,
        ...(service?.errorHeaders?.(e.code) ?? {}),
      },
      body: JSON.stringify(body),
    };
  }
}

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
  return msg ? new AwsError('IncompleteSignatureException', msg) : undefined;
};
