import type { Shapes } from '../../common/validation';
import { requiredStreamName } from './common';

export const shapes: Shapes = {
  ShardCount: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 100000 },
  StreamModeDetails: {
    type: 'Structure',
    children: { StreamMode: { type: 'String', notNull: true, enum: ['PROVISIONED', 'ON_DEMAND'] } },
  },
  StreamName: requiredStreamName,
  Tags: {
    type: 'Map',
    lengthLessThanOrEqual: 50,
    childKeyLengths: [1, 128],
    childValueLengths: [0, 256],
    children: { type: 'String' },
  },
};
