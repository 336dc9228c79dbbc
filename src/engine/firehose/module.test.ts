import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { SeededRng } from '../common/rng';
import { Emulator, type EmulatorSnapshot } from '../emulator';
import type { S3Exports } from '../s3/module';
import type { FirehoseExports } from './module';

const T0 = Date.UTC(2026, 0, 1, 12);
const rc = { region: 'us-east-1', requestId: 'r' };
const b64 = (s: string) => btoa(s);
const utf8d = new TextDecoder();

const make = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 100 } });
  const firehose = () => emulator.exports<FirehoseExports>('firehose').service;
  const s3 = () => emulator.exports<S3Exports>('s3').service.store;
  const objects = (bucket: string) =>
    s3()
      .keys(bucket)
      .map((k) => utf8d.decode(s3().getObject(bucket, k).body));
  const createHose = (extra: Record<string, unknown> = {}) => {
    s3().createBucket('out', 'us-east-1');
    firehose().call(
      'CreateDeliveryStream',
      {
        DeliveryStreamName: 'hose',
        ExtendedS3DestinationConfiguration: {
          RoleARN: 'arn:aws:iam::000000000000:role/r',
          BucketARN: 'arn:aws:s3:::out',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        },
        ...extra,
      },
      rc,
    );
    clock.advance(100);
  };
  return { clock, emulator, firehose, s3, objects, createHose };
};

describe('Firehose and S3 as service modules', () => {
  it('keeps delivery streams, buffered records and S3 objects across a snapshot and restore', () => {
    const a = make();
    a.createHose();
    a.firehose().call(
      'PutRecordBatch',
      { DeliveryStreamName: 'hose', Records: [{ Data: b64('one,') }, { Data: b64('two,') }] },
      rc,
    );
    a.s3().putObject('out', 'note.txt', new TextEncoder().encode('kept'));
    const snap = JSON.parse(JSON.stringify(a.emulator.snapshot())) as EmulatorSnapshot;
    expect(Object.keys(snap.bulk)).toEqual(['s3', 'firehose']);
    const b = make();
    b.emulator.restore(snap);
    expect(b.objects('out')).toEqual(['kept']);
    b.firehose().call('PutRecord', { DeliveryStreamName: 'hose', Record: { Data: b64('three') } }, rc);
    b.clock.set(T0 + 100 + 60_000);
    b.emulator.advance(b.clock.now());
    expect(b.objects('out').sort()).toEqual(['kept', 'one,two,three'].sort());
  });

  it('reads a Kinesis stream as its source through the Kinesis consumer', () => {
    const m = make();
    m.emulator.kinesis.call('CreateStream', { StreamName: 'src', ShardCount: 1 }, rc);
    m.clock.advance(100);
    m.createHose({
      DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: {
        KinesisStreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/src',
        RoleARN: 'arn:aws:iam::000000000000:role/r',
      },
    });
    m.clock.advance(10);
    m.emulator.kinesis.call(
      'PutRecord',
      { StreamName: 'src', Data: b64('from-kinesis;'), PartitionKey: 'p' },
      rc,
    );
    m.emulator.advance(m.clock.now());
    m.clock.advance(60_000);
    m.emulator.advance(m.clock.now());
    expect(m.objects('out')).toEqual(['from-kinesis;']);
    const incoming = m.emulator.metrics.snapshot().series.filter((s) => s.namespace === 'AWS/Firehose');
    expect(incoming.length).toBeGreaterThan(0);
  });

  it('takes records from another module as PutRecordBatch does', () => {
    const m = make();
    m.createHose();
    const out = m.emulator
      .exports<FirehoseExports>('firehose')
      .putRecordBatch('us-east-1', 'hose', [b64('a'), b64('b')]);
    expect(out.FailedPutCount).toBe(0);
    expect(() =>
      m.emulator.exports<FirehoseExports>('firehose').putRecordBatch('us-east-1', 'nope', [b64('a')]),
    ).toThrow('Firehose nope under account 000000000000 not found.');
    m.clock.advance(60_000);
    m.emulator.advance(m.clock.now());
    expect(m.objects('out')).toEqual(['ab']);
  });

  it('refuses a Kinesis source that does not exist', () => {
    const m = make();
    m.s3().createBucket('out', 'us-east-1');
    expect(() =>
      m.firehose().call(
        'CreateDeliveryStream',
        {
          DeliveryStreamName: 'hose',
          DeliveryStreamType: 'KinesisStreamAsSource',
          KinesisStreamSourceConfiguration: {
            KinesisStreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/none',
            RoleARN: 'arn:aws:iam::000000000000:role/r',
          },
          ExtendedS3DestinationConfiguration: {
            RoleARN: 'arn:aws:iam::000000000000:role/r',
            BucketARN: 'arn:aws:s3:::out',
          },
        },
        rc,
      ),
    ).toThrow('Kinesis stream arn:aws:kinesis:us-east-1:000000000000:stream/none does not exist.');
  });

  it('counts buffered records toward the storage cap but never drops them: older S3 objects go instead, and the buffer is delivered', () => {
    const m = make();
    m.createHose();
    const put = (...data: string[]) =>
      m.firehose().call('PutRecordBatch', { DeliveryStreamName: 'hose', Records: data.map((d) => ({ Data: b64(d) })) }, rc);
    m.s3().putObject('out', 'old.txt', new TextEncoder().encode('0123456789'));
    m.clock.advance(1000);
    put('aaaa', 'bbbb');
    m.clock.advance(1000);
    put('cccc');
    expect(m.emulator.recordUsage()).toMatchObject({ records: 4, bytes: 22 });
    expect(m.emulator.recordUsage().services.firehose).toEqual({
      records: 3,
      bytes: 12,
      counts: { deliveryStreams: 1, buffered: 3, bufferedBytes: 12, copies: 0 },
    });
    // Keep 8 bytes: only the S3 object may go; the 12 buffered bytes stay over the mark.
    const trim = m.emulator.trimRecordsToCap(10, 8);
    expect(trim).toMatchObject({ records: 1, bytes: 10, services: { s3: { records: 1, bytes: 10 } } });
    expect(m.emulator.recordUsage()).toMatchObject({ records: 3, bytes: 12 });
    // Over the cap with nothing else to drop: nothing goes.
    expect(m.emulator.trimRecordsToCap(4, 2)).toMatchObject({ records: 0, bytes: 0, before: 0, services: {} });
    const [buffer] = m.firehose().bufferList();
    expect([buffer.first, buffer.data]).toEqual([0, [b64('aaaa'), b64('bbbb'), b64('cccc')]]);
    m.clock.advance(60_000);
    m.emulator.advance(m.clock.now());
    expect(m.objects('out')).toEqual(['aaaabbbbcccc']);
  });
});
