import { describe, expect, it } from 'vitest';
import { decodeIterator, encodeIterator } from '../store/iterator';
import { kinesisHarness } from '../testing';

const setup = (shards = 1, options = {}) => {
  const h = kinesisHarness(options);
  h.active('s', shards);
  return h;
};
const trim = (h: ReturnType<typeof kinesisHarness>, shard = 'shardId-000000000000') =>
  h.call('GetShardIterator', { StreamName: 's', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;

describe('GetRecords', () => {
  it('returns the records as put: Base64 data, partition key, sequence number, arrival time in seconds', () => {
    const h = setup();
    const { SequenceNumber } = h.call('PutRecord', { StreamName: 's', PartitionKey: 'pk', Data: h.b64('{"a":1}') });
    const out = h.call('GetRecords', { ShardIterator: trim(h) });
    expect(out.Records).toEqual([
      { SequenceNumber, ApproximateArrivalTimestamp: h.clock.now() / 1000, Data: h.b64('{"a":1}'), PartitionKey: 'pk' },
    ]);
    expect(out.MillisBehindLatest).toBe(0);
    expect(typeof out.NextShardIterator).toBe('string');
  });

  it('pages with Limit and NextShardIterator, with MillisBehindLatest while behind', () => {
    const h = setup();
    for (const pk of ['a', 'b', 'c']) h.call('PutRecord', { StreamName: 's', PartitionKey: pk, Data: '' });
    h.clock.advance(1500);
    const one = h.call('GetRecords', { ShardIterator: trim(h), Limit: 2 });
    expect(one.Records.map((r: any) => r.PartitionKey)).toEqual(['a', 'b']);
    expect(one.MillisBehindLatest).toBe(1500);
    const two = h.call('GetRecords', { ShardIterator: one.NextShardIterator });
    expect(two.Records.map((r: any) => r.PartitionKey)).toEqual(['c']);
    expect(two.MillisBehindLatest).toBe(0);
    expect(h.call('GetRecords', { ShardIterator: two.NextShardIterator }).Records).toEqual([]);
  });

  it('at the end of a closed shard: ChildShards and no NextShardIterator', () => {
    const h = setup();
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'a', Data: '' });
    const it0 = trim(h);
    h.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 127n) });
    h.settle();
    const out = h.call('GetRecords', { ShardIterator: it0 });
    expect(out.Records).toHaveLength(1);
    expect(out.NextShardIterator).toBeUndefined();
    expect(out.ChildShards).toEqual([
      {
        ShardId: 'shardId-000000000001',
        ParentShards: ['shardId-000000000000'],
        HashKeyRange: { StartingHashKey: '0', EndingHashKey: String((1n << 127n) - 1n) },
      },
      {
        ShardId: 'shardId-000000000002',
        ParentShards: ['shardId-000000000000'],
        HashKeyRange: { StartingHashKey: String(1n << 127n), EndingHashKey: String((1n << 128n) - 1n) },
      },
    ]);
  });

  it('refuses a well-formed token whose time no clock can show as an invalid iterator, not a failure', () => {
    const h = setup();
    const real = decodeIterator(trim(h))!;
    for (const issuedAt of [-1e20, 1e300, Number.NaN]) {
      const forged = encodeIterator({ ...real, issuedAt });
      expect(h.error('GetRecords', { ShardIterator: forged })).toMatchObject({ code: 'InvalidArgumentException' });
    }
  });

  it('throttles a sixth call in one second on a shard', () => {
    const h = setup();
    const it0 = trim(h);
    for (let i = 0; i < 5; i++) h.call('GetRecords', { ShardIterator: it0 });
    expect(h.error('GetRecords', { ShardIterator: it0 })).toEqual({
      code: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for shard shardId-000000000000 in stream s under account 000000000000.',
    });
    expect(h.metrics.filter((m) => m.name === 'ReadProvisionedThroughputExceeded').at(-1)?.value).toBe(1);
    h.clock.advance(1000);
    expect(h.call('GetRecords', { ShardIterator: it0 }).Records).toEqual([]);
  });

  it('throttles reads past 2 MiB in one second', () => {
    const h = setup(1, {});
    const big = 'A'.repeat(1398100); // ~1 MiB
    for (let i = 0; i < 3; i++) {
      h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: big });
      h.clock.advance(1000);
    }
    const a = h.call('GetRecords', { ShardIterator: trim(h), Limit: 2 });
    expect(a.Records).toHaveLength(2);
    expect(h.error('GetRecords', { ShardIterator: a.NextShardIterator }).code).toBe('ProvisionedThroughputExceededException');
    h.clock.advance(1000);
    expect(h.call('GetRecords', { ShardIterator: a.NextShardIterator }).Records).toHaveLength(1);
  });

  it('after one 10 MiB read refuses reads for about 4 more seconds', () => {
    const h = setup();
    const big = 'A'.repeat(1398100); // ~1 MiB
    for (let i = 0; i < 10; i++) {
      h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: big });
      h.clock.advance(1000);
    }
    const a = h.call('GetRecords', { ShardIterator: trim(h) });
    expect(a.Records).toHaveLength(10);
    h.clock.advance(3900);
    expect(h.error('GetRecords', { ShardIterator: a.NextShardIterator }).code).toBe('ProvisionedThroughputExceededException');
    h.clock.advance(200);
    expect(h.call('GetRecords', { ShardIterator: a.NextShardIterator }).Records).toEqual([]);
  });

  it('drops records older than the retention period', () => {
    const h = setup();
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'old', Data: '' });
    h.clock.advance(23 * 3600_000);
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'new', Data: '' });
    h.clock.advance(3600_000);
    expect(h.call('GetRecords', { ShardIterator: trim(h) }).Records.map((r: any) => r.PartitionKey)).toEqual(['old', 'new']);
    h.clock.advance(1); // now more than 24 hours old
    expect(h.call('GetRecords', { ShardIterator: trim(h) }).Records.map((r: any) => r.PartitionKey)).toEqual(['new']);
  });

  it('reports GetRecords metrics, and shard-level outgoing metrics when enabled', () => {
    const h = setup();
    h.call('EnableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['ALL'] });
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: 'AAAA' });
    h.clock.advance(250);
    h.metrics.length = 0;
    h.call('GetRecords', { ShardIterator: trim(h) });
    const byName = (n: string, dims = 1) => h.metrics.find((m) => m.name === n && m.dimensions.length === dims);
    expect(byName('GetRecords.Records')?.value).toBe(1);
    expect(byName('GetRecords.Bytes')).toMatchObject({ value: 4, unit: 'Bytes' });
    expect(byName('GetRecords.Success')?.value).toBe(1);
    expect(byName('GetRecords.IteratorAgeMilliseconds')).toMatchObject({ value: 250, unit: 'Milliseconds' });
    expect(byName('OutgoingRecords', 2)?.value).toBe(1);
    expect(byName('OutgoingBytes', 2)?.value).toBe(4);
    expect(byName('IteratorAgeMilliseconds', 2)?.value).toBe(250);
  });

  describe('bad input', () => {
    it('rejects a garbage iterator', () => {
      const h = setup();
      expect(h.error('GetRecords', { ShardIterator: 'garbage' })).toEqual({
        code: 'InvalidArgumentException',
        message: 'Invalid ShardIterator.',
      });
      const real = trim(h);
      const tampered = btoa(atob(real).replace('shardId-000000000000', 'shardId-000000000001'));
      expect(h.error('GetRecords', { ShardIterator: tampered }).message).toBe('Invalid ShardIterator.');
    });

    it('expires an iterator 5 minutes after it was issued', () => {
      const h = setup();
      const it0 = trim(h);
      h.clock.advance(300_000);
      expect(h.call('GetRecords', { ShardIterator: it0 }).Records).toEqual([]);
      h.clock.advance(1);
      expect(h.error('GetRecords', { ShardIterator: it0 })).toEqual({
        code: 'ExpiredIteratorException',
        message:
          'Iterator expired. The iterator was created at time Thu Jan 01 00:00:00 UTC 2026 while right now it is Thu Jan 01 00:05:00 UTC 2026 which is further in the future than the tolerated delay of 300000 milliseconds.',
      });
    });

    it('rejects Limit 0 and 10001', () => {
      const h = setup();
      expect(h.error('GetRecords', { ShardIterator: trim(h), Limit: 10001 }).message).toBe(
        "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
      );
      expect(h.error('GetRecords', { ShardIterator: trim(h), Limit: 0 }).code).toBe('ValidationException');
    });

    it('answers an iterator of a deleted stream with ResourceNotFoundException', () => {
      const h = setup();
      const it0 = trim(h);
      h.call('DeleteStream', { StreamName: 's' });
      h.settle();
      h.active('s', 1);
      expect(h.error('GetRecords', { ShardIterator: it0 })).toEqual({
        code: 'ResourceNotFoundException',
        message: 'Shard shardId-000000000000 in stream s under account 000000000000 does not exist',
      });
    });
  });
});
