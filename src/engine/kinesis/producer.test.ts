import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { AwsError } from '../common/errors';
import { SeededRng } from '../common/rng';
import { Emulator } from '../emulator';
import type { KinesisExports } from './module';

const T0 = Date.UTC(2026, 0, 1);
const b64 = (s: string) => Buffer.from(s).toString('base64');

const make = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock, rng: new SeededRng(1), options: { stateDelayMs: 500 } });
  const call = (op: string, input: Record<string, unknown> = {}): any => emulator.kinesis.call(op, structuredClone(input), { region: 'us-east-1', requestId: 'r' });
  call('CreateStream', { StreamName: 's', ShardCount: 1 });
  clock.advance(500);
  const series = () =>
    Object.fromEntries(
      emulator.metrics
        .list('us-east-1')
        .filter((m) => m.namespace === 'AWS/Kinesis')
        .map((m) => [m.name, m.buckets.reduce((n, b) => n + b.sum, 0)]),
    );
  return { clock, emulator, call, series, producer: emulator.exports<KinesisExports>('kinesis').producer };
};

describe('Kinesis producer (for other services)', () => {
  it('puts records that a GetRecords call then reads', () => {
    const h = make();
    const out = h.producer.putRecords('us-east-1', { StreamName: 's', Records: [{ Data: b64('one'), PartitionKey: 'a' }, { Data: b64('two'), PartitionKey: 'b' }] });
    expect(out.FailedRecordCount).toBe(0);
    const it = h.call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
    expect(h.call('GetRecords', it).Records.map((r: { SequenceNumber: string }) => r.SequenceNumber)).toEqual(out.Records.map((r) => ('SequenceNumber' in r ? r.SequenceNumber : r.ErrorCode)));
  });

  it('is counted in the metrics exactly as a PutRecords call', () => {
    const viaProducer = make();
    const viaApi = make();
    const input = { StreamName: 's', Records: [{ Data: b64('hello'), PartitionKey: 'k' }] };
    viaProducer.producer.putRecords('us-east-1', input);
    viaApi.call('PutRecords', input);
    expect(viaProducer.series()).toEqual(viaApi.series());
    expect(viaProducer.series()).toMatchObject({ 'PutRecords.Records': 1, 'PutRecords.Bytes': 6, IncomingRecords: 1 });
  });

  it('is held to the write limits: records over 1,000 a second fail one by one', () => {
    const h = make();
    const records = Array.from({ length: 500 }, (_, i) => ({ Data: b64('x'), PartitionKey: `k${i}` }));
    expect(h.producer.putRecords('us-east-1', { StreamName: 's', Records: records }).FailedRecordCount).toBe(0);
    expect(h.producer.putRecords('us-east-1', { StreamName: 's', Records: records }).FailedRecordCount).toBe(0);
    const third = h.producer.putRecords('us-east-1', { StreamName: 's', Records: records.slice(0, 2) });
    expect(third.FailedRecordCount).toBe(2);
    expect(third.Records[0]).toMatchObject({ ErrorCode: 'ProvisionedThroughputExceededException' });
    expect(h.series()['PutRecords.ThrottledRecords']).toBe(2);
  });

  it("throws PutRecords' errors: a stream that is not there, a record too large", () => {
    const h = make();
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof AwsError) return `${e.code}: ${e.message}`;
        throw e;
      }
      return 'no error';
    };
    expect(err(() => h.producer.putRecords('eu-west-1', { StreamName: 's', Records: [{ Data: b64('x'), PartitionKey: 'k' }] }))).toBe(
      'ResourceNotFoundException: Stream s under account 000000000000 not found.',
    );
    expect(err(() => h.producer.putRecords('us-east-1', { StreamName: 's', Records: [{ Data: Buffer.alloc(1_048_576).toString('base64'), PartitionKey: 'k' }] }))).toBe(
      'InvalidArgumentException: Record size exceeds 1 MB limit',
    );
  });
});
