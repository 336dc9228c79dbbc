/**
 * An iterator used more than five minutes after it was issued. The emulator's clock jumps
 * forward; kinesalite's iterator is re-stamped in the past (see Kit.expire). Own file: the jump
 * moves the emulator's time for every later scenario on the same server.
 */
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetShardIteratorCommandOutput,
} from '@aws-sdk/client-kinesis';
import { describe, expect } from 'vitest';
import { conformance } from './harness';

describe('conformance: iterator expiry', () => {
  const scenario = conformance();

  scenario(
    'an iterator older than five minutes is ExpiredIteratorException',
    async (k) => {
      const StreamName = k.stream();
      await k.call(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
      await k.waitActive(StreamName);
      const it = (
        await k.call<GetShardIteratorCommandOutput>(
          new GetShardIteratorCommand({
            StreamName,
            ShardId: 'shardId-000000000000',
            ShardIteratorType: 'LATEST',
          }),
        )
      )?.ShardIterator;
      await k.call(new GetRecordsCommand({ ShardIterator: it }), 'fresh');
      await k.call(new GetRecordsCommand({ ShardIterator: await k.expire(it!) }), 'expired');
    },
    (t) =>
      expect(JSON.stringify(t.at(-1))).toContain(
        'Iterator expired. The iterator was created at time <time> while right now it is <time> which is further in the future than the tolerated delay of 300000 milliseconds.',
      ),
  );
});
