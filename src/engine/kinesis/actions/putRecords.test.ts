import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const recs = (n: number, data = '') => Array.from({ length: n }, (_, i) => ({ PartitionKey: `k${i}`, Data: data }));

describe('PutRecords', () => {
  it('puts every record, in order, each to its shard', () => {
    const h = kinesisHarness();
    h.active('s', 2);
    const out = h.call('PutRecords', { StreamName: 's', Records: recs(10, 'AA==') });
    expect(out.FailedRecordCount).toBe(0);
    expect(out.Records).toHaveLength(10);
    for (let i = 0; i < 10; i++) {
      const single = h.call('PutRecord', { StreamName: 's', PartitionKey: `k${i}`, Data: 'AA==' });
      expect(out.Records[i].ShardId).toBe(single.ShardId);
    }
  });

  it('fails the records over the shard write limit with ProvisionedThroughputExceededException; the others succeed', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('PutRecords', { StreamName: 's', Records: recs(500) });
    const out = h.call('PutRecords', { StreamName: 's', Records: recs(500).concat() });
    expect(out.FailedRecordCount).toBe(0);
    const third = h.call('PutRecords', { StreamName: 's', Records: recs(3) });
    expect(third.FailedRecordCount).toBe(3);
    expect(third.Records[0]).toEqual({
      ErrorCode: 'ProvisionedThroughputExceededException',
      ErrorMessage: 'Rate exceeded for shard shardId-000000000000 in stream s under account 000000000000.',
    });
    const names = h.metrics.filter((m) => m.name === 'PutRecords.ThrottledRecords').map((m) => m.value);
    expect(names).toEqual([0, 0, 3]);
    expect(h.metrics.filter((m) => m.name === 'WriteProvisionedThroughputExceeded').at(-1)?.value).toBe(3);
  });

  it('gives ON_DEMAND streams 4,000 records/s for the whole stream, even on one hot key', () => {
    const h = kinesisHarness();
    h.call('CreateStream', { StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    h.settle();
    const hot = Array.from({ length: 500 }, () => ({ PartitionKey: 'hot', Data: '' }));
    for (let i = 0; i < 8; i++) expect(h.call('PutRecords', { StreamName: 'od', Records: hot }).FailedRecordCount).toBe(0);
    expect(h.call('PutRecords', { StreamName: 'od', Records: hot.slice(0, 1) }).FailedRecordCount).toBe(1);
  });

  it('reports one datum per metric per call, and shard-level metrics once enhanced monitoring is on', () => {
    const h = kinesisHarness();
    h.active('s', 1);
    h.call('PutRecords', { StreamName: 's', Records: recs(3, 'AAAA') });
    expect(h.metrics.map((m) => m.name).sort()).toEqual(
      [
        'IncomingBytes',
        'IncomingRecords',
        'PutRecords.Bytes',
        'PutRecords.FailedRecords',
        'PutRecords.Latency',
        'PutRecords.Records',
        'PutRecords.Success',
        'PutRecords.SuccessfulRecords',
        'PutRecords.ThrottledRecords',
        'PutRecords.TotalRecords',
        'WriteProvisionedThroughputExceeded',
      ].sort(),
    );
    expect(h.metrics.find((m) => m.name === 'IncomingBytes')?.value).toBe(3 * (3 + 2));
    h.metrics.length = 0;
    h.call('EnableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['IncomingRecords'] });
    h.call('PutRecords', { StreamName: 's', Records: recs(3, 'AAAA') });
    const shardLevel = h.metrics.filter((m) => m.dimensions.length === 2);
    expect(shardLevel).toEqual([
      expect.objectContaining({
        name: 'IncomingRecords',
        value: 3,
        dimensions: [
          { Name: 'StreamName', Value: 's' },
          { Name: 'ShardId', Value: 'shardId-000000000000' },
        ],
      }),
    ]);
  });

  describe('bad input', () => {
    it('rejects 501 records', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      const e = h.error('PutRecords', { StreamName: 's', Records: recs(501) });
      expect(e.code).toBe('ValidationException');
      expect(e.message).toMatch(
        /^1 validation error detected: Value '\[com\.amazonaws\.kinesis\.v20131202\.PutRecordsRequestEntry@c965e310, .*\]' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500$/,
      );
    });

    it('rejects 6 MiB in one call', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      const mib = 'A'.repeat(1398100); // 1,048,575 bytes
      expect(h.error('PutRecords', { StreamName: 's', Records: Array.from({ length: 6 }, () => ({ PartitionKey: 'k', Data: mib })) })).toEqual({
        code: 'InvalidArgumentException',
        message: 'Records size exceeds 5 MB limit',
      });
    });

    it('names the member at fault', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      expect(h.error('PutRecords', { StreamName: 's', Records: [{ PartitionKey: 'a', Data: '' }, { PartitionKey: '', Data: '' }] }).message).toBe(
        "1 validation error detected: Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    });

    it('fails the whole call for a bad ExplicitHashKey and stores nothing', () => {
      const h = kinesisHarness();
      h.active('s', 1);
      const big = String(1n << 128n);
      expect(h.error('PutRecords', { StreamName: 's', Records: [{ PartitionKey: 'a', Data: '' }, { PartitionKey: 'b', Data: '', ExplicitHashKey: big }] }).code).toBe(
        'InvalidArgumentException',
      );
      const it0 = h.call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
      expect(h.call('GetRecords', it0).Records).toEqual([]);
    });

    it('rejects an empty list', () => {
      const h = kinesisHarness();
      expect(h.error('PutRecords', { StreamName: 's', Records: [] }).message).toBe(
        "1 validation error detected: Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    });
  });
});
