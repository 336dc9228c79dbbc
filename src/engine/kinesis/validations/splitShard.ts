import type { Shapes } from '../../common/validation';
import { shardIdShape, streamARN, streamName } from './common';

export const shapes: Shapes = {
  NewStartingHashKey: { type: 'String', notNull: true, regex: '0|([1-9]\\d{0,38})' },
  StreamName: streamName,
  ShardToSplit: shardIdShape,
  StreamARN: streamARN,
};
