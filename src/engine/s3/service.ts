import { AwsError, isAwsError } from '../common/errors';
import type { EngineContext, RequestContext } from '../protocol/context';
import type { HttpRequestLike, HttpResponseLike } from '../protocol/http';
import type { RestService } from '../protocol/service';
import { checkSignaturePresent } from '../protocol/router';
import { s3Headers, type S3Context } from './actions/context';
import { createBucket } from './actions/createBucket';
import { deleteBucket } from './actions/deleteBucket';
import { deleteObject } from './actions/deleteObject';
import { deleteObjects } from './actions/deleteObjects';
import { getBucketLocation } from './actions/getBucketLocation';
import { getObject } from './actions/getObject';
import { headBucket } from './actions/headBucket';
import { headObject } from './actions/headObject';
import { listBuckets } from './actions/listBuckets';
import { listObjects } from './actions/listObjects';
import { listObjectsV2 } from './actions/listObjectsV2';
import { putObject } from './actions/putObject';
import { s3Err } from './errors';
import { S3Store } from './store';
import type { S3Snapshot } from './types';
import { xmlDocument } from './xml';

interface Operation {
  /** Changes nothing worth saving. */
  readOnly: boolean;
  action: (s: S3Context) => HttpResponseLike;
}

/** Operation name -> action (one file each under actions/). */
export const operations: Record<string, Operation> = {
  ListBuckets: { readOnly: true, action: listBuckets },
  CreateBucket: { readOnly: false, action: createBucket },
  HeadBucket: { readOnly: true, action: headBucket },
  DeleteBucket: { readOnly: false, action: deleteBucket },
  ListObjectsV2: { readOnly: true, action: listObjectsV2 },
  ListObjects: { readOnly: true, action: listObjects },
  GetBucketLocation: { readOnly: true, action: getBucketLocation },
  DeleteObjects: { readOnly: false, action: deleteObjects },
  PutObject: { readOnly: false, action: putObject },
  GetObject: { readOnly: true, action: getObject },
  HeadObject: { readOnly: true, action: headObject },
  DeleteObject: { readOnly: false, action: deleteObject },
};

/** Query parameters that name a bucket or object subresource this emulator does not have (`?versioning`, `?tagging`, ...). */
const KNOWN_QUERY = new Set([
  'list-type',
  'prefix',
  'delimiter',
  'max-keys',
  'continuation-token',
  'start-after',
  'marker',
  'encoding-type',
  'fetch-owner',
  'delete',
  'location',
  'x-id',
]);

/** The S3 service a signed request is for: the service in its credential scope (`Credential=AKID/20260101/us-east-1/s3/aws4_request`). */
const scopeService = (req: HttpRequestLike): string | undefined => {
  const credential = req.headers['authorization'] ?? req.query['X-Amz-Credential'];
  const m = credential && /(?:Credential=)?[^/\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(credential);
  return m ? m[1] : undefined;
};

/** Path-style addressing: `/bucket/key` (the key may hold slashes), both percent-decoded. */
export const splitPath = (path: string): { bucket: string; key: string } => {
  const rest = path.replace(/^\/+/, '');
  const slash = rest.indexOf('/');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return slash < 0
    ? { bucket: decode(rest), key: '' }
    : { bucket: decode(rest.slice(0, slash)), key: decode(rest.slice(slash + 1)) };
};

/** Which operation a request is: S3's REST API is routed on method, path depth and subresource. */
export const operationOf = (req: HttpRequestLike, bucket: string, key: string): string | undefined => {
  const q = req.query;
  if (Object.keys(q).some((k) => !KNOWN_QUERY.has(k) && !k.startsWith('X-Amz-'))) return undefined;
  const m = req.method.toUpperCase();
  if (bucket === '') return m === 'GET' ? 'ListBuckets' : undefined;
  if (key === '') {
    if (m === 'PUT') return 'CreateBucket';
    if (m === 'HEAD') return 'HeadBucket';
    if (m === 'DELETE') return 'DeleteBucket';
    if (m === 'GET')
      return q['list-type'] === '2' ? 'ListObjectsV2' : 'location' in q ? 'GetBucketLocation' : 'ListObjects';
    if (m === 'POST') return 'delete' in q ? 'DeleteObjects' : undefined;
    return undefined;
  }
  if (m === 'PUT') return 'PutObject';
  if (m === 'GET') return 'GetObject';
  if (m === 'HEAD') return 'HeadObject';
  if (m === 'DELETE') return 'DeleteObject';
  return undefined;
};

/** S3's error document: `<Error><Code/><Message/>...<RequestId/><HostId/></Error>` (HEAD answers carry no body). */
export const s3ErrorResponse = (e: AwsError, rc: RequestContext, method: string): HttpResponseLike => {
  const headers = s3Headers(rc, { 'content-type': 'application/xml' });
  if (method.toUpperCase() === 'HEAD') return { statusCode: e.statusCode, headers, body: '' };
  const body = xmlDocument('Error', {
    Code: e.code,
    Message: e.message,
    ...(e.fields ?? {}),
    RequestId: rc.requestId,
    HostId: headers['x-amz-id-2'],
  });
  return { statusCode: e.statusCode, headers, body };
};

/**
 * A small S3 over its REST API with path-style addressing (as `@aws-sdk/client-s3` sends it with
 * `forcePathStyle: true`). It answers requests signed for the `s3` service.
 */
export class S3Service implements RestService {
  readonly kind = 'rest' as const;
  readonly store: S3Store;

  constructor(ctx: EngineContext) {
    this.store = new S3Store(() => ctx.clock.now());
  }

  matches(req: HttpRequestLike): boolean {
    return scopeService(req) === 's3';
  }

  errorResponse(e: AwsError, req: HttpRequestLike, rc: RequestContext): HttpResponseLike {
    return s3ErrorResponse(e, rc, req.method);
  }

  isReadOnly(req: HttpRequestLike): boolean {
    const { bucket, key } = splitPath(req.path);
    const op = operationOf(req, bucket, key);
    return op === undefined || operations[op].readOnly;
  }

  handle(req: HttpRequestLike, rc: RequestContext): HttpResponseLike {
    const { bucket, key } = splitPath(req.path);
    try {
      const authError = checkSignaturePresent(req);
      if (authError) throw new AwsError('AccessDenied', authError.message, 403);
      const op = operationOf(req, bucket, key);
      if (op === undefined)
        throw ['GET', 'PUT', 'HEAD', 'DELETE', 'POST'].includes(req.method.toUpperCase())
          ? s3Err.notImplemented()
          : s3Err.methodNotAllowed(req.method);
      return operations[op].action({ store: this.store, rc, req, bucket, key });
    } catch (e) {
      if (isAwsError(e)) return s3ErrorResponse(e, rc, req.method);
      return s3ErrorResponse(
        new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500),
        rc,
        req.method,
      );
    }
  }

  snapshot(): S3Snapshot {
    return this.store.snapshot();
  }

  restore(snapshot: S3Snapshot): void {
    this.store.restore(snapshot);
  }
}
