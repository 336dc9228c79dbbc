/** Bad writes and reads: partition keys, sizes, counts, hash keys, iterators, limits. */
import {
  CreateStreamCommand,
  DeleteStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  PutRecordCommand,
  PutRecordsCommand,
  type GetShardIteratorCommandOutput,
} from '@aws-sdk/client-kinesis';
import { describe } from 'vitest';
import { conformance, type Kit } from './harness';

const bytes = (s: string) => new TextEncoder().encode(s);
const MiB = 1024 * 1024;

const stream = async (k: Kit) => {
  const StreamName = k.stream();
  await k.call(new CreateStreamCommand({ StreamName, ShardCount: 2 }));
  await k.waitActive(StreamName);
  return StreamName;
};

describe('conformance: bad records and iterators', () => {
  const scenario = conformance();

  scenario('a partition key of 0 or 257 characters', async (k) => {
    const StreamName = await stream(k);
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: '', Data: bytes('x') }), 'empty');
    await k.call(
      new PutRecordCommand({ StreamName, PartitionKey: 'p'.repeat(257), Data: bytes('x') }),
      '257',
    );
    await k.call(
      new PutRecordCommand({ StreamName, PartitionKey: 'p'.repeat(256), Data: bytes('x') }),
      '256 is fine',
    );
    await k.call(
      new PutRecordsCommand({ StreamName, Records: [{ PartitionKey: '', Data: bytes('x') }] }),
      'empty in a batch',
    );
    await k.call(
      new PutRecordsCommand({
        StreamName,
        Records: [
          { PartitionKey: 'ok', Data: bytes('x') },
          { PartitionKey: 'q'.repeat(257), Data: bytes('x') },
        ],
      }),
      '257 in a batch',
    );
  });

  scenario('a record over 1 MiB', async (k) => {
    const StreamName = await stream(k);
    await k.call(
      new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: new Uint8Array(MiB + 1) }),
      'PutRecord',
    );
    await k.call(
      new PutRecordsCommand({ StreamName, Records: [{ PartitionKey: 'a', Data: new Uint8Array(MiB + 1) }] }),
      'PutRecords',
    );
  });

  scenario('PutRecords with 501 records or none', async (k) => {
    const StreamName = await stream(k);
    const Records = Array.from({ length: 501 }, () => ({ PartitionKey: 'a', Data: bytes('x') }));
    await k.call(new PutRecordsCommand({ StreamName, Records }), '501');
    await k.call(new PutRecordsCommand({ StreamName, Records: [] }), 'none');
    await k.call(new PutRecordsCommand({ StreamName, Records: Records.slice(0, 500) }), '500 is fine');
  });

  scenario('a request body over 7 MiB (a 6 MiB PutRecords) is refused with 413', async (k) => {
    const StreamName = await stream(k);
    // 6 x 1 MiB of data is 8 MiB once Base64-encoded: over the HTTP body limit of both servers.
    const Records = Array.from({ length: 6 }, () => ({ PartitionKey: 'a', Data: new Uint8Array(MiB) }));
    await k.call(new PutRecordsCommand({ StreamName, Records }));
  });

  scenario('a bad ExplicitHashKey', async (k) => {
    const StreamName = await stream(k);
    const put = (ExplicitHashKey: string) =>
      new PutRecordCommand({ StreamName, PartitionKey: 'a', ExplicitHashKey, Data: bytes('x') });
    await k.call(put('abc'), 'letters');
    await k.call(put((1n << 128n).toString()), '2^128');
    await k.call(
      new PutRecordsCommand({
        StreamName,
        Records: [{ PartitionKey: 'a', ExplicitHashKey: (1n << 128n).toString(), Data: bytes('x') }],
      }),
      '2^128 in a batch',
    );
  });

  scenario('a garbage shard iterator', async (k) => {
    await k.call(new GetRecordsCommand({ ShardIterator: 'not-an-iterator' }), 'short');
    await k.call(new GetRecordsCommand({ ShardIterator: 'A'.repeat(200) }), 'long base64');
    await k.call(new GetRecordsCommand({ ShardIterator: '' }), 'empty');
    await k.call(new GetRecordsCommand({ ShardIterator: 'x'.repeat(513) }), '513 chars');
  });

  scenario('GetRecords Limit out of range', async (k) => {
    const StreamName = await stream(k);
    const it = (
      await k.call<GetShardIteratorCommandOutput>(
        new GetShardIteratorCommand({
          StreamName,
          ShardId: 'shardId-000000000000',
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    )?.ShardIterator;
    await k.call(new GetRecordsCommand({ ShardIterator: it, Limit: 0 }), '0');
    await k.call(new GetRecordsCommand({ ShardIterator: it, Limit: 10001 }), '10001');
  });

  scenario('an iterator for a stream that was deleted', async (k) => {
    const StreamName = await stream(k);
    const it = (
      await k.call<GetShardIteratorCommandOutput>(
        new GetShardIteratorCommand({
          StreamName,
          ShardId: 'shardId-000000000000',
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    )?.ShardIterator;
    await k.call(new DeleteStreamCommand({ StreamName }));
    await k.waitGone(StreamName);
    await k.call(new GetRecordsCommand({ ShardIterator: it }));
  });
});
