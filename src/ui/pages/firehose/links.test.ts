import { describe, expect, it } from 'vitest';
import { deliveryStreamHref, s3Href } from './links';

describe('links', () => {
  it('goes to the S3 browser at a bucket, or a folder with each segment encoded', () => {
    expect(s3Href('workshop-bucket')).toBe('#/s3/workshop-bucket');
    expect(s3Href('b', 'a b/c#d/')).toBe('#/s3/b/a%20b/c%23d/');
    expect(s3Href('b', '')).toBe('#/s3/b');
    expect(s3Href('b', 'x/')).toBe('#/s3/b/x/');
  });

  it('opens a delivery stream on a tab', () => {
    expect(deliveryStreamHref('to-s3')).toBe('#/firehose/to-s3');
    expect(deliveryStreamHref('to-s3', 'monitoring')).toBe('#/firehose/to-s3?tab=monitoring');
  });
});
