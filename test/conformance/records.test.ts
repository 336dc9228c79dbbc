/** Writing and reading: shard choice by MD5, every iterator type, GetRecords Limit and lag. */
import { createHash } from 'node:crypto';
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  type GetRecordsCommandOutput,
  type GetShardIteratorCommandOutput,
  type PutRecordCommandOutput,
  type ShardIteratorType,
} from '@aws-sdk/client-kinesis';
import { describe, expect } from 'vitest';
import { conformance, type Kit } from './harness';

const bytes = (s: string) => new TextEncoder().encode(s);
const SHARD0 = 'shardId-000000000000';
const SHARD1 = 'shardId-000000000001';

/** Which of two even shards a partition key lands in: MD5 as a 128-bit big-endian integer against 2^127. */
const shardOfKey = (key: string) =>
  BigInt(`0x${createHash('md5').update(key).digest('hex')}`) >= 1n << 127n ? SHARD1 : SHARD0;

const twoShards = async (k: Kit, suffix?: string) => {
  const StreamName = k.stream(suffix);
  await k.call(new CreateStreamCommand({ StreamName, ShardCount: 2 }));
  await k.waitActive(StreamName);
  return StreamName;
};

const iterator = async (
  k: Kit,
  StreamName: string,
  ShardId: string,
  type: ShardIteratorType,
  extra: object = {},
) =>
  (
    await k.call<GetShardIteratorCommandOutput>(
      new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType: type, ...extra }),
      `${ShardId} ${type}`,
    )
  )?.ShardIterator;

const read = async (k: Kit, it: string | undefined, Limit?: number, note?: string) =>
  k.call<GetRecordsCommandOutput>(new GetRecordsCommand({ ShardIterator: it, Limit }), note);

