import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CreateStreamCommand,
  EnableEnhancedMonitoringCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { EmulatorRequestHandler } from '../src/aws/handler';
import { KINESIS_NAMESPACE } from '../src/engine/kinesis/metrics';
import { epochMillis } from '../src/engine/common/brand';
import { VirtualClock } from '../src/engine/common/clock';
import { Emulator } from '../src/engine/emulator';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

const setup = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock });
  const seen: Record<string, string>[] = [];
  const client = new CloudWatchClient({
    region: 'us-east-1',
    endpoint: 'http://emulator.local',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: new EmulatorRequestHandler(async (req) => {
      seen.push(req.headers);
      return emulator.handle(req);
    }),
  });
  const kinesis = new KinesisClient({
    region: 'us-east-1',
    endpoint: 'http://emulator.local',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: new EmulatorRequestHandler((req) => emulator.handle(req)),
  });
  return { clock, emulator, client, kinesis, seen };
};

describe('CloudWatch through @aws-sdk/client-cloudwatch', () => {
  it('speaks awsJson1_0 in query-compatible mode', async () => {
    const { client, seen } = setup();
    await client.send(new ListMetricsCommand({}));
    expect(seen[0]['x-amz-target']).toBe('GraniteServiceVersion20100801.ListMetrics');
    expect(seen[0]['content-type']).toBe('application/x-amz-json-1.0');
    expect(seen[0]['x-amzn-query-mode']).toBe('true');
  });

  it('PutMetricData then GetMetricData returns the 1-minute Sum per minute, newest first', async () => {
    const { client, clock } = setup();
    const metric = { MetricName: 'Orders', Dimensions: [{ Name: 'Shop', Value: 'north' }], Unit: 'Count' as const };
    await client.send(new PutMetricDataCommand({ Namespace: 'Workshop', MetricData: [{ ...metric, Value: 2 }, { ...metric, Value: 3 }] }));
    clock.advance(60_000);
    await client.send(new PutMetricDataCommand({ Namespace: 'Workshop', MetricData: [{ ...metric, Value: 7 }] }));
    const out = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(T0 - 5 * 60_000),
        EndTime: new Date(T0 + 5 * 60_000),
        MetricDataQueries: [
          { Id: 'orders', MetricStat: { Metric: { Namespace: 'Workshop', ...metric }, Period: 60, Stat: 'Sum' } },
        ],
      }),
    );
    expect(out.MetricDataResults).toEqual([
      {
        Id: 'orders',
        Label: 'Orders',
        Timestamps: [new Date(T0 + 60_000), new Date(T0)],
        Values: [7, 5],
        StatusCode: 'Complete',
        Messages: [],
      },
    ]);
    expect(out.NextToken).toBeUndefined();
  });

  it('GetMetricStatistics returns datapoints with their statistics and unit', async () => {
    const { client } = setup();
    await client.send(
      new PutMetricDataCommand({
        Namespace: 'Workshop',
        MetricData: [{ MetricName: 'Latency', Values: [10, 30], Counts: [1, 3], Unit: 'Milliseconds' }],
      }),
    );
    const out = await client.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Workshop',
        MetricName: 'Latency',
        StartTime: new Date(T0 - 60_000),
        EndTime: new Date(T0 + 60_000),
        Period: 60,
        Statistics: ['Average', 'Maximum', 'SampleCount'],
      }),
    );
    expect(out.Label).toBe('Latency');
    expect(out.Datapoints).toEqual([
      { Timestamp: new Date(T0), Average: 25, Maximum: 30, SampleCount: 4, Unit: 'Milliseconds' },
    ]);
  });

  it('ListMetrics filters by namespace and dimension', async () => {
    const { client } = setup();
    await client.send(
      new PutMetricDataCommand({
        Namespace: 'Workshop',
        MetricData: [
          { MetricName: 'A', Value: 1, Dimensions: [{ Name: 'Shop', Value: 'north' }] },
          { MetricName: 'B', Value: 1, Dimensions: [{ Name: 'Shop', Value: 'south' }] },
        ],
      }),
    );
    await client.send(new PutMetricDataCommand({ Namespace: 'Other', MetricData: [{ MetricName: 'A', Value: 1 }] }));
    const out = await client.send(
      new ListMetricsCommand({ Namespace: 'Workshop', Dimensions: [{ Name: 'Shop', Value: 'south' }] }),
    );
    expect(out.Metrics).toEqual([{ Namespace: 'Workshop', MetricName: 'B', Dimensions: [{ Name: 'Shop', Value: 'south' }] }]);
  });

  it('errors surface in the SDK with the modelled exception name, the query code and the message', async () => {
    const { client } = setup();
    const err = await client
      .send(
        new GetMetricStatisticsCommand({
          Namespace: 'Workshop',
          MetricName: 'Orders',
          StartTime: new Date(T0 - 2 * 86_400_000),
          EndTime: new Date(T0),
          Period: 60,
          Statistics: ['Sum'],
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'InvalidParameterCombinationException',
      message:
        'You have requested up to 2880 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
      Code: 'InvalidParameterCombination',
      Type: 'Sender',
      $metadata: { httpStatusCode: 400 },
    });

    const bad = await client
      .send(
        new GetMetricDataCommand({
          StartTime: new Date(T0 - 60_000),
          EndTime: new Date(T0),
          MetricDataQueries: [{ Id: 'Bad', MetricStat: { Metric: { Namespace: 'W', MetricName: 'M' }, Period: 60, Stat: 'Sum' } }],
        }),
      )
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({
      name: 'ValidationException',
      Code: 'ValidationError',
      message: 'The value Bad for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.',
    });
  });

  it("serves what services report to CloudWatch's metric store: AWS/Kinesis IncomingRecords per stream and per shard", async () => {
    const { client, clock, emulator } = setup();
    const report = (value: number, dimensions = [{ Name: 'StreamName', Value: 'sensors' }]) =>
      emulator.metrics.put({
        namespace: KINESIS_NAMESPACE,
        name: 'IncomingRecords',
        dimensions,
        value,
        unit: 'Count',
        timestamp: epochMillis(clock.now()),
      });
    report(500);
    report(500);
    report(250, [
      { Name: 'StreamName', Value: 'sensors' },
      { Name: 'ShardId', Value: 'shardId-000000000001' },
    ]);
    clock.advance(60_000);
    report(120);
    const query = (Id: string, Dimensions: { Name: string; Value: string }[]) => ({
      Id,
      MetricStat: { Metric: { Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions }, Period: 60, Stat: 'Sum' as const },
    });
    const out = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(T0 - 15 * 60_000),
        EndTime: new Date(clock.now() + 60_000),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          query('stream', [{ Name: 'StreamName', Value: 'sensors' }]),
          query('shard1', [
            { Name: 'ShardId', Value: 'shardId-000000000001' },
            { Name: 'StreamName', Value: 'sensors' },
          ]),
        ],
      }),
    );
    expect(out.MetricDataResults?.map((r) => [r.Id, r.Timestamps, r.Values])).toEqual([
      ['stream', [new Date(T0), new Date(T0 + 60_000)], [1000, 120]],
      ['shard1', [new Date(T0)], [250]],
    ]);
    const listed = await client.send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis', Dimensions: [{ Name: 'ShardId' }] }));
    expect(listed.Metrics).toEqual([
      {
        Namespace: 'AWS/Kinesis',
        MetricName: 'IncomingRecords',
        Dimensions: [
          { Name: 'ShardId', Value: 'shardId-000000000001' },
          { Name: 'StreamName', Value: 'sensors' },
        ],
      },
    ]);
  });

  it('PutRecords through @aws-sdk/client-kinesis shows up as IncomingRecords SUM per minute, per stream and per shard', async () => {
    const { client, kinesis, clock } = setup();
    await kinesis.send(new CreateStreamCommand({ StreamName: 'sensors', ShardCount: 2 }));
    clock.advance(60_000);
    await kinesis.send(new EnableEnhancedMonitoringCommand({ StreamName: 'sensors', ShardLevelMetrics: ['IncomingRecords'] }));
    clock.advance(60_000);
    const first = clock.now();
    const put = (n: number) =>
      kinesis.send(
        new PutRecordsCommand({
          StreamName: 'sensors',
          Records: Array.from({ length: n }, (_, i) => ({ Data: new TextEncoder().encode(`{"n":${i}}`), PartitionKey: `key-${i}` })),
        }),
      );
    expect((await put(10)).FailedRecordCount).toBe(0);
    expect((await put(7)).FailedRecordCount).toBe(0);
    clock.advance(60_000);
    expect((await put(5)).FailedRecordCount).toBe(0);

    const perMinute = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(first - 10 * 60_000),
        EndTime: new Date(clock.now() + 60_000),
        MetricDataQueries: [
          {
            Id: 'incoming',
            MetricStat: {
              Metric: { Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: [{ Name: 'StreamName', Value: 'sensors' }] },
              Period: 60,
              Stat: 'Sum',
            },
          },
        ],
      }),
    );
    expect(perMinute.MetricDataResults?.[0]).toMatchObject({
      Id: 'incoming',
      Label: 'IncomingRecords',
      Timestamps: [new Date(first + 60_000), new Date(first)],
      Values: [5, 17],
      StatusCode: 'Complete',
    });

    const shards = (await kinesis.send(new ListShardsCommand({ StreamName: 'sensors' }))).Shards ?? [];
    const perShard = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(first - 10 * 60_000),
        EndTime: new Date(clock.now() + 60_000),
        MetricDataQueries: shards.map((sh, i) => ({
          Id: `shard${i}`,
          MetricStat: {
            Metric: {
              Namespace: 'AWS/Kinesis',
              MetricName: 'IncomingRecords',
              Dimensions: [
                { Name: 'StreamName', Value: 'sensors' },
                { Name: 'ShardId', Value: sh.ShardId! },
              ],
            },
            Period: 300,
            Stat: 'Sum',
          },
        })),
      }),
    );
    const shardTotals = (perShard.MetricDataResults ?? []).map((r) => (r.Values ?? []).reduce((a, b) => a + b, 0));
    expect(shardTotals).toHaveLength(2);
    expect(shardTotals[0] + shardTotals[1]).toBe(22);
  });
});
