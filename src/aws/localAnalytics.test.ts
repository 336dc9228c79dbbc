import {
  AddApplicationInputCommand,
  AddApplicationOutputCommand,
  CreateApplicationCommand,
  DescribeApplicationCommand,
  DiscoverInputSchemaCommand,
  StartApplicationCommand,
  UpdateApplicationCommand,
  type KinesisAnalyticsV2Client,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { CreateStreamCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Emulator } from '../engine/emulator';
import { MemoryStorage } from '../worker/persistence';
import { WorkerCommand } from '../worker/protocol';
import { createServiceClients } from './clients';
import { EmulatorRequestHandler } from './handler';
import { startLocalAnalytics, type LocalAnalytics } from './localAnalytics';
import { StreamPoller } from './remoteAnalytics';

const ROLE = 'arn:aws:iam::000000000000:role/workshop';
const CODE = `CREATE OR REPLACE STREAM "DEST_SQL_STREAM" (sensor VARCHAR(8), temp INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DEST_SQL_STREAM" SELECT STREAM sensor, temp FROM "SOURCE_SQL_STREAM_001" WHERE temp > 20;`;
const arn = (name: string) => `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`;
const CONNECTION = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:4567',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
};

const running: LocalAnalytics[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((l) => l.stop()));
});

/**
 * "AWS": the project's emulator on the real clock (its shard limits count real seconds), reached as an
 * endpoint override; the console's local analytics in front of it, saving to `storage`.
 */
const account = async () => {
  const remote = new Emulator();
  const httpHandler = new EmulatorRequestHandler((req) => remote.handle(req));
  const aws = createServiceClients({ mode: 'aws', ...CONNECTION }, { httpHandler });
  for (const StreamName of ['input', 'output'])
    await aws.kinesis.send(new CreateStreamCommand({ StreamName, ShardCount: 2 }));
  await vi.waitFor(
    () => {
      remote.advance(Date.now());
      expect(remote.kinesis.store.getStream('us-east-1', 'output').StreamStatus).toBe('ACTIVE');
    },
    { timeout: 5000, interval: 100 },
  );
  const tick = setInterval(() => remote.advance(Date.now()), 100);
  const put = (...temps: number[]) =>
    aws.kinesis.send(
      new PutRecordsCommand({
        StreamName: 'input',
        Records: temps.map((temp, i) => ({
          PartitionKey: `k${i}`,
          Data: new TextEncoder().encode(JSON.stringify({ sensor: `s${temp}`, temp })),
        })),
      }),
    );
  const start = (storage: MemoryStorage) => {
    const local = startLocalAnalytics(CONNECTION, { storage, httpHandler });
    running.push(local);
    const analytics = createServiceClients(
      { mode: 'aws', ...CONNECTION },
      {
        httpHandler,
        analyticsTransport: async (request) => {
          const reply = await local.host.answer({ cmd: WorkerCommand.Http, id: 0, request });
          if (!reply.ok) throw new Error(reply.error);
          return reply.response;
        },
      },
    ).analytics;
    return { local, analytics };
  };
  /** What the application wrote to the output stream so far. */
  const output = async () => {
    const poller = new StreamPoller(aws.kinesis, 'output', 'TRIM_HORIZON', () => Date.now());
    await poller.pump();
    return poller.read(1000).records.map((r) => JSON.parse(r.data) as { SENSOR: string; TEMP: number });
  };
  return { remote, aws, put, start, output, done: () => clearInterval(tick) };
};

const status = async (analytics: KinesisAnalyticsV2Client) =>
  (await analytics.send(new DescribeApplicationCommand({ ApplicationName: 'local' }))).ApplicationDetail
    ?.ApplicationStatus;

