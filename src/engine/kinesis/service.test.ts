import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { Emulator } from '../emulator';
import { columnsOf } from './store/log';
import { decodeUtf8, encodeUtf8 } from '../protocol/http';
import { testSignatureHeaders } from '../protocol/testing';

const post = async (emulator: Emulator, op: string, body: string, region = 'us-east-1') => {
  const res = await emulator.handle({
    method: 'POST',
    path: '/',
    query: {},
    headers: { ...testSignatureHeaders(region), 'x-amz-target': `Kinesis_20131202.${op}`, 'content-type': 'application/x-amz-json-1.1' },
    body: encodeUtf8(body),
  });
  const text = typeof res.body === 'string' ? res.body : decodeUtf8(res.body);
  return { status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined };
};

describe('KinesisService behind the emulator', () => {
  it('answers over awsJson 1.1', async () => {
    const emulator = new Emulator({ clock: new VirtualClock(), options: { stateDelayMs: 0 } });
    expect((await post(emulator, 'CreateStream', '{"StreamName":"s","ShardCount":1}')).status).toBe(200);
    const r = await post(emulator, 'ListStreams', '{}');
    expect(r.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(r.body.StreamNames).toEqual(['s']);
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const r = await post(new Emulator(), 'FlyToTheMoon', '{}');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ __type: 'UnknownOperationException' });
  });

  it('answers a malformed JSON body with SerializationException', async () => {
    const r = await post(new Emulator(), 'ListStreams', '{"Limit":');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ __type: 'SerializationException' });
  });

  it("answers AWS errors in AWS's envelope", async () => {
    const r = await post(new Emulator(), 'DescribeStream', '{"StreamName":"nope"}');
    expect(r.body).toEqual({ __type: 'ResourceNotFoundException', message: 'Stream nope under account 000000000000 not found.' });
    expect(r.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
  });

  it('reports its metrics to the emulator metrics store', async () => {
    const emulator = new Emulator({ clock: new VirtualClock(), options: { stateDelayMs: 0 } });
    const seen: string[] = [];
    const put = emulator.metrics.put.bind(emulator.metrics);
    emulator.metrics.put = (d) => {
      seen.push(d.name);
      put(d);
    };
    await post(emulator, 'CreateStream', '{"StreamName":"s","ShardCount":1}');
    await post(emulator, 'PutRecord', '{"StreamName":"s","PartitionKey":"k","Data":"AA=="}');
    expect(seen).toContain('IncomingRecords');
  });

  it("reports a stream's metrics in the stream's region: same-named streams in two regions stay apart", async () => {
    const emulator = new Emulator({ clock: new VirtualClock(), options: { stateDelayMs: 0 } });
    for (const region of ['us-east-1', 'eu-west-1']) await post(emulator, 'CreateStream', '{"StreamName":"demo","ShardCount":1}', region);
    await post(emulator, 'PutRecord', '{"StreamName":"demo","PartitionKey":"k","Data":"AA=="}', 'us-east-1');
    await post(emulator, 'PutRecords', '{"StreamName":"demo","Records":[{"PartitionKey":"k","Data":"AA=="},{"PartitionKey":"k","Data":"AA=="}]}', 'eu-west-1');
    const dims = [{ Name: 'StreamName', Value: 'demo' }];
    const sum = (region: string) => emulator.metrics.get('AWS/Kinesis', 'IncomingRecords', dims, region)?.buckets.reduce((n, b) => n + b.sum, 0);
    expect([sum('us-east-1'), sum('eu-west-1'), sum('ap-south-1')]).toEqual([1, 2, undefined]);
  });
});

