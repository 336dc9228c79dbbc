import { streamOf, type KinesisContext, type StreamRef } from './context';

export interface ListTagsForStreamInput extends StreamRef {
  Limit?: number;
  ExclusiveStartTagKey?: string;
}

/** Tags sorted by key, Limit (default 50) at a time after ExclusiveStartTagKey. */
export const listTagsForStream = (k: KinesisContext, input: ListTagsForStreamInput) => {
  const s = streamOf(k, input);
  const limit = input.Limit ?? 50;
  let keys = Object.keys(s._tags).sort();
  if (input.ExclusiveStartTagKey !== undefined) keys = keys.filter((key) => key > input.ExclusiveStartTagKey!);
  return {
    Tags: keys.slice(0, limit).map((key) => ({ Key: key, Value: s._tags[key] })),
    HasMoreTags: keys.length > limit,
  };
};
