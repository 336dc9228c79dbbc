import { fErr } from '../errors';
import type { FirehoseContext } from './context';
import { checkTags, MAX_TAGS } from './tags';

/** Adds or overwrites tags; a stream holds at most 50. */
export const tagDeliveryStream = (
  f: FirehoseContext,
  input: { DeliveryStreamName: string; Tags: Array<{ Key: string; Value?: string }> },
) => {
  checkTags(input.Tags, 'tags');
  const s = f.store.get(f.rc.region, input.DeliveryStreamName);
  const merged = new Map(s.Tags.map((t) => [t.Key, t]));
  for (const t of input.Tags)
    merged.set(t.Key, { Key: t.Key, ...(t.Value !== undefined ? { Value: t.Value } : {}) });
  // The console's own text, in AWS's manner.
  if (merged.size > MAX_TAGS) throw fErr.limit(`A delivery stream can have at most ${MAX_TAGS} tags.`);
  s.Tags = [...merged.values()];
  return {};
};
