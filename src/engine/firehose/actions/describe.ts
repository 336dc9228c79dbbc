import { DESTINATION_ID, type DeliveryStream } from '../types';
import { extendedS3Description, s3Description } from './destination';

const seconds = (ms: number): number => ms / 1000;

/** DeliveryStreamDescription as DescribeDeliveryStream returns it. */
export const deliveryStreamDescription = (s: DeliveryStream) => ({
  DeliveryStreamName: s.DeliveryStreamName,
  DeliveryStreamARN: s.DeliveryStreamARN,
  DeliveryStreamStatus: s.DeliveryStreamStatus,
  DeliveryStreamEncryptionConfiguration: { Status: 'DISABLED' },
  DeliveryStreamType: s.DeliveryStreamType,
  VersionId: s.VersionId,
  CreateTimestamp: seconds(s.CreateTimestamp),
  ...(s.LastUpdateTimestamp !== undefined ? { LastUpdateTimestamp: seconds(s.LastUpdateTimestamp) } : {}),
  ...(s.KinesisStreamSource
    ? {
        Source: {
          KinesisStreamSourceDescription: {
            KinesisStreamARN: s.KinesisStreamSource.KinesisStreamARN,
            RoleARN: s.KinesisStreamSource.RoleARN,
            DeliveryStartTimestamp: seconds(s.KinesisStreamSource.DeliveryStartTimestamp),
          },
        },
      }
    : {}),
  Destinations: [
    {
      DestinationId: DESTINATION_ID,
      S3DestinationDescription: s3Description(s.Destination),
      ExtendedS3DestinationDescription: extendedS3Description(s.Destination),
    },
  ],
  HasMoreDestinations: false,
});
