/** Stream lifecycle: create, describe, list shards, delete, and the bad inputs around them. */
import {
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  ListShardsCommand,
  MergeShardsCommand,
  PutRecordCommand,
  SplitShardCommand,
} from '@aws-sdk/client-kinesis';
import { describe, expect } from 'vitest';
import { conformance } from './harness';

describe('conformance: stream lifecycle', () => {
  const scenario = conformance();

  scenario(
    'CreateStream goes CREATING -> ACTIVE with evenly split hash ranges',
    async (k) => {
      const StreamName = k.stream();
      await k.call(new CreateStreamCommand({ StreamName, ShardCount: 3 }));
      await k.call(new DescribeStreamSummaryCommand({ StreamName }), 'while creating');
      await k.waitActive(StreamName);
      await k.call(new DescribeStreamCommand({ StreamName }));
      await k.call(new DescribeStreamSummaryCommand({ StreamName }));
    },
    (t) => {
      expect(JSON.stringify(t)).toContain('"StreamStatus":"CREATING"');
      // floor(2^128 / 3) * 1 and * 2, the last shard ending at 2^128 - 1.
      expect(JSON.stringify(t)).toContain('"StartingHashKey":"113427455640312821154458202477256070485"');
      expect(JSON.stringify(t)).toContain('"EndingHashKey":"340282366920938463463374607431768211455"');
    },
  );

  scenario('ListShards lists every shard and starts after ExclusiveStartShardId', async (k) => {
    const StreamName = k.stream();
    await k.call(new CreateStreamCommand({ StreamName, ShardCount: 3 }));
    await k.waitActive(StreamName);
    await k.call(new ListShardsCommand({ StreamName }));
    await k.call(
      new ListShardsCommand({ StreamName, ExclusiveStartShardId: 'shardId-000000000000' }),
      'after shard 0',
    );
    await k.call(
      new ListShardsCommand({ StreamName, ExclusiveStartShardId: 'shardId-000000000002' }),
      'after the last',
    );
  });

  scenario('ListShards with neither StreamName nor NextToken', async (k) => {
    await k.call(new ListShardsCommand({}));
  });

  scenario('CreateStream over the account shard limit is LimitExceededException', async (k) => {
    await k.call(new CreateStreamCommand({ StreamName: k.stream(), ShardCount: 501 }));
  });

  scenario('CreateStream on a name in use is ResourceInUseException', async (k) => {
    const StreamName = k.stream();
    await k.call(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
    await k.call(new CreateStreamCommand({ StreamName, ShardCount: 1 }), 'again');
    await k.waitActive(StreamName);
  });

  scenario('a stream that does not exist is ResourceNotFoundException everywhere', async (k) => {
    const StreamName = k.stream('missing');
    await k.call(new DescribeStreamCommand({ StreamName }));
    await k.call(new DescribeStreamSummaryCommand({ StreamName }));
    await k.call(new ListShardsCommand({ StreamName }));
    await k.call(new DeleteStreamCommand({ StreamName }));
    await k.call(
      new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: new TextEncoder().encode('x') }),
    );
  });

  scenario('DeleteStream goes DELETING, then the stream is gone', async (k) => {
    const StreamName = k.stream();
    await k.call(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
    await k.waitActive(StreamName);
    await k.call(new DeleteStreamCommand({ StreamName }));
    await k.call(new DescribeStreamSummaryCommand({ StreamName }), 'while deleting');
    await k.waitGone(StreamName);
    await k.call(new DescribeStreamSummaryCommand({ StreamName }), 'after');
  });

  scenario('bad stream names are ValidationException', async (k) => {
    await k.call(new CreateStreamCommand({ StreamName: 'has space!', ShardCount: 1 }), 'space and bang');
    await k.call(new CreateStreamCommand({ StreamName: 'x'.repeat(129), ShardCount: 1 }), '129 chars');
    await k.call(new CreateStreamCommand({ StreamName: '', ShardCount: 1 }), 'empty');
    await k.call(new DescribeStreamCommand({ StreamName: 'a/b' }), 'slash');
  });

  scenario('a shard count of 0 or over 100000 is ValidationException', async (k) => {
    await k.call(new CreateStreamCommand({ StreamName: k.stream(), ShardCount: 0 }), '0');
    await k.call(new CreateStreamCommand({ StreamName: k.stream(), ShardCount: 100001 }), '100001');
    await k.call(
      new CreateStreamCommand({ StreamName: k.stream('x'.repeat(130)), ShardCount: -1 }),
      'two errors',
    );
  });

  scenario('actions on a stream that is still CREATING', async (k) => {
    const StreamName = k.stream();
    await k.call(new CreateStreamCommand({ StreamName, ShardCount: 2 }));
    await k.call(
      new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: new TextEncoder().encode('x') }),
    );
    await k.call(
      new SplitShardCommand({ StreamName, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }),
    );
    await k.call(
      new MergeShardsCommand({
        StreamName,
        ShardToMerge: 'shardId-000000000000',
        AdjacentShardToMerge: 'shardId-000000000001',
      }),
    );
    await k.waitActive(StreamName);
  });

  scenario('DeleteStream of a stream already DELETING', async (k) => {
    const StreamName = k.stream();
    await k.call(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
    await k.waitActive(StreamName);
    await k.call(new DeleteStreamCommand({ StreamName }), 'active');
    await k.call(new DeleteStreamCommand({ StreamName }), 'while deleting');
    await k.waitGone(StreamName);
  });
});
