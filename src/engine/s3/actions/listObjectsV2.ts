import { s3Err } from '../errors';
import { listPage, MAX_KEYS } from '../list';
import { S3_XMLNS, isoTime } from '../xml';
import { xmlResponse, type S3Context } from './context';

/** With `encoding-type=url`, S3 percent-encodes keys, prefixes and delimiters in the answer. */
const urlEncode = (s: string): string => encodeURIComponent(s).replace(/%2F/g, '/');

/** The query parameters both versions of ListObjects read, checked as S3 checks them. */
export const listParams = (s: S3Context) => {
  const q = s.req.query;
  let maxKeys = MAX_KEYS;
  if (q['max-keys'] !== undefined) {
    maxKeys = Number(q['max-keys']);
    if (!/^\d+$/.test(q['max-keys']) || !Number.isSafeInteger(maxKeys))
      throw s3Err.invalidArgument(
        'Provided max-keys not an integer or within integer range',
        'max-keys',
        q['max-keys'],
      );
    maxKeys = Math.min(maxKeys, MAX_KEYS);
  }
  const encodingType = q['encoding-type'];
  if (encodingType !== undefined && encodingType !== 'url')
    throw s3Err.invalidArgument(
      'Invalid Encoding Method specified in Request',
      'encoding-type',
      encodingType,
    );
  const enc = encodingType === 'url' ? urlEncode : (x: string) => x;
  const prefix = q['prefix'] ?? '';
  const delimiter = q['delimiter'] || undefined;
  return { maxKeys, encodingType, enc, prefix, delimiter };
};

/** A page's objects as S3 lists them. */
export const contentsOf = (s: S3Context, keys: string[], enc: (k: string) => string) =>
  keys.map((k) => {
    const o = s.store.headObject(s.bucket, k);
    return {
      Key: enc(o.Key),
      LastModified: isoTime(o.LastModified),
      ETag: o.ETag,
      Size: o.Size,
      StorageClass: 'STANDARD',
    };
  });

export const listObjectsV2 = (s: S3Context) => {
  const q = s.req.query;
  const bucket = s.store.bucket(s.bucket);
  const { maxKeys, encodingType, enc, prefix, delimiter } = listParams(s);
  const page = listPage(s.store.keys(s.bucket), {
    prefix,
    delimiter,
    maxKeys,
    ...(q['start-after'] !== undefined ? { startAfter: q['start-after'] } : {}),
    ...(q['continuation-token'] !== undefined ? { continuationToken: q['continuation-token'] } : {}),
  });
  return xmlResponse(s.rc, 'ListBucketResult', {
    '@_xmlns': S3_XMLNS,
    Name: bucket.Name,
    Prefix: enc(prefix),
    ...(delimiter !== undefined ? { Delimiter: enc(delimiter) } : {}),
    MaxKeys: maxKeys,
    ...(encodingType ? { EncodingType: encodingType } : {}),
    KeyCount: page.keys.length + page.commonPrefixes.length,
    IsTruncated: page.isTruncated,
    ...(q['continuation-token'] !== undefined ? { ContinuationToken: q['continuation-token'] } : {}),
    ...(page.nextContinuationToken !== undefined
      ? { NextContinuationToken: page.nextContinuationToken }
      : {}),
    ...(q['start-after'] !== undefined ? { StartAfter: enc(q['start-after']) } : {}),
    Contents: contentsOf(s, page.keys, enc),
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: enc(p) })),
  });
};
