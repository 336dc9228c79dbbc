import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  Tags: {
    type: 'Map',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    // At most 50 tags per call in the current API model (kinesalite still says 10).
    lengthLessThanOrEqual: 50,
    childKeyLengths: [1, 128],
    childValueLengths: [0, 256],
    children: { type: 'String' },
  },
  StreamName: streamName,
  StreamARN: streamARN,
};
