import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  Tags: {
    type: 'Map',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    // The current API model's map bound (API reference, AddTagsToStream: "up to 50 key-value pairs",
    // map of at most 200 entries); the 50-per-stream cap is the action's. kinesalite still has 10.
    lengthLessThanOrEqual: 200,
    childKeyLengths: [1, 128],
    childValueLengths: [0, 256],
    children: { type: 'String' },
  },
  StreamName: streamName,
  StreamARN: streamARN,
};
