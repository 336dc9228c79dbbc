import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  EnforceConsumerDeletion: { type: 'Boolean' },
  StreamName: streamName,
  StreamARN: streamARN,
};
