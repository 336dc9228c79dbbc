import { listPage } from '../list';
import { S3_XMLNS } from '../xml';
import { xmlResponse, type S3Context } from './context';
import { contentsOf, listParams } from './listObjectsV2';

/**
 * ListObjects, version 1 (`GET /bucket` without `list-type=2`), which older tools still send (the AWS
 * CLI's `s3api list-objects`): pages by `marker`, with `NextMarker` when a delimiter is given.
 */
export const listObjects = (s: S3Context) => {
  const q = s.req.query;
  const bucket = s.store.bucket(s.bucket);
  const { maxKeys, encodingType, enc, prefix, delimiter } = listParams(s);
  const marker = q['marker'];
  const page = listPage(s.store.keys(s.bucket), {
    prefix,
    delimiter,
    maxKeys,
    ...(marker !== undefined && marker !== '' ? { marker } : {}),
  });
  return xmlResponse(s.rc, 'ListBucketResult', {
    '@_xmlns': S3_XMLNS,
    Name: bucket.Name,
    Prefix: enc(prefix),
    Marker: enc(marker ?? ''),
    // S3 sends NextMarker only with a delimiter; without one the next marker is the last key listed.
    ...(page.isTruncated && delimiter !== undefined && page.nextMarker !== undefined ? { NextMarker: enc(page.nextMarker) } : {}),
    MaxKeys: maxKeys,
    ...(delimiter !== undefined ? { Delimiter: enc(delimiter) } : {}),
    ...(encodingType ? { EncodingType: encodingType } : {}),
    IsTruncated: page.isTruncated,
    Contents: contentsOf(s, page.keys, enc),
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: enc(p) })),
  });
};