describe('conformance: records', () => {
  const scenario = conformance();

  scenario(
    'PutRecord picks the shard by the MD5 of the partition key',
    async (k) => {
      const StreamName = await twoShards(k);
      for (const key of ['a', 'b', 'c', 'd', 'alpha', 'beta']) {
        await k.call(new PutRecordCommand({ StreamName, PartitionKey: key, Data: bytes(`v-${key}`) }), key);
      }
      await read(k, await iterator(k, StreamName, SHARD0, 'TRIM_HORIZON'), undefined, SHARD0);
      await read(k, await iterator(k, StreamName, SHARD1, 'TRIM_HORIZON'), undefined, SHARD1);
    },
    (t) => {
      for (const key of ['a', 'b', 'c', 'd', 'alpha', 'beta']) {
        const entry = t.find((x) => Object.keys(x as object)[0] === `PutRecord ${key}`) as Record<
          string,
          { ShardId: string }
        >;
        expect(entry[`PutRecord ${key}`].ShardId).toBe(shardOfKey(key));
      }
    },
  );

  scenario('PutRecords spreads a batch over both shards and reads back in order', async (k) => {
    const StreamName = await twoShards(k);
    const Records = ['a', 'b', 'c', 'd', 'e', 'f'].map((key, i) => ({
      PartitionKey: key,
      Data: bytes(`r${i}`),
    }));
    await k.call(new PutRecordsCommand({ StreamName, Records }));
    await read(k, await iterator(k, StreamName, SHARD0, 'TRIM_HORIZON'), undefined, SHARD0);
    await read(k, await iterator(k, StreamName, SHARD1, 'TRIM_HORIZON'), undefined, SHARD1);
  });

  scenario('ExplicitHashKey overrides the partition key', async (k) => {
    const StreamName = await twoShards(k);
    // 'a' hashes into shard 0; 2^127 is the first hash key of shard 1, 2^127 - 1 the last of shard 0.
    await k.call(
      new PutRecordCommand({
        StreamName,
        PartitionKey: 'a',
        ExplicitHashKey: (1n << 127n).toString(),
        Data: bytes('x'),
      }),
      '2^127',
    );
    await k.call(
      new PutRecordsCommand({
        StreamName,
        Records: [
          { PartitionKey: 'b', ExplicitHashKey: ((1n << 127n) - 1n).toString(), Data: bytes('y') },
          { PartitionKey: 'a', ExplicitHashKey: ((1n << 128n) - 1n).toString(), Data: bytes('z') },
          { PartitionKey: 'b', ExplicitHashKey: '0', Data: bytes('w') },
        ],
      }),
    );
  });

  scenario('binary data round-trips byte for byte', async (k) => {
    const StreamName = await twoShards(k);
    const all = new Uint8Array(256).map((_, i) => i);
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: all }));
    const out = await read(k, await iterator(k, StreamName, SHARD0, 'TRIM_HORIZON'));
    k.note('bytes equal', Buffer.from(out?.Records?.[0]?.Data ?? []).equals(Buffer.from(all)));
  });

  scenario('LATEST sees only records put after the iterator was taken', async (k) => {
    const StreamName = await twoShards(k);
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('before') }));
    const it = await iterator(k, StreamName, SHARD0, 'LATEST');
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('after') }));
    const out = await read(k, it);
    await read(k, out?.NextShardIterator, undefined, 'next');
  });

  scenario('AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER start at and after a record', async (k) => {
    const StreamName = await twoShards(k);
    const seqs: (string | undefined)[] = [];
    for (const v of ['one', 'two', 'three']) {
      const out = await k.call<PutRecordCommandOutput>(
        new PutRecordCommand({ StreamName, PartitionKey: 'c', Data: bytes(v) }),
      );
      seqs.push(out?.SequenceNumber);
    }
    await read(
      k,
      await iterator(k, StreamName, SHARD0, 'AT_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[1] }),
      undefined,
      'at 2',
    );
    await read(
      k,
      await iterator(k, StreamName, SHARD0, 'AFTER_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[1] }),
      undefined,
      'after 2',
    );
    await read(
      k,
      await iterator(k, StreamName, SHARD0, 'AFTER_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[2] }),
      undefined,
      'after 3',
    );
  });

  scenario('AT_TIMESTAMP starts at the first record at or after the time', async (k) => {
    const StreamName = await twoShards(k);
    const before = new Date(Date.now() - 60_000);
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('x') }));
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('y') }));
    await read(
      k,
      await iterator(k, StreamName, SHARD0, 'AT_TIMESTAMP', { Timestamp: before }),
      undefined,
      'from a minute ago',
    );
    const later = new Date(Date.now() + 60_000);
    await read(
      k,
      await iterator(k, StreamName, SHARD0, 'AT_TIMESTAMP', { Timestamp: later }),
      undefined,
      'from a minute ahead',
    );
  });

  scenario('GetRecords Limit pages through a shard and MillisBehindLatest is 0 when caught up', async (k) => {
    const StreamName = await twoShards(k);
    await k.call(
      new PutRecordsCommand({
        StreamName,
        Records: [1, 2, 3, 4, 5].map((i) => ({ PartitionKey: 'a', Data: bytes(`n${i}`) })),
      }),
    );
    let it = await iterator(k, StreamName, SHARD0, 'TRIM_HORIZON');
    let last: GetRecordsCommandOutput | undefined;
    for (const page of [1, 2, 3, 4]) {
      last = await read(k, it, 2, `page ${page}`);
      it = last?.NextShardIterator;
    }
    // Lag while behind is a known difference (kinesalite always says 0); caught up, both must say 0.
    k.note('caught up', last?.MillisBehindLatest);
  });

  scenario('an empty shard reads as no records with a next iterator', async (k) => {
    const StreamName = await twoShards(k);
    const out = await read(k, await iterator(k, StreamName, SHARD1, 'TRIM_HORIZON'));
    k.note('next iterator differs', out?.NextShardIterator !== undefined);
  });

  scenario('PutRecord with SequenceNumberForOrdering', async (k) => {
    const StreamName = await twoShards(k);
    const first = await k.call<PutRecordCommandOutput>(
      new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('1') }),
    );
    await k.call(
      new PutRecordCommand({
        StreamName,
        PartitionKey: 'a',
        Data: bytes('2'),
        SequenceNumberForOrdering: first?.SequenceNumber,
      }),
    );
    await read(k, await iterator(k, StreamName, SHARD0, 'TRIM_HORIZON'));
  });

  scenario('GetShardIterator on a shard that does not exist', async (k) => {
    const StreamName = await twoShards(k);
    await iterator(k, StreamName, 'shardId-000000000009', 'TRIM_HORIZON');
    await iterator(k, StreamName, 'shard-9', 'TRIM_HORIZON');
    await iterator(k, `${StreamName}-missing`, SHARD0, 'TRIM_HORIZON');
  });

  scenario('GetShardIterator arguments that do not fit the type', async (k) => {
    const StreamName = await twoShards(k);
    await iterator(k, StreamName, SHARD0, 'AT_SEQUENCE_NUMBER');
    await iterator(k, StreamName, SHARD0, 'AT_TIMESTAMP');
    await iterator(k, StreamName, SHARD0, 'AFTER_SEQUENCE_NUMBER', { StartingSequenceNumber: 'abc' });
    await iterator(k, StreamName, SHARD0, 'NOT_A_TYPE' as ShardIteratorType);
  });

  scenario('a sequence number from another shard is refused', async (k) => {
    const StreamName = await twoShards(k);
    const out = await k.call<PutRecordCommandOutput>(
      new PutRecordCommand({ StreamName, PartitionKey: 'b', Data: bytes('1') }),
    );
    await iterator(k, StreamName, SHARD0, 'AT_SEQUENCE_NUMBER', {
      StartingSequenceNumber: out?.SequenceNumber,
    });
  });

  scenario('a sequence number that no stream issued', async (k) => {
    const StreamName = await twoShards(k);
    // (A short number such as '1234' is left out: kinesalite decodes it with its own private layout.)
    await iterator(k, StreamName, SHARD0, 'AFTER_SEQUENCE_NUMBER', {
      StartingSequenceNumber: '9'.repeat(56),
    });
  });

  scenario("AT_SEQUENCE_NUMBER of the shard's StartingSequenceNumber reads from the beginning", async (k) => {
    const StreamName = await twoShards(k);
    await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('first') }));
    const shards = await k.client.send(new ListShardsCommand({ StreamName }));
    const start = shards.Shards?.[0]?.SequenceNumberRange?.StartingSequenceNumber;
    await read(
      k,
      await iterator(k, StreamName, SHARD0, 'AT_SEQUENCE_NUMBER', { StartingSequenceNumber: start }),
      undefined,
      'at start',
    );
  });
});
