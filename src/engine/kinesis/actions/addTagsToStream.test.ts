import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('AddTagsToStream', () => {
  it('adds and overwrites tags', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('AddTagsToStream', { StreamName: 's', Tags: { a: '1', b: '2' } });
    h.call('AddTagsToStream', { StreamName: 's', Tags: { a: '3' } });
    expect(h.call('ListTagsForStream', { StreamName: 's' }).Tags).toEqual([
      { Key: 'a', Value: '3' },
      { Key: 'b', Value: '2' },
    ]);
  });

  it('keeps a tag named __proto__, as CreateStream does (the request is JSON: any key is a key)', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('AddTagsToStream', { StreamName: 's', Tags: JSON.parse('{"__proto__": "x", "b": "2"}') });
    expect(h.call('ListTagsForStream', { StreamName: 's' }).Tags).toEqual([
      { Key: '__proto__', Value: 'x' },
      { Key: 'b', Value: '2' },
    ]);
    h.call('RemoveTagsFromStream', { StreamName: 's', TagKeys: ['__proto__'] });
    expect(h.call('ListTagsForStream', { StreamName: 's' }).Tags).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('refuses invalid characters and more than 50 tags on a stream', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    expect(h.error('AddTagsToStream', { StreamName: 's', Tags: { 'a!': '1' } })).toEqual({
      code: 'InvalidArgumentException',
      message: 'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.',
    });
    expect(h.error('AddTagsToStream', { StreamName: 's', Tags: { 'a%': '1' } }).message).toBe(
      "Failed to add tags to stream s under account 000000000000 because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
    );
    for (let i = 0; i < 5; i++) {
      const tags = Object.fromEntries(Array.from({ length: 10 }, (_, j) => [`k${i}-${j}`, 'v']));
      h.call('AddTagsToStream', { StreamName: 's', Tags: tags });
    }
    expect(h.error('AddTagsToStream', { StreamName: 's', Tags: { extra: 'v' } }).message).toBe(
      'Failed to add tags to stream s under account 000000000000 because a given stream cannot have more than 10 tags associated with it.',
    );
  });

  it('takes up to 50 tags in one call (API reference: up to 50 per call and per stream)', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    const tags = (n: number, p: string) => Object.fromEntries(Array.from({ length: n }, (_, j) => [`${p}${j}`, 'v']));
    h.call('AddTagsToStream', { StreamName: 's', Tags: tags(11, 'a') });
    expect(h.call('ListTagsForStream', { StreamName: 's' }).Tags).toHaveLength(11);
    expect(h.error('AddTagsToStream', { StreamName: 's', Tags: tags(40, 'b') })).toEqual({
      code: 'InvalidArgumentException',
      message:
        'Failed to add tags to stream s under account 000000000000 because a given stream cannot have more than 10 tags associated with it.',
    });
    h.call('AddTagsToStream', { StreamName: 's', Tags: tags(39, 'b') });
    expect(h.call('ListTagsForStream', { StreamName: 's' }).Tags).toHaveLength(50);
    expect(h.error('AddTagsToStream', { StreamName: 's', Tags: tags(201, 'c') }).message).toMatch(
      /^1 validation error detected: Value '\{.*\}' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200$/,
    );
  });

  it('validates the map: at least 1 tag, key lengths', () => {
    const h = kinesisHarness();
    expect(h.error('AddTagsToStream', { StreamName: 's', Tags: {} }).message).toBe(
      "1 validation error detected: Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(h.error('AddTagsToStream', { StreamName: 's', Tags: { '': 'v' } }).message).toBe(
      "1 validation error detected: Value '{=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]",
    );
  });
});
