import type { RequestContext } from '../../protocol/context';
import type { HttpRequestLike, HttpResponseLike } from '../../protocol/http';
import type { S3Store } from '../store';
import { xmlDocument } from '../xml';

/** What an S3 action is handed: the store, the request, and the bucket and key its path names. */
export interface S3Context {
  store: S3Store;
  rc: RequestContext;
  req: HttpRequestLike;
  /** Path-style: `/bucket/key`, both decoded. */
  bucket: string;
  key: string;
}

/** The headers S3 puts on every answer. */
export const s3Headers = (rc: RequestContext, more: Record<string, string> = {}): Record<string, string> => ({
  'x-amz-request-id': rc.requestId,
  'x-amz-id-2': btoa(rc.requestId),
  ...more,
});

export const xmlResponse = (
  rc: RequestContext,
  root: string,
  body: Record<string, unknown>,
  statusCode = 200,
): HttpResponseLike => ({
  statusCode,
  headers: s3Headers(rc, { 'content-type': 'application/xml' }),
  body: xmlDocument(root, body),
});

export const emptyResponse = (
  rc: RequestContext,
  statusCode = 200,
  headers: Record<string, string> = {},
): HttpResponseLike => ({
  statusCode,
  headers: s3Headers(rc, headers),
  body: '',
});
