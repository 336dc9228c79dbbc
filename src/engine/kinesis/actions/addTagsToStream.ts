import { kErr } from '../errors';
import { requireActive, streamOf, type KinesisContext, type StreamRef } from './context';
import { checkTagChars, MAX_TAGS } from './tags';

export interface AddTagsToStreamInput extends StreamRef {
  Tags: Record<string, string>;
}

export const addTagsToStream = (k: KinesisContext, input: AddTagsToStreamInput): void => {
  const s = streamOf(k, input);
  requireActive(k, s);
  const keys = Object.keys(input.Tags);
  checkTagChars([...keys, ...keys.map((key) => input.Tags[key])], s.StreamName, k.store.account, 'add tags to');
  const all = new Set([...Object.keys(s._tags), ...keys]);
  if (all.size > MAX_TAGS) {
    // AWS's text says 10 although the limit is 50.
    throw kErr.invalidArgument(
      `Failed to add tags to stream ${s.StreamName} under account ${k.store.account} because a given stream cannot have more than 10 tags associated with it.`,
    );
  }
  // Defined, not assigned: a key such as `__proto__` is a tag like any other (CreateStream keeps it too).
  for (const key of keys) Object.defineProperty(s._tags, key, { value: input.Tags[key], enumerable: true, writable: true, configurable: true });
};
