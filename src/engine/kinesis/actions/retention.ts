import { kErr } from '../errors';
import type { StreamRef } from './context';

export interface RetentionInput extends StreamRef {
  RetentionPeriodHours: number;
}

const MIN = 24;
const MAX = 8760;

export const checkRetentionBounds = (hours: number): void => {
  if (hours < MIN)
    throw kErr.invalidArgument(
      `Minimum allowed retention period is ${MIN} hours. Requested retention period (${hours} hours) is too short.`,
    );
  if (hours > MAX)
    throw kErr.invalidArgument(
      `Maximum allowed retention period is ${MAX} hours. Requested retention period (${hours} hours) is too long.`,
    );
};
