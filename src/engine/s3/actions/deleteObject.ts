import { emptyResponse, type S3Context } from './context';

/** Succeeds whether or not the key exists, as S3 does; the bucket must exist. */
export const deleteObject = (s: S3Context) => {
  s.store.deleteObject(s.bucket, s.key);
  return emptyResponse(s.rc, 204);
};
