import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const ids = (r: any) => r.Shards.map((s: any) => s.ShardId);

describe('ListShards', () => {
  it('lists shards, MaxResults at a time with a NextToken', () => {
    const h = kinesisHarness();
    h.active('s', 3);
    const a = h.call('ListShards', { StreamName: 's', MaxResults: 2 });
    expect(ids(a)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    const b = h.call('ListShards', { NextToken: a.NextToken });
    expect(ids(b)).toEqual(['shardId-000000000002']);
    expect(b.NextToken).toBeUndefined();
    expect(ids(h.call('ListShards', { StreamName: 's', ExclusiveStartShardId: 'shardId-000000000000' }))).toHaveLength(2);
  });

  it('filters with ShardFilter: AT_LATEST keeps open shards, AFTER_SHARD_ID those after one', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    h.settle();
    expect(ids(h.call('ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }))).toEqual([
      'shardId-000000000001',
      'shardId-000000000002',
      'shardId-000000000003',
    ]);
    expect(ids(h.call('ListShards', { StreamName: 's', ShardFilter: { Type: 'AFTER_SHARD_ID', ShardId: 'shardId-000000000001' } }))).toEqual([
      'shardId-000000000002',
      'shardId-000000000003',
    ]);
    expect(ids(h.call('ListShards', { StreamName: 's', ShardFilter: { Type: 'FROM_TRIM_HORIZON' } }))).toHaveLength(4);
  });

  // ShardFilter semantics: Kinesis API reference, ShardFilter.
  describe('ShardFilter types over a split', () => {
    const split = () => {
      const h = kinesisHarness();
      h.active('s', 1);
      h.clock.advance(60_000);
      h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
      h.settle();
      return { h, splitAt: h.clock.now() / 1000 };
    };
    const list = (h: ReturnType<typeof kinesisHarness>, ShardFilter: Record<string, unknown>) =>
      ids(h.call('ListShards', { StreamName: 's', ShardFilter }));
    const all = ['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002'];

    it('AT_TRIM_HORIZON: the shards open at the trim horizon (a young stream: its first shards)', () => {
      const { h } = split();
      expect(list(h, { Type: 'AT_TRIM_HORIZON' })).toEqual(['shardId-000000000000']);
      h.clock.advance(25 * 3_600_000); // the parent's records are past retention: the horizon is after the split
      expect(list(h, { Type: 'AT_TRIM_HORIZON' })).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    });

    it('FROM_TRIM_HORIZON (the default): trim to tip, so a shard closed before the horizon is gone', () => {
      const { h } = split();
      expect(list(h, { Type: 'FROM_TRIM_HORIZON' })).toEqual(all);
      expect(ids(h.call('ListShards', { StreamName: 's' }))).toEqual(all);
      h.clock.advance(25 * 3_600_000);
      expect(list(h, { Type: 'FROM_TRIM_HORIZON' })).toEqual(['shardId-000000000001', 'shardId-000000000002']);
      expect(ids(h.call('ListShards', { StreamName: 's' }))).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    });

    it('AT_TIMESTAMP: started at or before it and ended at or after it (or open)', () => {
      const { h, splitAt } = split();
      expect(list(h, { Type: 'AT_TIMESTAMP', Timestamp: splitAt })).toEqual(all);
      expect(list(h, { Type: 'AT_TIMESTAMP', Timestamp: splitAt - 1 })).toEqual(['shardId-000000000000']);
      expect(list(h, { Type: 'AT_TIMESTAMP', Timestamp: splitAt + 1 })).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    });

    it('FROM_TIMESTAMP: open shards and those ended at or after it; before the trim horizon it is the horizon', () => {
      const { h, splitAt } = split();
      expect(list(h, { Type: 'FROM_TIMESTAMP', Timestamp: splitAt })).toEqual(all);
      expect(list(h, { Type: 'FROM_TIMESTAMP', Timestamp: splitAt + 1 })).toEqual(['shardId-000000000001', 'shardId-000000000002']);
      h.clock.advance(25 * 3_600_000);
      expect(list(h, { Type: 'FROM_TIMESTAMP', Timestamp: 0 })).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    });

    it("a NextToken pages through the first call's filtered view, with or without the ShardFilter again", () => {
      const { h } = split();
      const first = h.call('ListShards', { StreamName: 's', MaxResults: 1, ShardFilter: { Type: 'AT_LATEST' } });
      expect(ids(first)).toEqual(['shardId-000000000001']);
      expect(ids(h.call('ListShards', { NextToken: first.NextToken }))).toEqual(['shardId-000000000002']);
      expect(ids(h.call('ListShards', { NextToken: first.NextToken, ShardFilter: { Type: 'AT_LATEST' } }))).toEqual([
        'shardId-000000000002',
      ]);
    });
  });

  it('refuses a NextToken older than 300 seconds with ExpiredNextTokenException (API reference, ListShards)', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    const { NextToken } = h.call('ListShards', { StreamName: 's', MaxResults: 1 });
    h.clock.advance(300_000);
    expect(ids(h.call('ListShards', { NextToken }))).toEqual(['shardId-000000000001']);
    h.clock.advance(1);
    expect(h.error('ListShards', { NextToken }).code).toBe('ExpiredNextTokenException');
  });

  it('returns at most 1000 shards even when MaxResults asks for more', () => {
    const h = kinesisHarness();
    h.call('CreateStream', { StreamName: 's', ShardCount: 400 });
    h.settle();
    for (const TargetShardCount of [500, 400]) {
      h.call('UpdateShardCount', { StreamName: 's', TargetShardCount, ScalingType: 'UNIFORM_SCALING' });
      h.settle();
    } // 400 + 500 + 400 shards, open and closed
    const out = h.call('ListShards', { StreamName: 's', MaxResults: 10000 });
    expect(out.Shards).toHaveLength(1000);
    expect(out.NextToken).toBeDefined();
  });

  it('accepts a StreamARN', () => {
    const h = kinesisHarness();
    const d = h.active('s', 1);
    expect(ids(h.call('ListShards', { StreamARN: d.StreamARN }))).toEqual(['shardId-000000000000']);
  });

  describe('bad input', () => {
    it('refuses NextToken together with StreamName, and neither', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      expect(h.error('ListShards', { StreamName: 's', NextToken: 'x' })).toEqual({
        code: 'InvalidArgumentException',
        message: 'NextToken and StreamName cannot be provided together.',
      });
      expect(h.error('ListShards', {})).toEqual({
        code: 'InvalidArgumentException',
        message: 'Either NextToken or StreamName should be provided.',
      });
    });
    it('rejects MaxResults out of range', () => {
      expect(kinesisHarness().error('ListShards', { StreamName: 's', MaxResults: 0 }).message).toBe(
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      );
    });
    it('answers ResourceNotFoundException for an unknown stream', () => {
      expect(kinesisHarness().error('ListShards', { StreamName: 'nope' }).message).toBe(
        'Stream nope under account 000000000000 not found.',
      );
    });
  });
});
