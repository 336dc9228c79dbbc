import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  TagKeys: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 50,
    childLengths: [1, 128],
    children: { type: 'String' },
  },
  StreamName: streamName,
  StreamARN: streamARN,
};
