import { emptyResponse, type S3Context } from './context';
import { objectHeaders } from './objectHeaders';

export const headObject = (s: S3Context) => {
  const o = s.store.headObject(s.bucket, s.key);
  return emptyResponse(s.rc, 200, { ...objectHeaders(o), 'content-length': String(o.Size) });
};
