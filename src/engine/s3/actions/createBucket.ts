import { decodeUtf8 } from '../../protocol/http';
import { s3Err } from '../errors';
import { parseXml } from '../xml';
import { emptyResponse, type S3Context } from './context';

/** The region a CreateBucketConfiguration names, if the body has one. */
const locationConstraint = (s: S3Context): string | undefined => {
  if (s.req.body.length === 0) return undefined;
  const doc = parseXml(decodeUtf8(s.req.body));
  const config = doc?.CreateBucketConfiguration as { LocationConstraint?: unknown } | '' | undefined;
  if (doc === undefined || config === undefined) throw s3Err.malformedXml();
  const c = typeof config === 'object' ? config.LocationConstraint : undefined;
  return typeof c === 'string' && c.trim() !== '' ? c.trim() : undefined;
};

export const createBucket = (s: S3Context) => {
  const constraint = locationConstraint(s);
  // us-east-1 takes no LocationConstraint; elsewhere it must name the region the request went to.
  if (constraint === 'us-east-1') throw s3Err.invalidLocationConstraint(constraint);
  if (constraint !== undefined && constraint !== s.rc.region)
    throw s3Err.illegalLocationConstraint(constraint);
  if (constraint === undefined && s.rc.region !== 'us-east-1')
    throw s3Err.illegalLocationConstraint('unspecified');
  const created = s.store.createBucket(s.bucket, s.rc.region);
  // "For legacy compatibility, if you re-create an existing bucket that you already own in the North
  // Virginia Region, Amazon S3 returns 200 OK" (CreateBucket, API reference); elsewhere 409.
  if (!created && s.rc.region !== 'us-east-1') throw s3Err.bucketAlreadyOwnedByYou(s.bucket);
  return emptyResponse(s.rc, 200, { location: `/${s.bucket}` });
};
