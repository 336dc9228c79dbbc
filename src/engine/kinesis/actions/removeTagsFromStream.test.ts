import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('RemoveTagsFromStream', () => {
  it('removes the named tags, ignoring unknown keys', () => {
    const h = kinesisHarness();
    h.active('s', 1, { Tags: { a: '1', b: '2' } });
    h.call('RemoveTagsFromStream', { StreamName: 's', TagKeys: ['a', 'zz'] });
    expect(h.call('ListTagsForStream', { StreamName: 's' }).Tags).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('refuses invalid characters and an empty key list', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    expect(h.error('RemoveTagsFromStream', { StreamName: 's', TagKeys: ['a%'] }).message).toBe(
      "Failed to remove tags from stream s under account 000000000000 because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
    );
    expect(h.error('RemoveTagsFromStream', { StreamName: 's', TagKeys: [] }).message).toBe(
      "1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });
});
