import { CreateDeliveryStreamCommand, DeleteDeliveryStreamCommand, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import {
  AddApplicationInputCommand,
  CreateApplicationCommand,
  DescribeApplicationCommand,
  DiscoverInputSchemaCommand,
  StartApplicationCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../engine/common/clock';
import { Emulator } from '../engine/emulator';
import type { AnalyticsExports } from '../engine/analytics/module';
import { defaultConnectionSettings } from './connection';
import { createServiceClients } from './clients';

const ROLE = 'arn:aws:iam::000000000000:role/workshop';
const HOSE_ARN = 'arn:aws:firehose:us-east-1:000000000000:deliverystream/sensor-hose';
const SCHEMA = {
  RecordFormat: { RecordFormatType: 'JSON' as const, MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [
    { Name: 'SENSOR', SqlType: 'VARCHAR(8)', Mapping: '$.sensor' },
    { Name: 'TEMP', SqlType: 'INTEGER', Mapping: '$.temp' },
  ],
};
const CODE = `CREATE OR REPLACE STREAM "DEST_SQL_STREAM" (sensor VARCHAR(8), temp INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DEST_SQL_STREAM" SELECT STREAM sensor, temp FROM "SOURCE_SQL_STREAM_001" WHERE temp > 20;`;

/** An emulator with a DirectPut delivery stream, driven through the console's own SDK clients on a manual clock. */
const setup = async () => {
  const clock = new VirtualClock(Date.UTC(2026, 5, 1, 9, 0, 0));
  const emulator = new Emulator({ clock });
  const clients = createServiceClients(defaultConnectionSettings, { emulatorTransport: (req) => emulator.handle(req) });
  const advance = (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      clock.advance(100);
      emulator.advance(clock.now());
    }
  };
  await clients.s3.send(new CreateBucketCommand({ Bucket: 'sink' }));
  await clients.firehose.send(
    new CreateDeliveryStreamCommand({
      DeliveryStreamName: 'sensor-hose',
      ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::sink', RoleARN: ROLE },
    }),
  );
  advance(6000);
  const put = (...records: object[]) =>
    clients.firehose.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'sensor-hose',
        Records: records.map((r) => ({ Data: new TextEncoder().encode(JSON.stringify(r)) })),
      }),
    );
  const rows = async (app: string, stream: string) => {
    const { ApplicationDetail } = await clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: app }));
    const tail = emulator.exports<AnalyticsExports>('analytics').runtime.tail(ApplicationDetail!.ApplicationARN!);
    return tail.streams.find((s) => s.name === stream)?.rows.map((r) => r.values) ?? [];
  };
  return { emulator, clients, advance, put, rows };
};

