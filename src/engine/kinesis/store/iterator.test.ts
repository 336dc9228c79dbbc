import { describe, expect, it } from 'vitest';
import { decodeIterator, encodeIterator } from './iterator';

const pos = { streamName: 'my-stream', streamCreatedAt: 5, shardId: 'shardId-000000000001', after: true, seq: '49123', issuedAt: 1000 };

describe('shard iterators', () => {
  it('round-trip through an opaque Base64 token', () => {
    const t = encodeIterator(pos);
    expect(t).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodeIterator(t)).toEqual(pos);
  });

  it('refuse tokens that were not made here', () => {
    expect(decodeIterator('not base64!')).toBeUndefined();
    expect(decodeIterator(btoa('1|1000|s|5|shardId-000000000000|=1|00000000'))).toBeUndefined();
    const t = atob(encodeIterator(pos));
    expect(decodeIterator(btoa(t.replace('my-stream', 'other')))).toBeUndefined();
  });
});
