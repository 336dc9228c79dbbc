import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('ListTagsForStream', () => {
  it('lists tags by key, Limit at a time after ExclusiveStartTagKey', () => {
    const h = kinesisHarness();
    h.active('s', 1, { Tags: { c: '3', a: '1', b: '2' } });
    expect(h.call('ListTagsForStream', { StreamName: 's', Limit: 2 })).toEqual({
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      HasMoreTags: true,
    });
    expect(h.call('ListTagsForStream', { StreamName: 's', ExclusiveStartTagKey: 'b' })).toEqual({
      Tags: [{ Key: 'c', Value: '3' }],
      HasMoreTags: false,
    });
  });

  it('answers an unknown stream with ResourceNotFoundException', () => {
    expect(kinesisHarness().error('ListTagsForStream', { StreamName: 'x' }).code).toBe('ResourceNotFoundException');
  });
});
