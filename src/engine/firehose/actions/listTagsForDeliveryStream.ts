import type { FirehoseContext } from './context';

/** Default and largest page (API reference, ListTagsForDeliveryStream: Limit 1-50). */
const PAGE = 50;

/** Tags sorted by key, starting after ExclusiveStartTagKey. */
export const listTagsForDeliveryStream = (
  f: FirehoseContext,
  input: { DeliveryStreamName: string; ExclusiveStartTagKey?: string; Limit?: number },
) => {
  const s = f.store.get(f.rc.region, input.DeliveryStreamName);
  const after = input.ExclusiveStartTagKey;
  const all = [...s.Tags]
    .sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0))
    .filter((t) => after === undefined || t.Key > after);
  const limit = input.Limit ?? PAGE;
  return { Tags: all.slice(0, limit).map((t) => ({ ...t })), HasMoreTags: all.length > limit };
};
