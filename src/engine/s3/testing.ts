import { VirtualClock } from '../common/clock';
import { SeededRng } from '../common/rng';
import { defaultEngineOptions, type EngineContext } from '../protocol/context';
import { decodeUtf8, encodeUtf8, type HttpRequestLike } from '../protocol/http';
import { testSignatureHeaders } from '../protocol/testing';
import { S3Service } from './service';

export interface S3Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  bytes: Uint8Array;
}

/** An S3 service on virtual time, spoken to in its wire protocol as the SDK would. */
export const s3Harness = (region = 'us-east-1') => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 12));
  const ctx: EngineContext = {
    clock,
    rng: new SeededRng(1),
    metrics: { put: () => {} },
    options: defaultEngineOptions,
    accountId: '000000000000',
    defaultRegion: 'us-east-1',
  };
  const service = new S3Service(ctx);
  let n = 0;
  const send = (
    method: string,
    path: string,
    opts: {
      query?: Record<string, string>;
      headers?: Record<string, string>;
      body?: string | Uint8Array;
    } = {},
  ): S3Answer => {
    const req: HttpRequestLike = {
      method,
      path,
      query: opts.query ?? {},
      headers: { ...testSignatureHeaders(region, 's3'), ...(opts.headers ?? {}) },
      body: typeof opts.body === 'string' ? encodeUtf8(opts.body) : (opts.body ?? new Uint8Array(0)),
    };
    const res = service.handle(req, { region, requestId: `req-${++n}` }) as {
      statusCode: number;
      headers: Record<string, string>;
      body: Uint8Array | string;
    };
    const bytes = typeof res.body === 'string' ? encodeUtf8(res.body) : res.body;
    return { status: res.statusCode, headers: res.headers, text: decodeUtf8(bytes), bytes };
  };
  return { clock, ctx, service, store: service.store, send };
};
