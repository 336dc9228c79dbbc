import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { Emulator } from '../emulator';
import { decodeUtf8, encodeUtf8 } from '../protocol/http';
import { kinesisHarness } from './testing';
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
    const put = emulator.ctx.metrics.put.bind(emulator.ctx.metrics);
    emulator.ctx.metrics.put = (d) => {
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

describe('snapshot and restore', () => {
  it('carries streams, shards, records, tags and pending state changes as plain JSON', () => {
    const a = kinesisHarness();
    a.active('s', 2, { Tags: { t: 'v' } });
    const { SequenceNumber } = a.call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: a.b64('hi'), ExplicitHashKey: '0' });
    a.call('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: String(3n << 126n) });
    const json = JSON.stringify(a.service.snapshot());

    const b = kinesisHarness();
    b.clock.set(a.clock.now());
    b.service.restore(JSON.parse(json));
    expect(b.call('DescribeStream', { StreamName: 's' }).StreamDescription.StreamStatus).toBe('UPDATING');
    b.settle();
    expect(b.call('DescribeStream', { StreamName: 's' }).StreamDescription.Shards).toHaveLength(4);
    const it0 = b.call('GetShardIterator', { StreamName: 's', ShardId: '0', ShardIteratorType: 'TRIM_HORIZON' });
    expect(b.call('GetRecords', it0).Records).toEqual([
      expect.objectContaining({ SequenceNumber, Data: a.b64('hi'), PartitionKey: 'k' }),
    ]);
    expect(b.call('ListTagsForStream', { StreamName: 's' }).Tags).toEqual([{ Key: 't', Value: 'v' }]);
    // The restored copy is independent of the original.
    a.call('DeleteStream', { StreamName: 's' });
    expect(b.call('ListStreams').StreamNames).toEqual(['s']);
  });

  it('keeps each stream in its region: the same name in two regions survives as two streams', () => {
    const a = kinesisHarness();
    a.inRegion('us-east-1').active('demo', 2);
    a.inRegion('eu-west-1').active('demo', 1);
    const snap = JSON.parse(JSON.stringify(a.service.snapshot()));
    expect(snap.version).toBe(2);
    expect(snap.streams.map((s: { _region: string; StreamARN: string }) => [s._region, s.StreamARN])).toEqual([
      ['us-east-1', 'arn:aws:kinesis:us-east-1:000000000000:stream/demo'],
      ['eu-west-1', 'arn:aws:kinesis:eu-west-1:000000000000:stream/demo'],
    ]);
    const b = kinesisHarness();
    b.clock.set(a.clock.now());
    b.service.restore(snap);
    const shards = (region: string) =>
      b.inRegion(region).call('DescribeStreamSummary', { StreamName: 'demo' }).StreamDescriptionSummary.OpenShardCount;
    expect([shards('us-east-1'), shards('eu-west-1')]).toEqual([2, 1]);
    expect(b.inRegion('ap-south-1').call('ListStreams').StreamNames).toEqual([]);
  });

  // Version 1 (before streams were scoped per region) keyed streams by name and had no `_region`:
  // its streams come back in us-east-1, the console's emulated region, with ARNs to match.
  it('reads a version-1 snapshot, placing its streams in us-east-1', () => {
    const a = kinesisHarness();
    a.active('old', 1);
    a.inRegion('eu-west-1').active('elsewhere', 1);
    const { SequenceNumber } = a.call('PutRecord', { StreamName: 'old', PartitionKey: 'k', Data: a.b64('kept') });
    // What version 1 wrote: the same streams without `_region`.
    const v1 = {
      version: 1 as const,
      streams: a.service.snapshot().streams.map(({ _region, ...s }) => (void _region, s)),
    };
    expect(v1.streams[1].StreamARN).toBe('arn:aws:kinesis:eu-west-1:000000000000:stream/elsewhere');

    const b = kinesisHarness();
    b.clock.set(a.clock.now());
    b.service.restore(JSON.parse(JSON.stringify(v1)));
    expect(b.call('ListStreams').StreamNames).toEqual(['elsewhere', 'old']);
    expect(b.inRegion('eu-west-1').call('ListStreams').StreamNames).toEqual([]);
    expect(b.call('DescribeStreamSummary', { StreamName: 'elsewhere' }).StreamDescriptionSummary.StreamARN).toBe(
      'arn:aws:kinesis:us-east-1:000000000000:stream/elsewhere',
    );
    const it0 = b.call('GetShardIterator', { StreamName: 'old', ShardId: '0', ShardIteratorType: 'TRIM_HORIZON' });
    expect(b.call('GetRecords', it0).Records.map((r: { SequenceNumber: string }) => r.SequenceNumber)).toEqual([SequenceNumber]);
    // Saved again, it is a version-2 snapshot.
    expect(b.service.snapshot().streams.map((s) => s._region)).toEqual(['us-east-1', 'us-east-1']);
  });

  it('lets the emulator restore a save whose Kinesis part is version 1', () => {
    const a = kinesisHarness();
    a.active('old', 1);
    const { _region, ...stream } = a.service.snapshot().streams[0];
    expect(_region).toBe('us-east-1');
    const emulator = new Emulator({ clock: new VirtualClock(a.clock.now()) });
    const saved = { ...emulator.snapshot(), kinesis: { version: 1, streams: [stream] } };
    emulator.restore(saved as never);
    expect(emulator.kinesis.store.findStream('us-east-1', 'old')?.StreamStatus).toBe('ACTIVE');
    expect(() => emulator.restore({ ...saved, kinesis: { version: 3, streams: [] } } as never)).toThrow('unsupported emulator snapshot version "kinesis 3"');
  });
});
