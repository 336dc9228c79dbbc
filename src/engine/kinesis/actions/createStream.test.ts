import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('CreateStream', () => {
  it('creates a stream in CREATING with no shards, then ACTIVE with its shards after the state delay', () => {
    const h = kinesisHarness();
    expect(h.call('CreateStream', { StreamName: 'orders', ShardCount: 2 })).toBeUndefined();
    const creating = h.call('DescribeStream', { StreamName: 'orders' }).StreamDescription;
    expect(creating).toMatchObject({ StreamStatus: 'CREATING', Shards: [], StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders' });
    h.clock.advance(499);
    expect(h.call('DescribeStream', { StreamName: 'orders' }).StreamDescription.StreamStatus).toBe('CREATING');
    h.clock.advance(1);
    const d = h.call('DescribeStream', { StreamName: 'orders' }).StreamDescription;
    expect(d).toMatchObject({
      StreamStatus: 'ACTIVE',
      RetentionPeriodHours: 24,
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      EncryptionType: 'NONE',
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      HasMoreShards: false,
    });
    expect(d.Shards.map((s: any) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
  });

  it('splits the hash space evenly: floor(2^128/N)*i, the last shard ending at 2^128-1', () => {
    const h = kinesisHarness();
    const shards = h.active('three', 3).Shards;
    const step = (1n << 128n) / 3n;
    expect(shards.map((s: any) => s.HashKeyRange)).toEqual([
      { StartingHashKey: '0', EndingHashKey: String(step - 1n) },
      { StartingHashKey: String(step), EndingHashKey: String(2n * step - 1n) },
      { StartingHashKey: String(2n * step), EndingHashKey: String((1n << 128n) - 1n) },
    ]);
  });

  it('creates ON_DEMAND streams with 4 shards', () => {
    const h = kinesisHarness();
    h.call('CreateStream', { StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    h.settle();
    const d = h.call('DescribeStream', { StreamName: 'od' }).StreamDescription;
    expect(d.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
    expect(d.Shards).toHaveLength(4);
  });

  it('keeps tags given at creation', () => {
    const h = kinesisHarness();
    h.active('tagged', 1, { Tags: { team: 'data' } });
    expect(h.call('ListTagsForStream', { StreamName: 'tagged' }).Tags).toEqual([{ Key: 'team', Value: 'data' }]);
  });

  describe('bad input', () => {
    it('rejects bad stream names with ValidationException', () => {
      const h = kinesisHarness();
      expect(h.error('CreateStream', { StreamName: 'my stream!', ShardCount: 1 })).toEqual({
        code: 'ValidationException',
        message:
          "1 validation error detected: Value 'my stream!' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
      });
      const long = 'a'.repeat(129);
      expect(h.error('CreateStream', { StreamName: long, ShardCount: 1 }).message).toBe(
        `1 validation error detected: Value '${long}' at 'streamName' failed to satisfy constraint: Member must have length less than or equal to 128`,
      );
      expect(h.error('CreateStream', { ShardCount: 1 }).message).toBe(
        "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null",
      );
    });

    it('rejects 0 shards with ValidationException', () => {
      const h = kinesisHarness();
      expect(h.error('CreateStream', { StreamName: 's', ShardCount: 0 })).toEqual({
        code: 'ValidationException',
        message:
          "1 validation error detected: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
    });

    it('rejects a ShardCount of the wrong JSON type with SerializationException', () => {
      const h = kinesisHarness();
      expect(h.error('CreateStream', { StreamName: 's', ShardCount: '2' })).toEqual({
        code: 'SerializationException',
        message: 'class java.lang.String can not be converted to an Integer',
      });
    });

    it('rejects more shards than the account limit with LimitExceededException', () => {
      const h = kinesisHarness();
      h.active('big', 400);
      expect(h.error('CreateStream', { StreamName: 'more', ShardCount: 101 })).toEqual({
        code: 'LimitExceededException',
        message:
          'This request would exceed the shard limit for the account 000000000000 in us-east-1. Current shard count for the account: 400. Limit: 500. ' +
          'Number of additional shards that would have resulted from this request: 101. Refer to the AWS Service Limits page ' +
          '(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.',
      });
    });

    // Default shard quotas: 500 in us-east-1, us-west-2 and eu-west-1, 200 in other regions, for
    // provisioned streams only (Kinesis Data Streams developer guide, quotas and limits).
    it("uses the region's shard quota: 200 outside us-east-1, us-west-2 and eu-west-1", () => {
      const h = kinesisHarness();
      const inRegion = (region: string, input: Record<string, unknown>) => {
        try {
          h.service.call('CreateStream', input, { region, requestId: 'r' });
          return 'ok';
        } catch (e) {
          return (e as Error).message;
        }
      };
      expect(inRegion('eu-central-1', { StreamName: 'a', ShardCount: 201 })).toBe(
        'This request would exceed the shard limit for the account 000000000000 in eu-central-1. Current shard count for the account: 0. Limit: 200. ' +
          'Number of additional shards that would have resulted from this request: 201. Refer to the AWS Service Limits page ' +
          '(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.',
      );
      expect(inRegion('us-west-2', { StreamName: 'b', ShardCount: 201 })).toBe('ok');
    });

    it('does not count on-demand streams against the shard quota, nor refuse them by it', () => {
      const h = kinesisHarness();
      h.active('od', 1, { StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
      h.active('big', 500);
      h.active('od2', 1, { StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
      expect(h.error('CreateStream', { StreamName: 'more', ShardCount: 1 }).message).toContain(
        'Current shard count for the account: 500. Limit: 500.',
      );
    });

    it('rejects a name in use with ResourceInUseException, and the stored stream is untouched', () => {
      const h = kinesisHarness();
      h.active('dup', 2);
      expect(h.error('CreateStream', { StreamName: 'dup', ShardCount: 1 })).toEqual({
        code: 'ResourceInUseException',
        message: 'Stream dup under account 000000000000 already exists.',
      });
      expect(h.call('DescribeStream', { StreamName: 'dup' }).StreamDescription.Shards).toHaveLength(2);
    });

    it('rejects an unknown stream mode', () => {
      const h = kinesisHarness();
      expect(h.error('CreateStream', { StreamName: 's', StreamModeDetails: { StreamMode: 'FAST' } }).message).toBe(
        "1 validation error detected: Value 'FAST' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]",
      );
    });
  });
});
