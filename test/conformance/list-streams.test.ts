/** ListStreams and its pagination, on servers of its own (it sees every stream on the server). */
import { CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { describe } from 'vitest';
import { conformance } from './harness';

describe('conformance: ListStreams', () => {
  const scenario = conformance();

  scenario('ListStreams on an empty account', async (k) => {
    await k.call(new ListStreamsCommand({}));
  });

  scenario('ListStreams pages with Limit and ExclusiveStartStreamName, in name order', async (k) => {
    for (const StreamName of ['delta', 'alpha', 'charlie', 'bravo'])
      await k.call(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
    for (const s of ['delta', 'alpha', 'charlie', 'bravo']) await k.waitActive(s);
    const all = await k.call<{ StreamNames?: string[] }>(new ListStreamsCommand({}), 'all');
    k.note('names', all?.StreamNames);
    const page1 = await k.call<{ StreamNames?: string[]; HasMoreStreams?: boolean }>(
      new ListStreamsCommand({ Limit: 2 }),
      'limit 2',
    );
    k.note('page 1', [page1?.StreamNames, page1?.HasMoreStreams]);
    const page2 = await k.call<{ StreamNames?: string[]; HasMoreStreams?: boolean }>(
      new ListStreamsCommand({ Limit: 2, ExclusiveStartStreamName: 'bravo' }),
      'after bravo',
    );
    k.note('page 2', [page2?.StreamNames, page2?.HasMoreStreams]);
  });

  scenario('ListStreams Limit out of range', async (k) => {
    await k.call(new ListStreamsCommand({ Limit: 0 }), '0');
    await k.call(new ListStreamsCommand({ Limit: 10001 }), '10001');
  });
});
