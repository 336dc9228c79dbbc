import { describe, expect, it } from 'vitest';
import { decodeIterator, encodeIterator } from './iterator';

const pos = { region: 'eu-west-1', streamName: 'my-stream', streamCreatedAt: 5, shardId: 'shardId-000000000001', after: true, seq: '49123', issuedAt: 1000 };

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
    expect(decodeIterator(btoa(t.replace('eu-west-1', 'us-east-1')))).toBeUndefined();
  });

  it('carry the region of their stream', () => {
    expect(atob(encodeIterator(pos))).toContain('|eu-west-1|my-stream|');
  });

  it('read a token issued before streams had regions as a us-east-1 one', () => {
    // Made by the version-1 encoder for `pos` without its region.
    const v1 = 'MXwxMDAwfG15LXN0cmVhbXw1fHNoYXJkSWQtMDAwMDAwMDAwMDAxfD40OTEyM3wxY2ExZWVmNQ==';
    expect(decodeIterator(v1)).toEqual({ ...pos, region: 'us-east-1' });
  });
});
