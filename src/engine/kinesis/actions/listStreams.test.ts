import { describe, expect, it } from 'vitest';
import { kinesisHarness } from '../testing';

describe('ListStreams', () => {
  it('lists names in order with summaries, paged by Limit and NextToken or ExclusiveStartStreamName', () => {
    const h = kinesisHarness();
    for (const n of ['c', 'a', 'b']) h.call('CreateStream', { StreamName: n, ShardCount: 1 });
    const first = h.call('ListStreams', { Limit: 2 });
    expect(first.StreamNames).toEqual(['a', 'b']);
    expect(first.HasMoreStreams).toBe(true);
    expect(first.StreamSummaries[0]).toEqual({
      StreamName: 'a',
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/a',
      StreamStatus: 'CREATING',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      StreamCreationTimestamp: Date.UTC(2026, 0, 1) / 1000,
    });
    const next = h.call('ListStreams', { NextToken: first.NextToken });
    expect(next).toMatchObject({ StreamNames: ['c'], HasMoreStreams: false });
    expect(next.NextToken).toBeUndefined();
    expect(h.call('ListStreams', { ExclusiveStartStreamName: 'a' }).StreamNames).toEqual(['b', 'c']);
  });

  it('applies retention to every stream when listing, so idle streams do not keep old records', () => {
    const h = kinesisHarness();
    h.active('idle', 1);
    h.call('PutRecord', { StreamName: 'idle', PartitionKey: 'k', Data: '' });
    h.clock.advance(24 * 3600_000 + 1);
    const log = h.service.store.findStream('us-east-1', 'idle')!.Shards[0]._log;
    expect(log.count).toBe(1);
    h.call('ListStreams');
    expect(log.count).toBe(0);
  });

  it('returns at most 100 names even when Limit asks for more', () => {
    const h = kinesisHarness({ stateDelayMs: 0 });
    for (let i = 0; i < 101; i++) h.call('CreateStream', { StreamName: `s${String(i).padStart(3, '0')}`, ShardCount: 1 });
    const out = h.call('ListStreams', { Limit: 1000 });
    expect(out.StreamNames).toHaveLength(100);
    expect(out.HasMoreStreams).toBe(true);
    expect(h.call('ListStreams', { NextToken: out.NextToken }).StreamNames).toEqual(['s100']);
  });

  it('rejects a Limit out of range and a bad token', () => {
    const h = kinesisHarness();
    expect(h.error('ListStreams', { Limit: 10001 }).message).toBe(
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
    expect(h.error('ListStreams', { NextToken: 'garbage' }).code).toBe('InvalidArgumentException');
  });
});
