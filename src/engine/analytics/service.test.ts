import { describe, expect, it } from 'vitest';
import { analyticsHarness, OUT_ARN, ROLE, sourceInput, STREAM_ARN } from './testing';

const FILTER_SQL = `CREATE OR REPLACE STREAM "FILTERED_STREAM" ("sensorId" INTEGER, "currentTemperature" DOUBLE, "status" VARCHAR(8));
CREATE OR REPLACE PUMP "FILTER_PUMP" AS INSERT INTO "FILTERED_STREAM"
SELECT STREAM "sensorId", "currentTemperature", "status" FROM "SOURCE_SQL_STREAM_001" WHERE "status" = 'FAIL';`;

describe('Kinesis Data Analytics applications (SQL-1_0)', () => {
  it('creates an application READY at version 1, with its code, input and output described as the API does', () => {
    const h = analyticsHarness();
    const out = h.create('workshop', {
      ApplicationDescription: 'Activity 2',
      ApplicationConfiguration: {
        ApplicationCodeConfiguration: { CodeContent: { TextContent: FILTER_SQL }, CodeContentType: 'PLAINTEXT' },
        SqlApplicationConfiguration: {
          Inputs: [sourceInput()],
          Outputs: [{ Name: 'FILTERED_STREAM', KinesisStreamsOutput: { ResourceARN: OUT_ARN }, DestinationSchema: { RecordFormatType: 'JSON' } }],
        },
      },
    });
    const d = out.ApplicationDetail;
    expect(d).toMatchObject({
      ApplicationARN: 'arn:aws:kinesisanalytics:us-east-1:000000000000:application/workshop',
      ApplicationName: 'workshop',
      ApplicationDescription: 'Activity 2',
      RuntimeEnvironment: 'SQL-1_0',
      ServiceExecutionRole: ROLE,
      ApplicationStatus: 'READY',
      ApplicationVersionId: 1,
      CreateTimestamp: Date.UTC(2026, 0, 1) / 1000,
    });
    const sql = d.ApplicationConfigurationDescription.SqlApplicationConfigurationDescription;
    expect(sql.InputDescriptions[0]).toMatchObject({
      InputId: '1.1',
      NamePrefix: 'SOURCE_SQL_STREAM',
      InAppStreamNames: ['SOURCE_SQL_STREAM_001'],
      KinesisStreamsInputDescription: { ResourceARN: STREAM_ARN },
      InputParallelism: { Count: 1 },
    });
    expect(sql.OutputDescriptions[0]).toEqual({
      OutputId: '1.1',
      Name: 'FILTERED_STREAM',
      KinesisStreamsOutputDescription: { ResourceARN: OUT_ARN },
      DestinationSchema: { RecordFormatType: 'JSON' },
    });
    expect(d.ApplicationConfigurationDescription.ApplicationCodeConfigurationDescription).toMatchObject({
      CodeContentType: 'PLAINTEXT',
      CodeContentDescription: { TextContent: FILTER_SQL, CodeSize: FILTER_SQL.length },
    });
    expect(h.call('DescribeApplication', { ApplicationName: 'workshop' }).ApplicationDetail).toEqual(d);
  });

  it("checks inputs against AWS's model before anything else", () => {
    const h = analyticsHarness();
    expect(h.error('CreateApplication', { ApplicationName: 'bad name', RuntimeEnvironment: 'SQL-1_0' })).toEqual({
      code: 'ValidationException',
      message:
        "2 validation errors detected: Value 'bad name' at 'applicationName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
        "Value null at 'serviceExecutionRole' failed to satisfy constraint: Member must not be null",
    });
    expect(h.error('CreateApplication', { ApplicationName: 'a', RuntimeEnvironment: 'SQL-2', ServiceExecutionRole: ROLE }).message).toContain(
      "Value 'SQL-2' at 'runtimeEnvironment' failed to satisfy constraint: Member must satisfy enum value set: [",
    );
  });

  it('refuses a second application of the same name, an unknown one, Flink runtimes and a missing source', () => {
    const h = analyticsHarness();
    h.create('app');
    expect(h.error('CreateApplication', { ApplicationName: 'app', RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE }).code).toBe('ResourceInUseException');
    expect(h.error('DescribeApplication', { ApplicationName: 'nope' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Application nope is not found in account 000000000000.',
    });
    expect(h.error('CreateApplication', { ApplicationName: 'f', RuntimeEnvironment: 'FLINK-1_15', ServiceExecutionRole: ROLE }).code).toBe('UnsupportedOperationException');
    const missing = h.error('CreateApplication', {
      ApplicationName: 'm',
      RuntimeEnvironment: 'SQL-1_0',
      ServiceExecutionRole: ROLE,
      ApplicationConfiguration: { SqlApplicationConfiguration: { Inputs: [sourceInput('arn:aws:kinesis:us-east-1:000000000000:stream/gone')] } },
    });
    expect(missing).toEqual({ code: 'InvalidArgumentException', message: 'Kinesis stream arn:aws:kinesis:us-east-1:000000000000:stream/gone does not exist.' });
    expect(h.error('DescribeApplication', { ApplicationName: 'm' }).code).toBe('ResourceNotFoundException');
  });

  it('refuses SQL that does not compile with CodeValidationException, naming the line and column', () => {
    const h = analyticsHarness();
    const e = h.error('CreateApplication', {
      ApplicationName: 'typo',
      RuntimeEnvironment: 'SQL-1_0',
      ServiceExecutionRole: ROLE,
      ApplicationConfiguration: {
        ApplicationCodeConfiguration: { CodeContent: { TextContent: FILTER_SQL.replace('WHERE', 'WHER') }, CodeContentType: 'PLAINTEXT' },
        SqlApplicationConfiguration: { Inputs: [sourceInput()] },
      },
    });
    expect(e.code).toBe('CodeValidationException');
    expect(e.message).toMatch(/line 3, column \d+/);
  });

  it('steps the version on every change and refuses a stale CurrentApplicationVersionId', () => {
    const h = analyticsHarness();
    h.create('app');
    const added = h.call('AddApplicationInput', { ApplicationName: 'app', CurrentApplicationVersionId: 1, Input: sourceInput() });
    expect(added.ApplicationVersionId).toBe(2);
    expect(h.error('AddApplicationOutput', {
      ApplicationName: 'app',
      CurrentApplicationVersionId: 1,
      Output: { Name: 'X', KinesisStreamsOutput: { ResourceARN: OUT_ARN }, DestinationSchema: { RecordFormatType: 'CSV' } },
    })).toEqual({
      code: 'ConcurrentModificationException',
      message: 'Current application version 1 does not match the latest version 2 of application app. Describe the application for its latest version.',
    });
    const updated = h.call('UpdateApplication', {
      ApplicationName: 'app',
      CurrentApplicationVersionId: 2,
      ApplicationConfigurationUpdate: { ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: FILTER_SQL } } },
    });
    expect(updated.ApplicationDetail.ApplicationVersionId).toBe(3);
    expect(updated.ApplicationDetail.ApplicationConfigurationDescription.ApplicationCodeConfigurationDescription.CodeContentDescription.TextContent).toBe(FILTER_SQL);
    const output = h.call('AddApplicationOutput', {
      ApplicationName: 'app',
      CurrentApplicationVersionId: 3,
      Output: { Name: 'FILTERED_STREAM', KinesisStreamsOutput: { ResourceARN: OUT_ARN }, DestinationSchema: { RecordFormatType: 'CSV' } },
    });
    expect(output.OutputDescriptions.map((o: { OutputId: string }) => o.OutputId)).toEqual(['1.1']);
    h.call('DeleteApplicationOutput', { ApplicationName: 'app', CurrentApplicationVersionId: 4, OutputId: '1.1' });
    expect(h.call('DescribeApplication', { ApplicationName: 'app' }).ApplicationDetail.ApplicationVersionId).toBe(5);
    expect(h.error('DeleteApplicationOutput', { ApplicationName: 'app', CurrentApplicationVersionId: 5, OutputId: '1.1' }).code).toBe('ResourceNotFoundException');
  });

  it('keeps one input per SQL application and at most three outputs', () => {
    const h = analyticsHarness();
    h.create('app', { ApplicationConfiguration: { SqlApplicationConfiguration: { Inputs: [sourceInput()] } } });
    expect(h.error('AddApplicationInput', { ApplicationName: 'app', CurrentApplicationVersionId: 1, Input: sourceInput() }).code).toBe('InvalidArgumentException');
    const output = (n: number) => ({ Name: `S${n}`, KinesisStreamsOutput: { ResourceARN: OUT_ARN }, DestinationSchema: { RecordFormatType: 'JSON' } });
    for (let i = 1; i <= 3; i++) h.call('AddApplicationOutput', { ApplicationName: 'app', CurrentApplicationVersionId: i, Output: output(i) });
    expect(h.error('AddApplicationOutput', { ApplicationName: 'app', CurrentApplicationVersionId: 4, Output: output(4) }).code).toBe('LimitExceededException');
  });

  it('a failed update changes nothing', () => {
    const h = analyticsHarness();
    h.create('app', { ApplicationConfiguration: { SqlApplicationConfiguration: { Inputs: [sourceInput()] } } });
    const e = h.error('UpdateApplication', {
      ApplicationName: 'app',
      CurrentApplicationVersionId: 1,
      ApplicationConfigurationUpdate: {
        ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: 'SELECT STREAM nope FROM "SOURCE_SQL_STREAM_001";' } },
      },
    });
    expect(e.code).toBe('CodeValidationException');
    const d = h.call('DescribeApplication', { ApplicationName: 'app' }).ApplicationDetail;
    expect(d.ApplicationVersionId).toBe(1);
    expect(d.ApplicationConfigurationDescription.ApplicationCodeConfigurationDescription.CodeContentDescription.TextContent).toBe('');
  });

  it('starts through STARTING to RUNNING, stops through STOPPING to READY, on the emulator clock', () => {
    const h = analyticsHarness();
    h.create('app', { ApplicationConfiguration: { SqlApplicationConfiguration: { Inputs: [sourceInput()] } } });
    const status = () => h.call('DescribeApplication', { ApplicationName: 'app' }).ApplicationDetail.ApplicationStatus;
    h.call('StartApplication', {
      ApplicationName: 'app',
      RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' } }] },
    });
    expect(status()).toBe('STARTING');
    expect(h.error('StartApplication', { ApplicationName: 'app' })).toEqual({
      code: 'ResourceInUseException',
      message: 'Application app is in STARTING status. It must be in READY status for this operation.',
    });
    h.clock.advance(500);
    expect(status()).toBe('RUNNING');
    expect(h.call('DescribeApplication', { ApplicationName: 'app' }).ApplicationDetail.ApplicationConfigurationDescription.SqlApplicationConfigurationDescription.InputDescriptions[0].InputStartingPositionConfiguration).toEqual({ InputStartingPosition: 'TRIM_HORIZON' });
    h.call('StopApplication', { ApplicationName: 'app' });
    expect(status()).toBe('STOPPING');
    h.clock.advance(500);
    expect(status()).toBe('READY');
    expect(h.error('StopApplication', { ApplicationName: 'app' }).code).toBe('ResourceInUseException');
  });

  it('will not start an application with no input', () => {
    const h = analyticsHarness();
    h.create('app');
    expect(h.error('StartApplication', { ApplicationName: 'app' }).code).toBe('InvalidApplicationConfigurationException');
  });

  it('deletes only with the matching CreateTimestamp, through DELETING', () => {
    const h = analyticsHarness();
    const created = h.create('app').ApplicationDetail.CreateTimestamp;
    expect(h.error('DeleteApplication', { ApplicationName: 'app', CreateTimestamp: created + 1 }).code).toBe('InvalidArgumentException');
    h.call('DeleteApplication', { ApplicationName: 'app', CreateTimestamp: created });
    expect(h.call('ListApplications').ApplicationSummaries[0].ApplicationStatus).toBe('DELETING');
    h.clock.advance(500);
    expect(h.call('ListApplications').ApplicationSummaries).toEqual([]);
  });

  it('lists applications by name, a page at a time', () => {
    const h = analyticsHarness();
    for (const n of ['c', 'a', 'b']) h.create(n);
    const first = h.call('ListApplications', { Limit: 2 });
    expect(first.ApplicationSummaries.map((s: { ApplicationName: string }) => s.ApplicationName)).toEqual(['a', 'b']);
    expect(first.NextToken).toBe('b');
    const second = h.call('ListApplications', { Limit: 2, NextToken: first.NextToken });
    expect(second.ApplicationSummaries.map((s: { ApplicationName: string }) => s.ApplicationName)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
  });

  it('survives a snapshot and restore', () => {
    const h = analyticsHarness();
    h.create('app', { ApplicationConfiguration: { SqlApplicationConfiguration: { Inputs: [sourceInput()] } } });
    const snap = JSON.parse(JSON.stringify(h.service.snapshot()));
    const other = analyticsHarness();
    other.service.restore(snap);
    expect(other.call('DescribeApplication', { ApplicationName: 'app' })).toEqual(h.call('DescribeApplication', { ApplicationName: 'app' }));
  });
});

