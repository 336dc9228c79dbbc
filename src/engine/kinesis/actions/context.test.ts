import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

const ACCOUNT = '000000000000';
const arn = (region: string, name: string, account = ACCOUNT) => `arn:aws:kinesis:${region}:${account}:stream/${name}`;
const notFound = (name: string) => ({ code: 'ResourceNotFoundException', message: `Stream ${name} under account ${ACCOUNT} not found.` });

/** `demo` with 2 shards in us-east-1 and `demo` with 1 shard in eu-west-1, both ACTIVE. */
const twoRegions = () => {
  const h = kinesisHarness();
  const us = h.inRegion('us-east-1');
  const eu = h.inRegion('eu-west-1');
  us.call('CreateStream', { StreamName: 'demo', ShardCount: 2 });
  eu.call('CreateStream', { StreamName: 'demo', ShardCount: 1 });
  h.settle();
  return { h, us, eu };
};

// AWS scopes streams per account and region: a name is unique only within one region, a request
// sees its own region's streams, and the ARN names the region (Kinesis Data Streams, resource ARNs).
describe('streams are scoped per account and region', () => {
  it('lets the same name exist in two regions, each with its own shards and an ARN carrying its region', () => {
    const { us, eu } = twoRegions();
    const a = us.call('DescribeStream', { StreamName: 'demo' }).StreamDescription;
    const b = eu.call('DescribeStream', { StreamName: 'demo' }).StreamDescription;
    expect([a.StreamARN, a.Shards.length]).toEqual([arn('us-east-1', 'demo'), 2]);
    expect([b.StreamARN, b.Shards.length]).toEqual([arn('eu-west-1', 'demo'), 1]);
  });

  it('refuses a second stream of the same name within one region only', () => {
    const { eu } = twoRegions();
    expect(eu.error('CreateStream', { StreamName: 'demo', ShardCount: 1 })).toEqual({
      code: 'ResourceInUseException',
      message: `Stream demo under account ${ACCOUNT} already exists.`,
    });
  });

  it('does not show a stream in another region', () => {
    const { h, us } = twoRegions();
    us.active('only-us');
    const ap = h.inRegion('ap-south-1');
    expect(ap.error('DescribeStreamSummary', { StreamName: 'demo' })).toEqual(notFound('demo'));
    expect(ap.error('PutRecord', { StreamName: 'only-us', PartitionKey: 'k', Data: 'AA==' })).toEqual(notFound('only-us'));
    expect(h.inRegion('eu-west-1').error('DeleteStream', { StreamName: 'only-us' })).toEqual(notFound('only-us'));
  });

  it('lists only the streams of the request region', () => {
    const { h, us, eu } = twoRegions();
    us.active('a-us');
    eu.active('z-eu');
    expect(us.call('ListStreams').StreamNames).toEqual(['a-us', 'demo']);
    expect(eu.call('ListStreams').StreamNames).toEqual(['demo', 'z-eu']);
    expect(eu.call('ListStreams').StreamSummaries.map((s: { StreamARN: string }) => s.StreamARN)).toEqual([
      arn('eu-west-1', 'demo'),
      arn('eu-west-1', 'z-eu'),
    ]);
    expect(h.inRegion('ap-south-1').call('ListStreams')).toEqual({ StreamNames: [], HasMoreStreams: false, StreamSummaries: [] });
  });

  it('keeps records, tags, retention and deletion of one region away from the other', () => {
    const { h, us, eu } = twoRegions();
    us.call('PutRecord', { StreamName: 'demo', PartitionKey: 'k', Data: h.b64('us'), ExplicitHashKey: '0' });
    us.call('AddTagsToStream', { StreamName: 'demo', Tags: { where: 'us' } });
    us.call('IncreaseStreamRetentionPeriod', { StreamName: 'demo', RetentionPeriodHours: 48 });
    const it = eu.call('GetShardIterator', { StreamName: 'demo', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
    expect(eu.call('GetRecords', it).Records).toEqual([]);
    expect(eu.call('ListTagsForStream', { StreamName: 'demo' }).Tags).toEqual([]);
    expect(eu.call('DescribeStreamSummary', { StreamName: 'demo' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(24);

    eu.call('DeleteStream', { StreamName: 'demo' });
    h.settle();
    expect(eu.error('DescribeStream', { StreamName: 'demo' })).toEqual(notFound('demo'));
    expect(us.call('DescribeStream', { StreamName: 'demo' }).StreamDescription.StreamStatus).toBe('ACTIVE');
  });

  it('resolves a StreamARN in its own region and account: an ARN of another region or account is not found', () => {
    const { us, eu } = twoRegions();
    expect(eu.call('DescribeStreamSummary', { StreamARN: arn('eu-west-1', 'demo') }).StreamDescriptionSummary.OpenShardCount).toBe(1);
    // us-east-1 has a `demo` too, but the ARN names eu-west-1's.
    expect(us.error('DescribeStreamSummary', { StreamARN: arn('eu-west-1', 'demo') })).toEqual(notFound('demo'));
    expect(us.error('PutRecord', { StreamARN: arn('eu-west-1', 'demo'), PartitionKey: 'k', Data: 'AA==' })).toEqual(notFound('demo'));
    expect(us.error('DescribeStreamSummary', { StreamARN: arn('us-east-1', 'demo', '123456789012') })).toEqual(notFound('demo'));
    expect(us.error('ListShards', { StreamARN: arn('eu-west-1', 'demo') })).toEqual(notFound('demo'));
  });

  it('builds ARNs in the partition of the region', () => {
    const h = kinesisHarness();
    const cn = h.inRegion('cn-north-1');
    expect(cn.active('s').StreamARN).toBe(`arn:aws-cn:kinesis:cn-north-1:${ACCOUNT}:stream/s`);
    expect(h.inRegion('us-gov-west-1').active('s').StreamARN).toBe(`arn:aws-us-gov:kinesis:us-gov-west-1:${ACCOUNT}:stream/s`);
    expect(cn.call('DescribeStreamSummary', { StreamARN: `arn:aws-cn:kinesis:cn-north-1:${ACCOUNT}:stream/s` }).StreamDescriptionSummary.StreamName).toBe('s');
  });

  it('binds a shard iterator to its stream: used from another region it is invalid', () => {
    const { h, us, eu } = twoRegions();
    eu.call('PutRecord', { StreamName: 'demo', PartitionKey: 'k', Data: h.b64('eu') });
    const { ShardIterator } = eu.call('GetShardIterator', { StreamName: 'demo', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
    expect(us.error('GetRecords', { ShardIterator })).toEqual({ code: 'InvalidArgumentException', message: 'Invalid ShardIterator.' });
    const read = eu.call('GetRecords', { ShardIterator });
    expect(read.Records.map((r: { Data: string }) => r.Data)).toEqual([h.b64('eu')]);
    expect(us.error('GetRecords', { ShardIterator: read.NextShardIterator }).message).toBe('Invalid ShardIterator.');
  });

  it("binds a ListShards NextToken to its stream's region", () => {
    const { h, us, eu } = twoRegions();
    eu.call('UpdateShardCount', { StreamName: 'demo', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
    h.settle();
    const { NextToken } = eu.call('ListShards', { StreamName: 'demo', MaxResults: 1 });
    expect(us.error('ListShards', { NextToken })).toEqual(notFound('demo'));
    expect(eu.call('ListShards', { NextToken }).Shards.map((s: { ShardId: string }) => s.ShardId)).toEqual([
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
  });

  it('counts the shard quota per region', () => {
    const h = kinesisHarness();
    const fr = h.inRegion('eu-central-1');
    const ie = h.inRegion('eu-west-1');
    const open = (r: typeof ie) => r.call('DescribeStreamSummary', { StreamName: 'big' }).StreamDescriptionSummary.OpenShardCount;
    h.active('big', 500);
    fr.active('big', 200);
    // us-east-1's 500 and eu-central-1's 200 leave eu-west-1's quota whole.
    ie.active('big', 500);
    expect(open(ie)).toBe(500);
    expect(fr.error('CreateStream', { StreamName: 'more', ShardCount: 1 }).message).toContain(
      `the shard limit for the account ${ACCOUNT} in eu-central-1. Current shard count for the account: 200. Limit: 200.`,
    );
    expect(h.error('SplitShard', { StreamName: 'big', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '2' }).message).toContain(
      `in us-east-1. Current shard count for the account: 500. Limit: 500.`,
    );
    const ap = h.inRegion('ap-south-1');
    ap.active('big', 200);
    expect(open(ap)).toBe(200);
  });

  it("reports metrics for the stream of the request region, with that stream's enhanced monitoring", () => {
    const { h, us, eu } = twoRegions();
    eu.call('EnableEnhancedMonitoring', { StreamName: 'demo', ShardLevelMetrics: ['IncomingRecords'] });
    const shardLevel = () => h.metrics.filter((m) => m.name === 'IncomingRecords' && m.dimensions.length === 2);
    us.call('PutRecord', { StreamName: 'demo', PartitionKey: 'k', Data: 'AA==', ExplicitHashKey: '0' });
    expect(shardLevel()).toEqual([]);
    eu.call('PutRecord', { StreamName: 'demo', PartitionKey: 'k', Data: 'AA==' });
    expect(shardLevel().map((m) => m.dimensions)).toEqual([
      [
        { Name: 'StreamName', Value: 'demo' },
        { Name: 'ShardId', Value: 'shardId-000000000000' },
      ],
    ]);
  });
});
