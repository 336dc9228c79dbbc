import { kErr } from '../errors';
import { requireActive, streamOf, type KinesisContext } from './context';
import { checkRetentionBounds, type RetentionInput } from './retention';

/** Records older than the new period are dropped (lazily, on the next access to their shard). */
export const decreaseStreamRetentionPeriod = (k: KinesisContext, input: RetentionInput): void => {
  const s = streamOf(k, input);
  checkRetentionBounds(input.RetentionPeriodHours);
  requireActive(k, s);
  if (s.RetentionPeriodHours < input.RetentionPeriodHours) {
    throw kErr.invalidArgument(
      `Requested retention period (${input.RetentionPeriodHours} hours) for stream ${s.StreamName} can not be longer ` +
        `than existing retention period (${s.RetentionPeriodHours} hours). Use IncreaseRetentionPeriod API.`,
    );
  }
  s.RetentionPeriodHours = input.RetentionPeriodHours;
};
