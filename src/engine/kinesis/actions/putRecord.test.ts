import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const md5Int = (s: string) => BigInt('0x' + createHash('md5').update(s, 'utf8').digest('hex'));

describe('PutRecord', () => {
  it('routes by MD5(partition key) read as a big-endian 128-bit integer', () => {
    const h = kinesisHarness();
    const shards = h.active('s', 4).Shards;
    for (const pk of ['alpha', 'beta', 'gamma', 'delta', 'épsilon', '😀']) {
      const key = md5Int(pk);
      const want = shards.find((x: any) => BigInt(x.HashKeyRange.StartingHashKey) <= key && key <= BigInt(x.HashKeyRange.EndingHashKey));
      expect(h.call('PutRecord', { StreamName: 's', PartitionKey: pk, Data: h.b64('x') }).ShardId).toBe(want.ShardId);
    }
  });

  it('routes by ExplicitHashKey when given', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    const put = (k: string) => h.call('PutRecord', { StreamName: 's', PartitionKey: 'p', Data: '', ExplicitHashKey: k }).ShardId;
    expect(put('0')).toBe('shardId-000000000000');
    expect(put(String((1n << 127n) - 1n))).toBe('shardId-000000000000');
    expect(put(String(1n << 127n))).toBe('shardId-000000000001');
    expect(put(String((1n << 128n) - 1n))).toBe('shardId-000000000001');
  });

  it('gives decimal sequence numbers that increase within a shard', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    const seqs = [0, 1, 2].map(() => h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: 'AA==' }).SequenceNumber);
    for (const q of seqs) expect(q).toMatch(/^\d{56}$/);
    expect(BigInt(seqs[0]) < BigInt(seqs[1]) && BigInt(seqs[1]) < BigInt(seqs[2])).toBe(true);
  });

  it('throttles a shard over 1,000 records/s with ProvisionedThroughputExceededException, and frees it the next second', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    for (let i = 0; i < 1000; i++) h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' });
    expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' })).toEqual({
      code: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for shard shardId-000000000000 in stream s under account 000000000000.',
    });
    h.clock.advance(1000);
    expect(h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' }).ShardId).toBe('shardId-000000000000');
  });

  it('throttles a shard over 1 MiB/s (data + partition key)', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    const half = 'A'.repeat((512 * 1024 * 4) / 3 - ((512 * 1024 * 4) / 3) % 4); // just under 512 KiB decoded
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: half });
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: half });
    expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: 'AAAAAAAA' }).code).toBe(
      'ProvisionedThroughputExceededException',
    );
  });

  it('does not throttle when enforceThroughput is off', () => {
    const h = kinesisHarness({ enforceThroughput: false });
    h.active('s', 1);
    for (let i = 0; i < 1001; i++) h.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' });
  });

  it('reports PutRecord and IncomingRecords metrics with the StreamName dimension', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('PutRecord', { StreamName: 's', PartitionKey: 'key', Data: h.b64('hello') });
    const m = Object.fromEntries(h.metrics.map((d) => [d.name, [d.value, d.unit, d.namespace, d.dimensions]]));
    const dims = [{ Name: 'StreamName', Value: 's' }];
    expect(m['IncomingRecords']).toEqual([1, 'Count', 'AWS/Kinesis', dims]);
    expect(m['IncomingBytes']).toEqual([8, 'Bytes', 'AWS/Kinesis', dims]);
    expect(m['PutRecord.Bytes']).toEqual([8, 'Bytes', 'AWS/Kinesis', dims]);
    expect(m['PutRecord.Success']).toEqual([1, 'Count', 'AWS/Kinesis', dims]);
    expect(m['PutRecord.Latency'][1]).toBe('Milliseconds');
  });

  describe('bad input', () => {
    it('rejects a partition key of 0 or 257 characters', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: '', Data: '' })).toEqual({
        code: 'ValidationException',
        message:
          "1 validation error detected: Value '' at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
      });
      const k = 'k'.repeat(257);
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: k, Data: '' }).message).toBe(
        `1 validation error detected: Value '${k}' at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256`,
      );
    });

    it('rejects data over 1 MiB', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      const data = 'A'.repeat(1398104); // 1,048,578 bytes
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: data }).message).toBe(
        "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048578 cap=1048578]' at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576",
      );
    });

    it('rejects a record whose data and partition key together pass 1 MiB', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      const data = 'A'.repeat(1398100); // 1,048,575 bytes
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'kk', Data: data })).toEqual({
        code: 'InvalidArgumentException',
        message: 'Record size exceeds 1 MB limit',
      });
    });

    it('rejects a bad ExplicitHashKey', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '', ExplicitHashKey: '-1' }).message).toBe(
        "1 validation error detected: Value '-1' at 'explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})",
      );
      const big = String(1n << 128n);
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '', ExplicitHashKey: big })).toEqual({
        code: 'InvalidArgumentException',
        message: `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${big}`,
      });
    });

    it('rejects Data that is not Base64', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: 'abc' })).toEqual({
        code: 'SerializationException',
        message: "'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3",
      });
    });

    it('answers a stream that is still CREATING as not found', () => {
      const h = kinesisHarness();
      h.call('CreateStream', { StreamName: 's', ShardCount: 1 });
      expect(h.error('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '' })).toEqual({
        code: 'ResourceNotFoundException',
        message: 'Stream s under account 000000000000 not found.',
      });
    });
  });
});
