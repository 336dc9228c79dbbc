import { describe, expect, it } from 'vitest';
import { VirtualClock } from './common/clock';
import { SeededRng } from './common/rng';
import { Emulator } from './emulator';
import type { FirehoseExports } from './firehose/module';
import type { S3Exports } from './s3/module';

const T0 = Date.UTC(2026, 0, 1);
const rc = { region: 'us-east-1', requestId: 'r' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * Kinesis records and S3 objects written turn about, one second apart, 10 bytes each (a record is 9
 * bytes of data and a 1-byte key), and 12 bytes waiting in a Firehose buffer from the first second.
 */
const fill = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 0 } });
  const kinesis = (op: string, input: Record<string, unknown>) => emulator.kinesis.call(op, input, rc);
  const s3 = emulator.exports<S3Exports>('s3').service.store;
  const firehose = emulator.exports<FirehoseExports>('firehose').service;
  kinesis('CreateStream', { StreamName: 's', ShardCount: 1 });
  s3.createBucket('out', 'us-east-1');
  firehose.call(
    'CreateDeliveryStream',
    {
      DeliveryStreamName: 'hose',
      ExtendedS3DestinationConfiguration: {
        RoleARN: 'arn:aws:iam::000000000000:role/r',
        BucketARN: 'arn:aws:s3:::out',
        BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 },
      },
    },
    rc,
  );
  clock.advance(1000);
  firehose.call('PutRecordBatch', { DeliveryStreamName: 'hose', Records: ['aaaa', 'bbbb', 'cccc'].map((d) => ({ Data: b64(d) })) }, rc);
  for (let i = 0; i < 6; i++) {
    clock.advance(1000);
    if (i % 2 === 0) kinesis('PutRecord', { StreamName: 's', PartitionKey: String(i), Data: b64(`record-${i}!`.slice(0, 9)) });
    else s3.putObject('out', `object-${i}`, new TextEncoder().encode('0123456789'));
  }
  const keys = () => s3.keys('out');
  const partitionKeys = (): string[] => {
    const it = kinesis('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string };
    return (kinesis('GetRecords', { ShardIterator: it.ShardIterator }) as { Records: Array<{ PartitionKey: string }> }).Records.map((r) => r.PartitionKey);
  };
  const buffered = () => firehose.bufferList().flatMap((b) => b.data);
  return { clock, emulator, keys, partitionKeys, buffered };
};

describe('the storage cap over every service', () => {
  it('sums Kinesis records, S3 object bodies and Firehose buffers, and gives each service its share', () => {
    const { emulator } = fill();
    const u = emulator.recordUsage();
    expect(u).toMatchObject({ streams: 1, shards: 1, records: 9, bytes: 72 });
    expect(u.services).toEqual({
      kinesis: { records: 3, bytes: 30, counts: { streams: 1, shards: 1 } },
      s3: { records: 3, bytes: 30, counts: { buckets: 1, objects: 3 } },
      firehose: { records: 3, bytes: 12, counts: { deliveryStreams: 1, buffered: 3, bufferedBytes: 12, copies: 0 } },
    });
    const shares = Object.values(u.services);
    expect(shares.reduce((n, s) => n + s.bytes, 0)).toBe(u.bytes);
    expect(shares.reduce((n, s) => n + s.records, 0)).toBe(u.records);
  });

  it('drops the oldest records and objects together, by the time they were written, whichever service holds them', () => {
    const { emulator, keys, partitionKeys, buffered } = fill();
    // 72 bytes; keep at most 45: the first record, the first object and the second record go (30 bytes).
    const trim = emulator.trimRecordsToCap(60, 45);
    expect(trim).toMatchObject({
      records: 3,
      bytes: 30,
      // Just after the newest item dropped (the second record, written at T0 + 4 s).
      before: T0 + 4000 + 1,
      services: { kinesis: { records: 2, bytes: 20 }, s3: { records: 1, bytes: 10 } },
      usage: { records: 6, bytes: 42 },
    });
    expect(trim.usage.services.s3.counts).toEqual({ buckets: 1, objects: 2 });
    expect(partitionKeys()).toEqual(['4']);
    expect(keys()).toEqual(['object-3', 'object-5']);
    expect(buffered()).toHaveLength(3);
  });

  it('never drops what a Firehose buffer holds, even when it is the oldest: it counts, and the rest goes first', () => {
    const { clock, emulator, keys, partitionKeys, buffered } = fill();
    // Keep 20 bytes: the 12 buffered bytes are older than everything, yet stay; 12 + 10 > 20, so every record and object goes.
    const trim = emulator.trimRecordsToCap(30, 20);
    expect(trim.services).toEqual({ kinesis: { records: 3, bytes: 30 }, s3: { records: 3, bytes: 30 } });
    expect(trim.usage).toMatchObject({ records: 3, bytes: 12 });
    expect(partitionKeys()).toEqual([]);
    expect(keys()).toEqual([]);
    expect(buffered()).toEqual(['aaaa', 'bbbb', 'cccc'].map(b64));
    // Still over, with only the buffer left: nothing more goes, and the buffer is delivered when due.
    expect(emulator.trimRecordsToCap(5, 4)).toMatchObject({ records: 0, bytes: 0, before: 0 });
    clock.advance(900_000);
    emulator.advance(clock.now());
    expect(keys()).toHaveLength(1);
    expect(buffered()).toEqual([]);
  });
});
