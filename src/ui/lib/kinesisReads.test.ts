import { CreateStreamCommand, KinesisClient, ListStreamsCommand, SplitShardCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { createServiceClients } from '../../aws/clients';
import { defaultConnectionSettings } from '../../aws/connection';
import { ScaledClock, VirtualClock } from '../../engine/common/clock';
import { Emulator } from '../../engine/emulator';
import { fetchShards, fetchStreamRows } from './kinesisReads';

const setup = () => {
  const base = new VirtualClock(Date.UTC(2026, 0, 1));
  const emulator = new Emulator({ clock: new ScaledClock(base) });
  const { kinesis } = createServiceClients(defaultConnectionSettings, { emulatorTransport: (r) => emulator.handle(r) });
  return { kinesis, settle: () => base.advance(emulator.ctx.options.stateDelayMs) };
};

const create = (kinesis: KinesisClient, name: string, shards: number) =>
  kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));

describe('reads behind the Streams page', () => {
  it('lists every stream across ListStreams pages with its summary', async () => {
    const { kinesis, settle } = setup();
    for (let i = 0; i < 12; i++) await create(kinesis, `s${String(i).padStart(2, '0')}`, 1);
    settle();
    await create(kinesis, 'fresh', 2);
    // The emulator pages ListStreams like AWS: a small Limit still yields every stream here.
    const firstPage = await kinesis.send(new ListStreamsCommand({ Limit: 5 }));
    expect(firstPage.HasMoreStreams).toBe(true);
    const rows = await fetchStreamRows(kinesis);
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.name === 'fresh')).toMatchObject({ status: 'CREATING', mode: 'PROVISIONED', retentionHours: 24 });
    expect(rows.find((r) => r.name === 's00')).toMatchObject({ status: 'ACTIVE', openShards: 1 });
  });

  it('reads every shard across ListShards pages, closed parents included', async () => {
    const { kinesis, settle } = setup();
    await create(kinesis, 'orders', 3);
    settle();
    await kinesis.send(new SplitShardCommand({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }));
    settle();
    const shards = await fetchShards(kinesis, 'orders', 2);
    expect(shards.map((s) => s.ShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
      'shardId-000000000003',
      'shardId-000000000004',
    ]);
    expect(shards[0].SequenceNumberRange?.EndingSequenceNumber).toBeDefined();
    expect(shards[3]).toMatchObject({ ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '999' } });
  });
});
