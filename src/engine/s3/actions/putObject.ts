import { decodeUtf8, encodeUtf8 } from '../../protocol/http';
import { s3Err } from '../errors';
import { MAX_KEY_BYTES } from '../names';
import { emptyResponse, type S3Context } from './context';

const CRLF = '\r\n';

/**
 * The payload of an `aws-chunked` body (SigV4 streaming: `<hex size>[;chunk-signature=..]\r\n<bytes>\r\n`
 * ..., a zero-size chunk, then optional trailers such as the checksum).
 */
export const decodeAwsChunked = (body: Uint8Array): Uint8Array => {
  const parts: Uint8Array[] = [];
  let total = 0;
  let p = 0;
  for (;;) {
    let eol = p;
    while (eol + 1 < body.length && !(body[eol] === 13 && body[eol + 1] === 10)) eol++;
    if (eol + 1 >= body.length) break;
    const size = parseInt(decodeUtf8(body.subarray(p, eol)).split(';')[0], 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    total += size;
    p = eol + 2 + size + CRLF.length;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const part of parts) {
    out.set(part, o);
    o += part.length;
  }
  return out;
};

const isChunked = (headers: Record<string, string>): boolean =>
  (headers['content-encoding'] ?? '').split(',').some((e) => e.trim() === 'aws-chunked') ||
  (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');

export const putObject = (s: S3Context) => {
  const keyBytes = encodeUtf8(s.key).length;
  if (keyBytes > MAX_KEY_BYTES) throw s3Err.keyTooLong(keyBytes);
  const h = s.req.headers;
  if (h['x-amz-copy-source'] !== undefined) throw s3Err.notImplemented();
  const chunked = isChunked(h);
  const body = chunked ? decodeAwsChunked(s.req.body) : s.req.body;
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (k.startsWith('x-amz-meta-')) metadata[k.slice('x-amz-meta-'.length)] = v;
  // aws-chunked is how the body travelled, not how it is stored.
  const encoding = h['content-encoding']
    ?.split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e !== 'aws-chunked')
    .join(',');
  const obj = s.store.putObject(s.bucket, s.key, body.slice(), {
    contentType: h['content-type'],
    ...(encoding ? { contentEncoding: encoding } : {}),
    metadata,
  });
  return emptyResponse(s.rc, 200, { etag: obj.ETag });
};
