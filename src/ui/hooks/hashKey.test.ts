import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POW_128 as HASH_SPACE } from '../../engine/kinesis/store/hashkeys';
import { kinesisHarness } from '../../engine/kinesis/testing';
import { keyPosition, md5HashKey, midpoint, parseHashKey, rangeSlice, shardForHashKey } from './hashKey';

// Two shards split evenly, as CreateStream does: floor(2^128/2) * i, the last ends at 2^128-1.
const half = HASH_SPACE / 2n;
const shards = [
  { ShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: (half - 1n).toString() } },
  { ShardId: 'shardId-000000000001', HashKeyRange: { StartingHashKey: half.toString(), EndingHashKey: (HASH_SPACE - 1n).toString() } },
];

describe('hash keys', () => {
  it('reads MD5 of the partition key as a big-endian 128-bit integer', () => {
    // md5("a") = 0cc175b9c0f1b6a831c399e269772661
    expect(md5HashKey('a')).toEqual({
      md5Hex: '0cc175b9c0f1b6a831c399e269772661',
      decimal: BigInt('0x0cc175b9c0f1b6a831c399e269772661').toString(),
    });
  });

  it('hashes the UTF-8 bytes of non-ASCII keys', () => {
    for (const key of ['é', 'sensor-温度', '🚀']) {
      expect(md5HashKey(key).md5Hex).toBe(createHash('md5').update(Buffer.from(key, 'utf8')).digest('hex'));
    }
  });

  it('hashes a partition key with a lone surrogate without throwing, to the shard the service picks', () => {
    const h = kinesisHarness();
    const open: { ShardId: string; HashKeyRange: { StartingHashKey: string; EndingHashKey: string } }[] = h.active('s', 4).Shards;
    for (const key of ['\ud800x', 'x\udc00', '\ud800']) {
      const info = md5HashKey(key);
      // A lone surrogate is encoded as U+FFFD, as Java (and Node's Buffer) encode it.
      expect(info.md5Hex).toBe(createHash('md5').update(Buffer.from(key, 'utf8')).digest('hex'));
      const put = h.call('PutRecord', { StreamName: 's', PartitionKey: key, Data: h.b64('x') });
      expect(shardForHashKey(open, BigInt(info.decimal))?.ShardId).toBe(put.ShardId);
    }
  });

  it('finds the shard whose range holds the key', () => {
    expect(shardForHashKey(shards, 0n)?.ShardId).toBe('shardId-000000000000');
    expect(shardForHashKey(shards, half - 1n)?.ShardId).toBe('shardId-000000000000');
    expect(shardForHashKey(shards, half)?.ShardId).toBe('shardId-000000000001');
    expect(shardForHashKey(shards, BigInt(md5HashKey('a').decimal))?.ShardId).toBe('shardId-000000000000');
  });

  it('accepts only decimal keys inside the hash space', () => {
    expect(parseHashKey('0')).toBe(0n);
    expect(parseHashKey((HASH_SPACE - 1n).toString())).toBe(HASH_SPACE - 1n);
    expect(parseHashKey(HASH_SPACE.toString())).toBeUndefined();
    expect(parseHashKey('-1')).toBeUndefined();
    expect(parseHashKey('12a')).toBeUndefined();
  });

  it('splits at the midpoint and places ranges on the bar', () => {
    expect(midpoint({ StartingHashKey: '0', EndingHashKey: (HASH_SPACE - 1n).toString() })).toBe(half.toString());
    expect(midpoint({ StartingHashKey: '10', EndingHashKey: '13' })).toBe('12');
    expect(rangeSlice(shards[1].HashKeyRange)).toEqual({ left: 50, width: 50 });
    expect(keyPosition(half / 2n)).toBe(25);
  });
});
