import { S3_XMLNS, isoTime } from '../xml';
import { xmlResponse, type S3Context } from './context';

export const listBuckets = (s: S3Context) =>
  xmlResponse(s.rc, 'ListAllMyBucketsResult', {
    '@_xmlns': S3_XMLNS,
    Owner: { ID: s.store.ownerId, DisplayName: 'emulator' },
    Buckets: {
      Bucket: s.store
        .listBuckets()
        .map((b) => ({ Name: b.Name, CreationDate: isoTime(b.CreationDate), BucketRegion: b._region })),
    },
  });
