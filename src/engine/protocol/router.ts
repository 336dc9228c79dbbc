import { AwsError, isAwsError } from '../common/errors';
import { randomUuid } from '../common/rng';
import type { EngineContext, RequestContext } from './context';
import { decodeUtf8, type HttpRequestLike, type HttpResponseLike } from './http';
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
    if (target !== undefined || req.method === 'POST') {
      const [prefix, operation] = (target ?? '').split('.');
      const service = this.json.get(prefix);
      if (service) return this.handleJson(service, operation ?? '', req, rc);
    }
    for (const r of this.rest) if (r.matches(req)) return r.handle(req, rc);
    // What AWS answers when it cannot tell which operation a request is for.
    return this.jsonError('1.1', undefined, new AwsError('UnknownOperationException', ''), rc);
  }

  private async handleJson(
    service: JsonService,
    operation: string,
    req: HttpRequestLike,
    rc: RequestContext,
  ): Promise<HttpResponseLike> {
    if (!service.hasOperation(operation)) {
      return this.jsonError(service.jsonVersion, service, new AwsError('UnknownOperationException', ''), rc);
    }
    let input: unknown;
    try {
      const text = decodeUtf8(req.body);
      input = text.length === 0 ? undefined : JSON.parse(text);
    } catch {
      input = undefined;
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return this.jsonError(service.jsonVersion, service, new AwsError('SerializationException', ''), rc);
    }
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
    const body: Record<string, string> = { __type: e.code };
    if (e.message) body.message = e.message;
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
