import { s3Err } from '../errors';
import { s3Headers, type S3Context } from './context';
import { objectHeaders } from './objectHeaders';

/**
 * A single `bytes=` range (RFC 9110) over an object of `size` bytes: `[first, last]`, or undefined when
 * the header is not one range S3 honours (it then sends the whole object). Throws InvalidRange when the
 * range starts past the end.
 */
export const parseRange = (header: string, size: number): [number, number] | undefined => {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) throw s3Err.invalidRange(header, size);
    return [Math.max(0, size - n), size - 1];
  }
  const first = Number(m[1]);
  const last = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < first) return undefined;
  if (first >= size) throw s3Err.invalidRange(header, size);
  return [first, last];
};

export const getObject = (s: S3Context) => {
  const { object, body } = s.store.getObject(s.bucket, s.key);
  const header = s.req.headers['range'];
  const range = header !== undefined ? parseRange(header, object.Size) : undefined;
  const headers = s3Headers(s.rc, objectHeaders(object));
  if (!range)
    return { statusCode: 200, headers: { ...headers, 'content-length': String(object.Size) }, body };
  const [first, last] = range;
  return {
    statusCode: 206,
    headers: {
      ...headers,
      'content-length': String(last - first + 1),
      'content-range': `bytes ${first}-${last}/${object.Size}`,
    },
    body: body.subarray(first, last + 1),
  };
};
