import { emptyResponse, type S3Context } from './context';

export const headBucket = (s: S3Context) => {
  const b = s.store.bucket(s.bucket);
  return emptyResponse(s.rc, 200, { 'x-amz-bucket-region': b._region });
};
