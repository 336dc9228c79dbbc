import type { Shapes } from '../../common/validation';
import { hashKey, streamARN, streamName } from './common';

export const shapes: Shapes = {
  Records: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 500,
    memberStr: 'com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310',
    children: {
      type: 'Structure',
      children: {
        PartitionKey: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 256 },
        ExplicitHashKey: hashKey,
        Data: { type: 'Blob', notNull: true, lengthLessThanOrEqual: 1048576 },
      },
    },
  },
  StreamName: streamName,
  StreamARN: streamARN,
};
