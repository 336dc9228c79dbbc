import { CreateDeliveryStreamCommand, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { emulatedClients } from '../../aws/testing';
import { cleanupInventory, inCleanupOrder, runCleanup, type CleanupItem, type CleanupState } from './useCleanup';
import { createBucket, listBuckets } from './useS3';

const workshop = async () => {
  const env = emulatedClients();
  const { clients, advance } = env;
  await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'workshop-stream', ShardCount: 2 }));
  await createBucket(clients.s3, 'jane-filtered-iot-data');
  await createBucket(clients.s3, 'empty-bucket');
  for (const k of ['2026/12/02/10/a', '2026/12/02/10/b', '2026/12/02/11/c'])
    await clients.s3.send(new PutObjectCommand({ Bucket: 'jane-filtered-iot-data', Key: k, Body: 'x,1\n' }));
  await clients.firehose.send(
    new CreateDeliveryStreamCommand({
      DeliveryStreamName: 'filtered-to-s3',
      ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::jane-filtered-iot-data', RoleARN: 'arn:aws:iam::123456789012:role/firehose' },
    }),
  );
  advance(10_000);
  return env;
};

const run = async (clients: ReturnType<typeof emulatedClients>['clients'], items: CleanupItem[]) => {
  const log: [string, CleanupState['status']][] = [];
  const last: Record<string, CleanupState> = {};
  let stopped = 0;
  const failed = await runCleanup(clients, items, {
    stopGenerator: () => stopped++,
    onState: (id, s) => {
      log.push([id, s.status]);
      last[id] = s;
    },
  });
  return { failed, log, last, stopped };
};

describe('workshop clean-up', () => {
  it('lists what exists, buckets with their object counts, in the order it deletes them', async () => {
    const { clients } = await workshop();
    const inv = await cleanupInventory(clients, 'workshop-stream');
    expect(inv.problems).toEqual([]);
    expect(inv.items.map((i) => [i.id, i.detail])).toEqual([
      ['generator:workshop-stream', 'Running'],
      ['delivery-stream:filtered-to-s3', undefined],
      ['stream:workshop-stream', 'ACTIVE'],
      ['bucket:empty-bucket', '0 objects'],
      ['bucket:jane-filtered-iot-data', '3 objects'],
    ]);
  });

  it('stops the generator, deletes delivery streams, then streams, then empties and deletes buckets', async () => {
    const { clients, advance } = await workshop();
    const { items } = await cleanupInventory(clients, 'workshop-stream');
    // Given in any order, done in AWS's.
    const { failed, log, last, stopped } = await run(clients, [...items].reverse());
    expect(failed).toBe(0);
    expect(stopped).toBe(1);
    expect(log.filter(([, s]) => s === 'working').map(([id]) => id)).toEqual([
      'generator:workshop-stream',
      'delivery-stream:filtered-to-s3',
      'stream:workshop-stream',
      'bucket:empty-bucket',
      'bucket:jane-filtered-iot-data',
      'bucket:jane-filtered-iot-data',
    ]);
    expect(last['bucket:jane-filtered-iot-data']).toEqual({ status: 'done', progress: 'Deleted with 3 objects' });
    expect(await listBuckets(clients.s3)).toEqual([]);
    advance(10_000);
    expect((await clients.firehose.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames).toEqual([]);
    await expect(clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'workshop-stream' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('reports AWS’s error for what fails and carries on with the rest', async () => {
    const { clients } = await workshop();
    const items: CleanupItem[] = [
      { id: 'stream:gone', kind: 'stream', name: 'gone' },
      { id: 'bucket:jane-filtered-iot-data', kind: 'bucket', name: 'jane-filtered-iot-data' },
    ];
    const { failed, last } = await run(clients, items);
    expect(failed).toBe(1);
    expect(last['stream:gone']).toMatchObject({ status: 'failed', error: { type: 'ResourceNotFoundException' } });
    expect(last['bucket:jane-filtered-iot-data'].status).toBe('done');
  });

  it('orders by kind, then name', () => {
    const it = (kind: CleanupItem['kind'], name: string): CleanupItem => ({ id: `${kind}:${name}`, kind, name });
    expect(inCleanupOrder([it('bucket', 'a'), it('stream', 'b'), it('application', 'z'), it('application', 'c')]).map((i) => i.id)).toEqual([
      'application:c',
      'application:z',
      'stream:b',
      'bucket:a',
    ]);
  });
});
