import { S3_XMLNS } from '../xml';
import { xmlResponse, type S3Context } from './context';

/** The bucket's region as its LocationConstraint: empty for us-east-1, as S3 answers (GetBucketLocation). */
export const getBucketLocation = (s: S3Context) => {
  const b = s.store.bucket(s.bucket);
  return xmlResponse(s.rc, 'LocationConstraint', {
    '@_xmlns': S3_XMLNS,
    '#text': b._region === 'us-east-1' ? '' : b._region,
  });
};
