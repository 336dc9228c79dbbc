import { isAwsError } from '../../common/errors';
import { decodeUtf8 } from '../../protocol/http';
import { s3Err } from '../errors';
import { S3_XMLNS, parseXml } from '../xml';
import { xmlResponse, type S3Context } from './context';

/** DeleteObjects takes up to 1,000 keys (API reference). */
const MAX_DELETE = 1000;

export const deleteObjects = (s: S3Context) => {
  s.store.bucket(s.bucket);
  const doc = parseXml(decodeUtf8(s.req.body));
  const del = doc?.Delete as { Object?: Array<{ Key?: unknown }>; Quiet?: unknown } | undefined;
  if (
    !del ||
    typeof del !== 'object' ||
    !Array.isArray(del.Object) ||
    del.Object.length === 0 ||
    del.Object.length > MAX_DELETE
  )
    throw s3Err.malformedXml();
  const keys = del.Object.map((o) => o.Key);
  if (keys.some((k) => typeof k !== 'string')) throw s3Err.malformedXml();
  const quiet = String(del.Quiet ?? '').trim() === 'true';
  const deleted: Array<{ Key: string }> = [];
  const errors: Array<{ Key: string; Code: string; Message: string }> = [];
  for (const key of keys as string[]) {
    try {
      s.store.deleteObject(s.bucket, key);
      if (!quiet) deleted.push({ Key: key });
    } catch (e) {
      if (!isAwsError(e)) throw e;
      errors.push({ Key: key, Code: e.code, Message: e.message });
    }
  }
  return xmlResponse(s.rc, 'DeleteResult', { '@_xmlns': S3_XMLNS, Deleted: deleted, Error: errors });
};