describe('DiscoverInputSchema', () => {
  const records = [
    '{"sensorId": 7, "currentTemperature": 41.5, "status": "OK"}',
    '{"sensorId": 12, "currentTemperature": 99.25, "status": "FAIL"}',
  ];

  it('infers the columns, types and JSON mappings, with the raw, processed and parsed samples', () => {
    const h = analyticsHarness({ [STREAM_ARN]: records });
    const out = h.call('DiscoverInputSchema', { ResourceARN: STREAM_ARN, ServiceExecutionRole: ROLE, InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' } });
    expect(out.InputSchema.RecordFormat.RecordFormatType).toBe('JSON');
    expect(out.InputSchema.RecordColumns.map((c: { Name: string; Mapping: string }) => [c.Name, c.Mapping])).toEqual([
      ['sensorId', '$.sensorId'],
      ['currentTemperature', '$.currentTemperature'],
      ['status', '$.status'],
    ]);
    expect(out.RawInputRecords).toEqual(records);
    expect(out.ProcessedInputRecords).toEqual(records);
    expect(out.ParsedInputRecords[1]).toEqual(['12', '99.25', 'FAIL']);
  });

  it('says there is nothing to read yet on an empty stream, with the empty samples AWS sends', () => {
    const h = analyticsHarness({ [STREAM_ARN]: [] });
    expect(h.error('DiscoverInputSchema', { ResourceARN: STREAM_ARN, ServiceExecutionRole: ROLE })).toEqual({
      code: 'UnableToDetectSchemaException',
      message: 'No data was found in the streaming source to detect a schema from. Send records to it and discover again.',
      fields: { RawInputRecords: [], ProcessedInputRecords: [] },
    });
  });

  it('refuses a source that does not exist', () => {
    const h = analyticsHarness({});
    expect(h.error('DiscoverInputSchema', { ResourceARN: STREAM_ARN, ServiceExecutionRole: ROLE }).code).toBe('InvalidArgumentException');
  });
});
