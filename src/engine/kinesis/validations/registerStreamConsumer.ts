import type { Shapes } from '../../common/validation';
import { consumerName, streamARN } from './common';

export const shapes: Shapes = {
  StreamARN: { ...streamARN, notNull: true },
  ConsumerName: { ...consumerName, notNull: true },
};
