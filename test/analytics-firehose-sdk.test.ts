import { CreateDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { CreateStreamCommand, KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreateApplicationCommand, KinesisAnalyticsV2Client, StartApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { EmulatorRequestHandler } from '../src/aws/handler';
import { VirtualClock } from '../src/engine/common/clock';
import { Emulator } from '../src/engine/emulator';

// Activity 3-B: an analytics application's FILTERED_STREAM connected to a delivery stream as CSV;
// a minute later the rows are an object under the dated prefix.
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const config = { region: 'us-east-1', endpoint: 'http://emulator.local', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } };
const ROLE = 'arn:aws:iam::000000000000:role/workshop';
const SQL = `CREATE OR REPLACE STREAM "FILTERED_STREAM" ("sensorId" VARCHAR(16), "measuredTemp" INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "FILTERED_STREAM"
SELECT STREAM "sensorId", "measuredTemp" FROM "SOURCE_SQL_STREAM_001" WHERE "measuredTemp" > 90;`;

describe('an analytics output delivered through Firehose to S3', () => {
  it('writes the filtered rows as CSV lines into an object under YYYY/MM/dd/HH/', async () => {
    const clock = new VirtualClock(T0);
    const emulator = new Emulator({ clock, options: { stateDelayMs: 100 } });
    const requestHandler = new EmulatorRequestHandler((req) => emulator.handle(req));
    const kinesis = new KinesisClient({ ...config, requestHandler });
    const firehose = new FirehoseClient({ ...config, requestHandler });
    const s3 = new S3Client({ ...config, forcePathStyle: true, requestHandler });
    const analytics = new KinesisAnalyticsV2Client({ ...config, requestHandler });
    /** Moves the emulator's clock on in steps, letting every module do what is due, as the scheduler would. */
    const pass = (ms: number) => {
      const end = clock.now() + ms;
      while (clock.now() < end) {
        clock.advance(Math.min(100, end - clock.now()));
        emulator.advance(clock.now());
      }
    };

    await kinesis.send(new CreateStreamCommand({ StreamName: 'sensors', ShardCount: 1 }));
    await s3.send(new CreateBucketCommand({ Bucket: 'workshop-results' }));
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'results',
        DeliveryStreamType: 'DirectPut',
        ExtendedS3DestinationConfiguration: {
          RoleARN: ROLE,
          BucketARN: 'arn:aws:s3:::workshop-results',
          BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
        },
      }),
    );
    pass(200);
    await analytics.send(
      new CreateApplicationCommand({
        ApplicationName: 'workshop',
        RuntimeEnvironment: 'SQL-1_0',
        ServiceExecutionRole: ROLE,
        ApplicationConfiguration: {
          ApplicationCodeConfiguration: { CodeContent: { TextContent: SQL }, CodeContentType: 'PLAINTEXT' },
          SqlApplicationConfiguration: {
            Inputs: [
              {
                NamePrefix: 'SOURCE_SQL_STREAM',
                KinesisStreamsInput: { ResourceARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/sensors' },
                InputSchema: {
                  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
                  RecordColumns: [
                    { Name: 'sensorId', SqlType: 'VARCHAR(16)', Mapping: '$.sensorId' },
                    { Name: 'measuredTemp', SqlType: 'INTEGER', Mapping: '$.measuredTemp' },
                  ],
                },
              },
            ],
            Outputs: [
              {
                Name: 'FILTERED_STREAM',
                KinesisFirehoseOutput: { ResourceARN: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/results' },
                DestinationSchema: { RecordFormatType: 'CSV' },
              },
            ],
          },
        },
      }),
    );
    await analytics.send(new StartApplicationCommand({ ApplicationName: 'workshop' }));
    pass(200);
    const put = (sensorId: string, measuredTemp: number) => ({ Data: new TextEncoder().encode(JSON.stringify({ sensorId, measuredTemp })), PartitionKey: sensorId });
    await kinesis.send(new PutRecordsCommand({ StreamName: 'sensors', Records: [put('s-1', 95), put('s-2', 20), put('s-3', 99)] }));
    pass(1000);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'workshop-results' }))).Contents ?? []).toEqual([]);
    pass(61_000);
    const objects = (await s3.send(new ListObjectsV2Command({ Bucket: 'workshop-results' }))).Contents ?? [];
    expect(objects).toHaveLength(1);
    expect(objects[0].Key).toMatch(/^2026\/01\/01\/12\/results-1-2026-01-01-12-00-\d\d-[0-9a-f-]{36}$/);
    const body = await (await s3.send(new GetObjectCommand({ Bucket: 'workshop-results', Key: objects[0].Key }))).Body!.transformToString();
    expect(body).toBe('s-1,95\ns-3,99\n');
  });
});
