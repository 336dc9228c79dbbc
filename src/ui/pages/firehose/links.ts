import { hrefFor } from '../../hooks/route';

export type DeliveryStreamTab = 'configuration' | 'monitoring';

export const deliveryStreamPath = (name: string) => `/firehose/${encodeURIComponent(name)}`;
export const deliveryStreamHref = (name: string, tab?: DeliveryStreamTab) =>
  hrefFor(deliveryStreamPath(name), { tab });

/**
 * The S3 browser's route for a bucket, or a folder in it: `/s3/<bucket>` and
 * `/s3/<bucket>/<prefix>`, each segment of the prefix URL-encoded (its slashes kept, a trailing one too).
 */
export const s3Path = (bucket: string, prefix?: string): string => {
  const folder = prefix ? `/${prefix.split('/').map(encodeURIComponent).join('/')}` : '';
  return `/s3/${encodeURIComponent(bucket)}${folder}`;
};
export const s3Href = (bucket: string, prefix?: string) => hrefFor(s3Path(bucket, prefix));
