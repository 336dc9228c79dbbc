import { requireActive, streamOf, type KinesisContext, type StreamRef } from './context';
import { checkTagChars } from './tags';

export interface RemoveTagsFromStreamInput extends StreamRef {
  TagKeys: string[];
}

export const removeTagsFromStream = (k: KinesisContext, input: RemoveTagsFromStreamInput): void => {
  const s = streamOf(k, input);
  requireActive(k, s);
  checkTagChars(input.TagKeys, s.StreamName, k.store.account, 'remove tags from');
  for (const key of input.TagKeys) delete s._tags[key];
};
