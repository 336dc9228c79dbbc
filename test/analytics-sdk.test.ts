import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  CreateApplicationCommand,
  DescribeApplicationCommand,
  DiscoverInputSchemaCommand,
  KinesisAnalyticsV2Client,
  StartApplicationCommand,
  StopApplicationCommand,
  UnableToDetectSchemaException,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '../server/http';

// Activity 2 through the SDK against `npm run emulator`: discover, create with an input and an output,
// start, and the filter pump's rows arrive in the output stream.
const FILTER_SQL = `CREATE OR REPLACE STREAM "FILTERED_STREAM" ("sensorId" VARCHAR(16), "measuredTemp" INTEGER);
CREATE OR REPLACE PUMP "FILTER_PUMP" AS INSERT INTO "FILTERED_STREAM"
SELECT STREAM "sensorId", "measuredTemp" FROM "SOURCE_SQL_STREAM_001" WHERE "measuredTemp" > 90;`;
const ROLE = 'arn:aws:iam::000000000000:role/kda';

let server: EmulatorServer;
let kinesis: KinesisClient;
let analytics: KinesisAnalyticsV2Client;

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, stateDelayMs: 20 });
  const config = {
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: new NodeHttpHandler(),
    maxAttempts: 1,
  };
  kinesis = new KinesisClient(config);
  analytics = new KinesisAnalyticsV2Client(config);
});
afterAll(() => server.close());

const arn = (name: string) => `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`;
const record = (sensorId: string, measuredTemp: number) => ({
  Data: new TextEncoder().encode(JSON.stringify({ sensorId, measuredTemp })),
  PartitionKey: sensorId,
});
const active = async (name: string, shards: number) => {
  await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
  await vi.waitFor(async () => expect((await kinesis.send(new ListShardsCommand({ StreamName: name }))).Shards).toHaveLength(shards));
};

/** Every record in a stream so far, decoded. */
const readAll = async (name: string): Promise<string[]> => {
  const out: string[] = [];
  for (const s of (await kinesis.send(new ListShardsCommand({ StreamName: name }))).Shards ?? []) {
    const it = await kinesis.send(new GetShardIteratorCommand({ StreamName: name, ShardId: s.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    const page = await kinesis.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator }));
    for (const r of page.Records ?? []) out.push(new TextDecoder().decode(r.Data));
  }
  return out;
};

describe('Kinesis Data Analytics through @aws-sdk/client-kinesis-analytics-v2 against npm run emulator', () => {
  it('says there is nothing to discover in an empty stream, with the samples AWS sends along', async () => {
    await active('empty', 1);
    const e = await analytics
      .send(new DiscoverInputSchemaCommand({ ResourceARN: arn('empty'), ServiceExecutionRole: ROLE, InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' } }))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnableToDetectSchemaException);
    expect((e as UnableToDetectSchemaException).RawInputRecords).toEqual([]);
  });

  it('discovers, creates with an input and an output, starts, and delivers the filtered rows', async () => {
    await active('sensors', 2);
    await active('hot', 1);
    await kinesis.send(new PutRecordsCommand({ StreamName: 'sensors', Records: [record('s-1', 20), record('s-2', 95)] }));

    const discovered = await analytics.send(
      new DiscoverInputSchemaCommand({ ResourceARN: arn('sensors'), ServiceExecutionRole: ROLE, InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' } }),
    );
    expect(discovered.InputSchema?.RecordColumns?.map((c) => [c.Name, c.SqlType])).toEqual([
      ['sensorId', 'VARCHAR(4)'],
      ['measuredTemp', 'INTEGER'],
    ]);
    const schema = {
      ...discovered.InputSchema!,
      RecordColumns: discovered.InputSchema!.RecordColumns!.map((c) => (c.Name === 'sensorId' ? { ...c, SqlType: 'VARCHAR(16)' } : c)),
    };

    const created = await analytics.send(
      new CreateApplicationCommand({
        ApplicationName: 'workshop',
        RuntimeEnvironment: 'SQL-1_0',
        ServiceExecutionRole: ROLE,
        ApplicationConfiguration: {
          ApplicationCodeConfiguration: { CodeContent: { TextContent: FILTER_SQL }, CodeContentType: 'PLAINTEXT' },
          SqlApplicationConfiguration: {
            Inputs: [{ NamePrefix: 'SOURCE_SQL_STREAM', KinesisStreamsInput: { ResourceARN: arn('sensors') }, InputSchema: schema }],
            Outputs: [{ Name: 'FILTERED_STREAM', KinesisStreamsOutput: { ResourceARN: arn('hot') }, DestinationSchema: { RecordFormatType: 'JSON' } }],
          },
        },
      }),
    );
    expect(created.ApplicationDetail?.ApplicationStatus).toBe('READY');

    await analytics.send(
      new StartApplicationCommand({
        ApplicationName: 'workshop',
        RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' } }] },
      }),
    );
    await vi.waitFor(async () =>
      expect((await analytics.send(new DescribeApplicationCommand({ ApplicationName: 'workshop' }))).ApplicationDetail?.ApplicationStatus).toBe('RUNNING'),
      { timeout: 15_000, interval: 100 },
    );
    await kinesis.send(new PutRecordsCommand({ StreamName: 'sensors', Records: [record('s-3', 99), record('s-4', 10)] }));

    // Nobody calls: the scheduler runs the application as time passes (a caught-up source is read once a second).
    // Read at most 4 times a second: GetRecords is limited to 5 calls a second a shard, as on AWS.
    let hot: string[] = [];
    await vi.waitFor(
      async () => {
        hot = await readAll('hot');
        expect(hot).toHaveLength(2);
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(hot.map((r) => JSON.parse(r))).toEqual(
      expect.arrayContaining([
        { sensorId: 's-2', measuredTemp: 95 },
        { sensorId: 's-3', measuredTemp: 99 },
      ]),
    );

    await analytics.send(new StopApplicationCommand({ ApplicationName: 'workshop' }));
    await vi.waitFor(async () =>
      expect((await analytics.send(new DescribeApplicationCommand({ ApplicationName: 'workshop' }))).ApplicationDetail?.ApplicationStatus).toBe('READY'),
      { timeout: 15_000, interval: 100 },
    );
  });
});