describe('snapshot and restore (the Kinesis module)', () => {
  /** A Kinesis harness that runs inside an emulator, so its module's snapshot can be taken and restored. */
  const harness = (at = Date.UTC(2026, 0, 1)) => {
    const clock = new VirtualClock(at);
    const emulator = new Emulator({ clock, options: { stateDelayMs: 500 } });
    const inRegion = (region: string) => {
      const call = (op: string, input: Record<string, unknown> = {}): any => emulator.kinesis.call(op, structuredClone(input), { region, requestId: 'r' });
      const active = (StreamName: string, ShardCount = 1, extra: Record<string, unknown> = {}) => {
        call('CreateStream', { StreamName, ShardCount, ...extra });
        clock.advance(500);
      };
      return { call, active };
    };
    const b64 = (x: string) => Buffer.from(x).toString('base64');
    return { clock, emulator, ...inRegion('us-east-1'), inRegion, b64, settle: () => clock.advance(500) };
  };

  it('carries streams, shards, records, tags and pending state changes as plain JSON', () => {
    const a = harness();
    a.active('s', 2, { Tags: { t: 'v' } });
    const { SequenceNumber } = a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: a.b64('hi'), ExplicitHashKey: '0' });
    a.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: String(3n << 126n) });
    const json = JSON.stringify(a.emulator.snapshot());

    const b = harness(a.clock.now());
    b.emulator.restore(JSON.parse(json));
    expect(b.call('DescribeStream', { StreamName: 's' }).StreamDescription.StreamStatus).toBe('UPDATING');
    b.settle();
    expect(b.call('DescribeStream', { StreamName: 's' }).StreamDescription.Shards).toHaveLength(4);
    const it0 = b.call('GetShardIterator', { StreamName: 's', ShardId: '0', ShardIteratorType: 'TRIM_HORIZON' });
    expect(b.call('GetRecords', it0).Records).toEqual([expect.objectContaining({ SequenceNumber, Data: a.b64('hi'), PartitionKey: 'k' })]);
    expect(b.call('ListTagsForStream', { StreamName: 's' }).Tags).toEqual([{ Key: 't', Value: 'v' }]);
    // The restored copy is independent of the original.
    a.call('DeleteStream', { StreamName: 's' });
    expect(b.call('ListStreams').StreamNames).toEqual(['s']);
  });

  it('keeps each stream in its region: the same name in two regions survives as two streams', () => {
    const a = harness();
    a.inRegion('us-east-1').active('demo', 2);
    a.inRegion('eu-west-1').active('demo', 1);
    const snap = JSON.parse(JSON.stringify(a.emulator.snapshot()));
    expect(snap.services.kinesis.streams.map((s: { _region: string; StreamARN: string }) => [s._region, s.StreamARN])).toEqual([
      ['us-east-1', 'arn:aws:kinesis:us-east-1:000000000000:stream/demo'],
      ['eu-west-1', 'arn:aws:kinesis:eu-west-1:000000000000:stream/demo'],
    ]);
    const b = harness(a.clock.now());
    b.emulator.restore(snap);
    const shards = (region: string) => b.inRegion(region).call('DescribeStreamSummary', { StreamName: 'demo' }).StreamDescriptionSummary.OpenShardCount;
    expect([shards('us-east-1'), shards('eu-west-1')]).toEqual([2, 1]);
    expect(b.inRegion('ap-south-1').call('ListStreams').StreamNames).toEqual([]);
  });

  // Kinesis snapshot version 1 (before streams were scoped per region) keyed streams by name and had
  // no `_region`: its streams come back in us-east-1, the console's emulated region, with ARNs to match.
  // Version 2 kept whole streams, records inside their shards.
  it('reads version-1 and version-2 Kinesis parts of an emulator snapshot of version 1', () => {
    const a = harness();
    a.active('old', 1);
    a.inRegion('eu-west-1').active('elsewhere', 1);
    const { SequenceNumber } = a.call('PutRecord', { StreamName: 'old', PartitionKey: 'k', Data: a.b64('kept') });
    const store = a.emulator.kinesis.store;
    // What version 2 held: the store's streams, records inside their shards as columns of plain arrays.
    const v2 = { version: 2, streams: [...store.streams.values()].map((s) => structuredClone({ ...s, Shards: s.Shards.map((sh) => ({ ...sh, _log: { ...columnsOf(sh._log), head: 0 } })) })) };
    const v1 = { version: 1, streams: v2.streams.map(({ _region, ...s }) => (void _region, s)) };
    expect(v1.streams[1].StreamARN).toBe('arn:aws:kinesis:eu-west-1:000000000000:stream/elsewhere');
    const metrics = a.emulator.metrics.snapshot();

    const b = harness(a.clock.now());
    b.emulator.restore(JSON.parse(JSON.stringify({ version: 1, kinesis: v1, metrics })));
    expect(b.emulator.metrics.snapshot()).toEqual(metrics);
    expect(b.call('ListStreams').StreamNames).toEqual(['elsewhere', 'old']);
    expect(b.inRegion('eu-west-1').call('ListStreams').StreamNames).toEqual([]);
    expect(b.call('DescribeStreamSummary', { StreamName: 'elsewhere' }).StreamDescriptionSummary.StreamARN).toBe('arn:aws:kinesis:us-east-1:000000000000:stream/elsewhere');
    const read = (h: ReturnType<typeof harness>, region = 'us-east-1') => {
      const it0 = h.inRegion(region).call('GetShardIterator', { StreamName: 'old', ShardId: '0', ShardIteratorType: 'TRIM_HORIZON' });
      return h.inRegion(region).call('GetRecords', it0).Records.map((r: { SequenceNumber: string }) => r.SequenceNumber);
    };
    expect(read(b)).toEqual([SequenceNumber]);
    // Saved again, it is the current version.
    expect((b.emulator.snapshot().services.kinesis as { version: number }).version).toBe(3);

    const c = harness(a.clock.now());
    c.emulator.restore(JSON.parse(JSON.stringify({ version: 1, kinesis: v2, metrics })));
    expect(c.inRegion('eu-west-1').call('ListStreams').StreamNames).toEqual(['elsewhere']);
    expect(read(c)).toEqual([SequenceNumber]);
    expect(() => c.emulator.restore({ version: 1, kinesis: { version: 4, streams: [] }, metrics } as never)).toThrow('unsupported emulator snapshot version "kinesis 4"');
  });
});
