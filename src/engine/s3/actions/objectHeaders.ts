import type { S3Object } from '../types';
import { httpTime } from '../xml';

/** The headers GetObject and HeadObject describe an object with. */
export const objectHeaders = (o: S3Object): Record<string, string> => {
  const h: Record<string, string> = {
    'content-type': o.ContentType,
    etag: o.ETag,
    'last-modified': httpTime(o.LastModified),
    'accept-ranges': 'bytes',
  };
  if (o.ContentEncoding !== undefined) h['content-encoding'] = o.ContentEncoding;
  for (const [k, v] of Object.entries(o.Metadata ?? {})) h[`x-amz-meta-${k}`] = v;
  return h;
};