describe('an analytics application reading a Firehose delivery stream', () => {
  it('gets rows from records put with PutRecordBatch after it started, not from those before', async () => {
    const { clients, advance, put, rows } = await setup();
    await clients.analytics.send(
      new CreateApplicationCommand({
        ApplicationName: 'from-hose',
        RuntimeEnvironment: 'SQL-1_0',
        ServiceExecutionRole: ROLE,
        ApplicationConfiguration: {
          ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: CODE } },
          SqlApplicationConfiguration: {
            Inputs: [{ NamePrefix: 'SOURCE_SQL_STREAM', KinesisFirehoseInput: { ResourceARN: HOSE_ARN }, InputSchema: SCHEMA }],
          },
        },
      }),
    );
    await put({ sensor: 'early', temp: 99 });
    await clients.analytics.send(
      new StartApplicationCommand({
        ApplicationName: 'from-hose',
        RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] },
      }),
    );
    advance(6000);
    const out = await put({ sensor: 's1', temp: 25 }, { sensor: 's2', temp: 10 }, { sensor: 's3', temp: 30 });
    expect(out.FailedPutCount).toBe(0);
    advance(1000);
    expect(await rows('from-hose', 'DEST_SQL_STREAM')).toEqual([
      ['s1', 25],
      ['s3', 30],
    ]);
    const { ApplicationDetail } = await clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: 'from-hose' }));
    const input = ApplicationDetail!.ApplicationConfigurationDescription!.SqlApplicationConfigurationDescription!.InputDescriptions![0];
    expect(input.KinesisFirehoseInputDescription?.ResourceARN).toBe(HOSE_ARN);
    expect(input.KinesisStreamsInputDescription).toBeUndefined();
  });

  it('discovers the schema from the records the delivery stream received', async () => {
    const { clients, put } = await setup();
    await put({ sensor: 'a', temp: 1 }, { sensor: 'b', temp: 2 });
    const found = await clients.analytics.send(
      new DiscoverInputSchemaCommand({ ResourceARN: HOSE_ARN, ServiceExecutionRole: ROLE, InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }),
    );
    expect(found.InputSchema?.RecordColumns?.map((c) => c.Name)).toEqual(['sensor', 'temp']);
    expect(found.RawInputRecords).toHaveLength(2);
  });

  it("refuses a delivery stream that does not exist, and TRIM_HORIZON for a delivery stream source, with AWS's error types", async () => {
    const { clients } = await setup();
    await clients.analytics.send(new CreateApplicationCommand({ ApplicationName: 'app', RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE }));
    const missing = clients.analytics.send(
      new AddApplicationInputCommand({
        ApplicationName: 'app',
        CurrentApplicationVersionId: 1,
        Input: { NamePrefix: 'SOURCE_SQL_STREAM', KinesisFirehoseInput: { ResourceARN: `${HOSE_ARN}-nope` }, InputSchema: SCHEMA },
      }),
    );
    await expect(missing).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await clients.analytics.send(
      new AddApplicationInputCommand({
        ApplicationName: 'app',
        CurrentApplicationVersionId: 1,
        Input: { NamePrefix: 'SOURCE_SQL_STREAM', KinesisFirehoseInput: { ResourceARN: HOSE_ARN }, InputSchema: SCHEMA },
      }),
    );
    await expect(
      clients.analytics.send(
        new StartApplicationCommand({
          ApplicationName: 'app',
          RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' } }] },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgumentException' });
  });

  it('stops the application when its delivery stream is deleted', async () => {
    const { clients, advance } = await setup();
    await clients.analytics.send(
      new CreateApplicationCommand({
        ApplicationName: 'gone',
        RuntimeEnvironment: 'SQL-1_0',
        ServiceExecutionRole: ROLE,
        ApplicationConfiguration: {
          ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: CODE } },
          SqlApplicationConfiguration: {
            Inputs: [{ NamePrefix: 'SOURCE_SQL_STREAM', KinesisFirehoseInput: { ResourceARN: HOSE_ARN }, InputSchema: SCHEMA }],
          },
        },
      }),
    );
    await clients.analytics.send(
      new StartApplicationCommand({
        ApplicationName: 'gone',
        RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] },
      }),
    );
    advance(6000);
    await clients.firehose.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: 'sensor-hose' }));
    advance(10_000);
    const { ApplicationDetail } = await clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: 'gone' }));
    expect(ApplicationDetail!.ApplicationStatus).toBe('READY');
  });

  it('keeps reading across an update (LAST_STOPPED_POINT inside the engine)', async () => {
    const { clients, advance, put, rows } = await setup();
    await clients.analytics.send(
      new CreateApplicationCommand({
        ApplicationName: 'upd',
        RuntimeEnvironment: 'SQL-1_0',
        ServiceExecutionRole: ROLE,
        ApplicationConfiguration: {
          ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: CODE } },
          SqlApplicationConfiguration: {
            Inputs: [{ NamePrefix: 'SOURCE_SQL_STREAM', KinesisFirehoseInput: { ResourceARN: HOSE_ARN }, InputSchema: SCHEMA }],
          },
        },
      }),
    );
    await clients.analytics.send(
      new StartApplicationCommand({
        ApplicationName: 'upd',
        RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] },
      }),
    );
    advance(6000);
    await put({ sensor: 'x', temp: 21 });
    advance(1000);
    await clients.analytics.send(
      new UpdateApplicationCommand({
        ApplicationName: 'upd',
        CurrentApplicationVersionId: 1,
        ApplicationConfigurationUpdate: { ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: CODE.replace('temp > 20', 'temp > 0') } } },
      }),
    );
    await put({ sensor: 'y', temp: 5 });
    advance(6000);
    expect(await rows('upd', 'DEST_SQL_STREAM')).toEqual([['y', 5]]);
  });
});
