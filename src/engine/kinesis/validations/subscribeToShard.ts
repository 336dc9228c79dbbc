import type { Shapes } from '../../common/validation';
import { consumerARN, sequenceNumber, shardIdShape } from './common';
import { shapes as getShardIterator } from './getShardIterator';

export const shapes: Shapes = {
  ConsumerARN: { ...consumerARN, notNull: true },
  ShardId: shardIdShape,
  StartingPosition: {
    type: 'Structure',
    notNull: true,
    children: {
      Type: getShardIterator.ShardIteratorType,
      SequenceNumber: sequenceNumber,
      Timestamp: { type: 'Timestamp' },
    },
  },
};