describe('AWS mode: SQL applications run in the console over the account’s streams', () => {
  it('discovers the schema from the real stream, runs the SQL on its records and writes the results with PutRecords; after a reload it carries on where it was', async () => {
    const a = await account();
    try {
      await a.put(10, 30, 50);
      const storage = new MemoryStorage();
      const { analytics } = a.start(storage);
      await analytics.send(
        new CreateApplicationCommand({
          ApplicationName: 'local',
          RuntimeEnvironment: 'SQL-1_0',
          ServiceExecutionRole: ROLE,
        }),
      );
      const discovered = await analytics.send(
        new DiscoverInputSchemaCommand({
          ResourceARN: arn('input'),
          ServiceExecutionRole: ROLE,
          InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' },
        }),
      );
      expect(discovered.ParsedInputRecords).toHaveLength(3);
      expect(discovered.InputSchema?.RecordColumns?.map((c) => c.Name)).toEqual(['sensor', 'temp']);
      await analytics.send(
        new AddApplicationInputCommand({
          ApplicationName: 'local',
          CurrentApplicationVersionId: 1,
          Input: {
            NamePrefix: 'SOURCE_SQL_STREAM',
            KinesisStreamsInput: { ResourceARN: arn('input') },
            InputSchema: {
              ...discovered.InputSchema!,
              RecordColumns: [
                { Name: 'SENSOR', SqlType: 'VARCHAR(8)', Mapping: '$.sensor' },
                { Name: 'TEMP', SqlType: 'INTEGER', Mapping: '$.temp' },
              ],
            },
          },
        }),
      );
      await expect(
        analytics.send(
          new AddApplicationOutputCommand({
            ApplicationName: 'local',
            CurrentApplicationVersionId: 2,
            Output: {
              Name: 'DEST_SQL_STREAM',
              KinesisStreamsOutput: { ResourceARN: arn('missing') },
              DestinationSchema: { RecordFormatType: 'JSON' },
            },
          }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidArgumentException' });
      await analytics.send(
        new AddApplicationOutputCommand({
          ApplicationName: 'local',
          CurrentApplicationVersionId: 2,
          Output: {
            Name: 'DEST_SQL_STREAM',
            KinesisStreamsOutput: { ResourceARN: arn('output') },
            DestinationSchema: { RecordFormatType: 'JSON' },
          },
        }),
      );
      await analytics.send(
        new UpdateApplicationCommand({
          ApplicationName: 'local',
          CurrentApplicationVersionId: 3,
          ApplicationConfigurationUpdate: {
            ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: CODE } },
          },
        }),
      );
      await analytics.send(
        new StartApplicationCommand({
          ApplicationName: 'local',
          RunConfiguration: {
            SqlRunConfigurations: [
              {
                InputId: '1.1',
                InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' },
              },
            ],
          },
        }),
      );
      await vi.waitFor(async () => expect(await status(analytics)).toBe('RUNNING'), {
        timeout: 5000,
        interval: 100,
      });
      await vi.waitFor(async () => expect((await a.output()).map((r) => r.TEMP).sort()).toEqual([30, 50]), {
        timeout: 8000,
        interval: 200,
      });

      // The page reloads: a new local analytics over the same saved state. The application is running and reads on.
      await running.shift()!.stop();
      await a.put(70);
      const again = a.start(storage);
      expect(await status(again.analytics)).toBe('RUNNING');
      await vi.waitFor(
        async () => expect((await a.output()).map((r) => r.TEMP).sort()).toEqual([30, 50, 70]),
        { timeout: 8000, interval: 200 },
      );
      const rows = await again.local.host.analyticsRows(
        (await again.analytics.send(new DescribeApplicationCommand({ ApplicationName: 'local' })))
          .ApplicationDetail!.ApplicationARN!,
      );
      expect(rows.running).toBe(true);
      expect(rows.streams.find((s) => s.name === 'DEST_SQL_STREAM')?.rows.map((r) => r.values)).toEqual([
        ['s70', 70],
      ]);
    } finally {
      a.done();
    }
  }, 30_000);
});
