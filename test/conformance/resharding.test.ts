/** SplitShard and MergeShards: parents close, children appear, and the bad requests around them. */
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  ListShardsCommand,
  MergeShardsCommand,
  PutRecordCommand,
  SplitShardCommand,
} from '@aws-sdk/client-kinesis';
import { describe } from 'vitest';
import { conformance, type Kit } from './harness';

const bytes = (s: string) => new TextEncoder().encode(s);
const shard = (i: number) => `shardId-${String(i).padStart(12, '0')}`;
const HALF = (1n << 127n).toString();

const stream = async (k: Kit, ShardCount: number) => {
  const StreamName = k.stream();
  await k.call(new CreateStreamCommand({ StreamName, ShardCount }));
  await k.waitActive(StreamName);
  return StreamName;
};

const split = (StreamName: string, ShardToSplit: string, NewStartingHashKey: string) =>
  new SplitShardCommand({ StreamName, ShardToSplit, NewStartingHashKey });
const merge = (StreamName: string, ShardToMerge: string, AdjacentShardToMerge: string) =>
  new MergeShardsCommand({ StreamName, ShardToMerge, AdjacentShardToMerge });

describe('conformance: resharding', () => {
  const scenario = conformance();

  scenario('SplitShard closes the parent and opens two children', async (k) => {
    const StreamName = await stream(k, 1);
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('before') }));
    await k.call(split(StreamName, shard(0), HALF));
    await k.call(new DescribeStreamSummaryCommand({ StreamName }), 'while updating');
    await k.waitActive(StreamName);
    await k.call(new DescribeStreamCommand({ StreamName }));
    await k.call(new ListShardsCommand({ StreamName }));
  });

  scenario('records after a split go to the child that holds their hash key', async (k) => {
    const StreamName = await stream(k, 1);
    await k.call(split(StreamName, shard(0), HALF));
    await k.waitActive(StreamName);
    for (const key of ['a', 'b', 'c', 'd'])
      await k.call(new PutRecordCommand({ StreamName, PartitionKey: key, Data: bytes(key) }), key);
  });

  scenario('MergeShards joins two adjacent shards', async (k) => {
    const StreamName = await stream(k, 3);
    await k.call(merge(StreamName, shard(1), shard(2)));
    await k.call(new DescribeStreamSummaryCommand({ StreamName }), 'while updating');
    await k.waitActive(StreamName);
    await k.call(new DescribeStreamCommand({ StreamName }));
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'b', Data: bytes('b') }));
  });

  scenario('MergeShards of shards that are not adjacent', async (k) => {
    const StreamName = await stream(k, 3);
    await k.call(merge(StreamName, shard(0), shard(2)));
  });

  scenario('MergeShards with a missing or the same shard', async (k) => {
    const StreamName = await stream(k, 2);
    await k.call(merge(StreamName, shard(0), shard(7)), 'missing');
    await k.call(merge(StreamName, shard(0), shard(0)), 'same');
  });

  scenario('SplitShard outside the shard or at its edge', async (k) => {
    const StreamName = await stream(k, 2);
    await k.call(split(StreamName, shard(0), HALF), 'start of the next shard');
    await k.call(split(StreamName, shard(0), '0'), 'its own first key');
    await k.call(split(StreamName, shard(0), '1'), 'second key');
    await k.waitActive(StreamName);
  });

  scenario('SplitShard with a malformed hash key or a missing shard', async (k) => {
    const StreamName = await stream(k, 1);
    await k.call(split(StreamName, shard(0), 'abc'), 'not a number');
    await k.call(split(StreamName, shard(4), HALF), 'missing shard');
  });

  scenario('resharding while UPDATING is ResourceInUseException', async (k) => {
    const StreamName = await stream(k, 2);
    await k.call(split(StreamName, shard(0), '1000'));
    await k.call(split(StreamName, shard(1), (3n << 126n).toString()), 'while updating');
    await k.call(merge(StreamName, shard(0), shard(1)), 'merge while updating');
    await k.waitActive(StreamName);
    await k.call(new ListShardsCommand({ StreamName }));
  });
});
