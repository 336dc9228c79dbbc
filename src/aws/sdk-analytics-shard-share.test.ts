import { CreateApplicationCommand, StartApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../engine/common/clock';
import { Emulator } from '../engine/emulator';
import { defaultConnectionSettings } from './connection';
import { createServiceClients } from './clients';

const ROLE = 'arn:aws:iam::000000000000:role/workshop';
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/shared';
const SCHEMA = {
  RecordFormat: { RecordFormatType: 'JSON' as const, MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [{ Name: 'N', SqlType: 'INTEGER', Mapping: '$.n' }],
};
const CODE = `CREATE OR REPLACE STREAM "DEST_SQL_STREAM" (n INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DEST_SQL_STREAM" SELECT STREAM n FROM "SOURCE_SQL_STREAM_001";`;

// A shard takes 5 GetRecords calls a second from all its consumers together. A running SQL
// application that has caught up reads about once a second, so a person reading the same shard in
// the data viewer (or any other consumer) is not throttled by it.
describe('an analytics application sharing a shard with other readers', () => {
  it('leaves 4 of the shard’s 5 reads a second to others once it has caught up', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 5, 1, 9, 0, 0, 0));
    const emulator = new Emulator({ clock });
    const { kinesis, analytics } = createServiceClients(defaultConnectionSettings, { emulatorTransport: (req) => emulator.handle(req) });
    const advance = (ms: number) => {
      for (let t = 0; t < ms; t += 50) {
        clock.advance(50);
        emulator.advance(clock.now());
      }
    };
    await kinesis.send(new CreateStreamCommand({ StreamName: 'shared', ShardCount: 1 }));
    advance(1000);
    await analytics.send(
      new CreateApplicationCommand({
        ApplicationName: 'reader',
        RuntimeEnvironment: 'SQL-1_0',
        ServiceExecutionRole: ROLE,
        ApplicationConfiguration: {
          ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: CODE } },
          SqlApplicationConfiguration: { Inputs: [{ NamePrefix: 'SOURCE_SQL_STREAM', KinesisStreamsInput: { ResourceARN: STREAM_ARN }, InputSchema: SCHEMA }] },
        },
      }),
    );
    await analytics.send(
      new StartApplicationCommand({
        ApplicationName: 'reader',
        RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] },
      }),
    );
    advance(3000);
    const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'shared', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    // At many points of a second (one check a second), with records flowing: 3 reads in a row all answered.
    for (let k = 0; k < 10; k++) {
      await kinesis.send(new PutRecordsCommand({ StreamName: 'shared', Records: [{ Data: new TextEncoder().encode(`{"n":${k}}`), PartitionKey: 'p' }] }));
      advance(1130);
      for (let i = 0; i < 3; i++) {
        const out = await kinesis.send(new GetRecordsCommand({ ShardIterator, Limit: 1 }));
        expect(out.Records).toHaveLength(1);
      }
    }
  });
});
