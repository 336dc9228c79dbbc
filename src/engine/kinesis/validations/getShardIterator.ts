import type { Shapes } from '../../common/validation';
import { sequenceNumber, shardIdShape, streamARN, streamName } from './common';

export const shapes: Shapes = {
  ShardId: shardIdShape,
  ShardIteratorType: {
    type: 'String',
    notNull: true,
    enum: ['AFTER_SEQUENCE_NUMBER', 'LATEST', 'AT_TIMESTAMP', 'AT_SEQUENCE_NUMBER', 'TRIM_HORIZON'],
  },
  StartingSequenceNumber: sequenceNumber,
  StreamName: streamName,
  Timestamp: { type: 'Timestamp' },
  StreamARN: streamARN,
};
