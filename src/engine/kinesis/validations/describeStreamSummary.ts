import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  StreamName: streamName,
  StreamARN: streamARN,
};
