import type { Shapes } from '../../common/validation';
import { consumerARN, consumerName, streamARN } from './common';

export const shapes: Shapes = {
  StreamARN: streamARN,
  ConsumerName: consumerName,
  ConsumerARN: consumerARN,
};
