import type { Shapes } from '../../common/validation';
import { hashKey, sequenceNumber, streamARN, streamName } from './common';

export const shapes: Shapes = {
  SequenceNumberForOrdering: sequenceNumber,
  PartitionKey: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 256 },
  ExplicitHashKey: hashKey,
  Data: { type: 'Blob', notNull: true, lengthLessThanOrEqual: 1048576 },
  StreamName: streamName,
  StreamARN: streamARN,
};
