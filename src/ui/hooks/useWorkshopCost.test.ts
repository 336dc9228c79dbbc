import { CreateStreamCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { emulatedClients } from '../../aws/testing';
import { estimate, KIB } from '../workshop/cost';
import { gatherWorkshopCost } from './useWorkshopCost';
import { createBucket } from './useS3';

describe("gathering the cost panel's inputs through the SDK clients", () => {
  it('finds nothing to price in an empty console', async () => {
    const { clients, clock } = emulatedClients();
    const c = await gatherWorkshopCost(clients, clock.now());
    expect(c.usage).toEqual({
      hours: 1,
      openShards: 0,
      kinesisRecords: [],
      firehoseRecords: [],
      applicationKpus: [],
      s3: { bytesStored: 0, putRequests: 0, getRequests: 0 },
    });
    expect(c.window.end - c.window.start).toBe(60 * 60_000);
    expect(estimate(c.usage, 'us-east-1').perMonth).toBe(0);
  });

  it("counts open shards, the hour's records with their average size, and what S3 holds", async () => {
    const { clients, clock, advance } = emulatedClients();
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'priced', ShardCount: 2 }));
    advance(1000);
    const data = new Uint8Array(KIB);
    await clients.kinesis.send(
      new PutRecordsCommand({
        StreamName: 'priced',
        Records: Array.from({ length: 10 }, (_, i) => ({ Data: data, PartitionKey: `k${i}` })),
      }),
    );
    await createBucket(clients.s3, 'results');
    await clients.s3.send(new PutObjectCommand({ Bucket: 'results', Key: 'a.csv', Body: 'x'.repeat(100) }));
    advance(60_000);

    const c = await gatherWorkshopCost(clients, clock.now());
    expect(c.streams).toMatchObject([{ name: 'priced', openShards: 2, records: 10 }]);
    expect(c.usage.openShards).toBe(2);
    expect(c.usage.kinesisRecords).toHaveLength(1);
    expect(c.usage.kinesisRecords[0].count).toBe(10);
    // IncomingBytes is the data's size: 1 KB each, one PUT payload unit each.
    expect(c.usage.kinesisRecords[0].bytesEach).toBeGreaterThanOrEqual(KIB);
    expect(c.usage.kinesisRecords[0].bytesEach).toBeLessThan(25 * KIB);
    expect(c.usage.s3).toEqual({ bytesStored: 100, putRequests: 1, getRequests: 0 });
    expect(c.buckets).toEqual([{ name: 'results', objects: 1, bytes: 100, more: false, writtenInWindow: 1 }]);

    const e = estimate(c.usage, 'us-east-1');
    expect(e.items.find((i) => i.key === 'shardHour')!.perMonth).toBeCloseTo(21.9, 10);
    expect(e.items.find((i) => i.key === 'putPayloadUnits')!.quantity).toBe(10);
  });
});
