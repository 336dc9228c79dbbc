import { emptyResponse, type S3Context } from './context';

export const deleteBucket = (s: S3Context) => {
  s.store.deleteBucket(s.bucket);
  return emptyResponse(s.rc, 204);
};
