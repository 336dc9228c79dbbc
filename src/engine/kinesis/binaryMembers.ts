import type { BinaryMembers } from '../protocol/cbor';

/**
 * Output members that CBOR carries as byte strings or tagged times (see protocol/cbor.ts), per
 * operation; the test beside this file derives the same table from AWS's model of Kinesis.
 */
export const KINESIS_BINARY_OUTPUTS: Record<string, BinaryMembers> = {
  DescribeStream: { blobs: [], timestamps: ['StreamDescription.StreamCreationTimestamp'] },
  DescribeStreamConsumer: { blobs: [], timestamps: ['ConsumerDescription.ConsumerCreationTimestamp'] },
  DescribeStreamSummary: { blobs: [], timestamps: ['StreamDescriptionSummary.StreamCreationTimestamp'] },
  GetRecords: { blobs: ['Records[].Data'], timestamps: ['Records[].ApproximateArrivalTimestamp'] },
  ListStreamConsumers: { blobs: [], timestamps: ['Consumers[].ConsumerCreationTimestamp'] },
  ListStreams: { blobs: [], timestamps: ['StreamSummaries[].StreamCreationTimestamp'] },
  RegisterStreamConsumer: { blobs: [], timestamps: ['Consumer.ConsumerCreationTimestamp'] },
};

/** A SubscribeToShardEvent's members CBOR carries as byte strings or tagged times (its records, as GetRecords'). */
export const SUBSCRIBE_TO_SHARD_EVENT_MEMBERS: BinaryMembers = KINESIS_BINARY_OUTPUTS.GetRecords;
