import { hrefFor } from '../../hooks/route';
import { s3Path } from '../../lib/s3Keys';

export type DeliveryStreamTab = 'configuration' | 'monitoring';

export const deliveryStreamPath = (name: string) => `/firehose/${encodeURIComponent(name)}`;
export const deliveryStreamHref = (name: string, tab?: DeliveryStreamTab) =>
  hrefFor(deliveryStreamPath(name), { tab });

export const s3Href = (bucket: string, prefix?: string) => hrefFor(s3Path(bucket, prefix));
