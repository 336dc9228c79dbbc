import type { FirehoseContext } from './context';
import { checkTagKeys } from './tags';

/** Removing a key the stream does not have is not an error. */
export const untagDeliveryStream = (
  f: FirehoseContext,
  input: { DeliveryStreamName: string; TagKeys: string[] },
) => {
  checkTagKeys(input.TagKeys, 'tagKeys');
  const s = f.store.get(f.rc.region, input.DeliveryStreamName);
  const drop = new Set(input.TagKeys);
  s.Tags = s.Tags.filter((t) => !drop.has(t.Key));
  return {};
};
