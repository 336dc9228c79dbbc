import { kErr } from '../errors';
import { requireActive, streamOf, type KinesisContext } from './context';
import { checkRetentionBounds, type RetentionInput } from './retention';

export const increaseStreamRetentionPeriod = (k: KinesisContext, input: RetentionInput): void => {
  const s = streamOf(k, input);
  checkRetentionBounds(input.RetentionPeriodHours);
  requireActive(k, s);
  if (s.RetentionPeriodHours > input.RetentionPeriodHours) {
    throw kErr.invalidArgument(
      `Requested retention period (${input.RetentionPeriodHours} hours) for stream ${s.StreamName} can not be shorter ` +
        `than existing retention period (${s.RetentionPeriodHours} hours). Use DecreaseRetentionPeriod API.`,
    );
  }
  s.RetentionPeriodHours = input.RetentionPeriodHours;
};
