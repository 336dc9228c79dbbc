import type { Shapes } from '../../common/validation';
import { streamARN, streamName } from './common';

export const shapes: Shapes = {
  Tags: {
    type: 'Map',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    // 10 per call, as kinesalite checked against AWS. The current API reference allows a map of up
    // to 200 entries (50 tags per stream): a candidate for a deliberate difference from kinesalite.
    lengthLessThanOrEqual: 10,
    childKeyLengths: [1, 128],
    childValueLengths: [0, 256],
    children: { type: 'String' },
  },
  StreamName: streamName,
  StreamARN: streamARN,
};
