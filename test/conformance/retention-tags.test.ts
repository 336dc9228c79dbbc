/** Retention up and down, and stream tags. */
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DecreaseStreamRetentionPeriodCommand,
  DescribeStreamSummaryCommand,
  IncreaseStreamRetentionPeriodCommand,
  ListTagsForStreamCommand,
  RemoveTagsFromStreamCommand,
} from '@aws-sdk/client-kinesis';
import { describe } from 'vitest';
import { conformance, type Kit } from './harness';

const stream = async (k: Kit) => {
  const StreamName = k.stream();
  await k.call(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
  await k.waitActive(StreamName);
  return StreamName;
};
const increase = (StreamName: string, RetentionPeriodHours: number) =>
  new IncreaseStreamRetentionPeriodCommand({ StreamName, RetentionPeriodHours });
const decrease = (StreamName: string, RetentionPeriodHours: number) =>
  new DecreaseStreamRetentionPeriodCommand({ StreamName, RetentionPeriodHours });

describe('conformance: retention and tags', () => {
  const scenario = conformance();

  scenario('retention goes up to 168 hours and back down to 24', async (k) => {
    const StreamName = await stream(k);
    await k.call(increase(StreamName, 48));
    await k.call(new DescribeStreamSummaryCommand({ StreamName }), '48');
    await k.call(increase(StreamName, 168));
    await k.call(decrease(StreamName, 24));
    await k.call(new DescribeStreamSummaryCommand({ StreamName }), '24');
  });

  scenario('retention changes in the wrong direction are InvalidArgumentException', async (k) => {
    const StreamName = await stream(k);
    await k.call(increase(StreamName, 72));
    await k.call(increase(StreamName, 48), 'increase to less');
    await k.call(decrease(StreamName, 96), 'decrease to more');
    await k.call(increase(StreamName, 72), 'increase to the same');
  });

  scenario('retention under 24 hours or under 1', async (k) => {
    const StreamName = await stream(k);
    await k.call(decrease(StreamName, 12), 'decrease to 12');
    await k.call(increase(StreamName, 12), 'increase to 12');
    await k.call(increase(StreamName, 0), 'increase to 0');
  });

  scenario('retention on a stream that does not exist', async (k) => {
    await k.call(increase(k.stream('missing'), 48));
    await k.call(decrease(k.stream('missing'), 24));
  });

  scenario('tags: add, list, overwrite, remove', async (k) => {
    const StreamName = await stream(k);
    await k.call(
      new AddTagsToStreamCommand({ StreamName, Tags: { team: 'data', env: 'workshop', empty: '' } }),
    );
    await k.call(new ListTagsForStreamCommand({ StreamName }), 'all');
    await k.call(new AddTagsToStreamCommand({ StreamName, Tags: { env: 'prod' } }), 'overwrite');
    await k.call(new ListTagsForStreamCommand({ StreamName, Limit: 2 }), 'limit 2');
    await k.call(new ListTagsForStreamCommand({ StreamName, ExclusiveStartTagKey: 'empty' }), 'after empty');
    await k.call(new RemoveTagsFromStreamCommand({ StreamName, TagKeys: ['team', 'nope'] }));
    await k.call(new ListTagsForStreamCommand({ StreamName }), 'after remove');
  });

  scenario('tags: too many, too long, bad characters', async (k) => {
    const StreamName = await stream(k);
    // 11 tags in one call: a deliberate difference (known-differences.ts).
    await k.call(
      new AddTagsToStreamCommand({ StreamName, Tags: { ['k'.repeat(129)]: 'v' } }),
      '129-char key',
    );
    await k.call(new AddTagsToStreamCommand({ StreamName, Tags: { k: 'v'.repeat(257) } }), '257-char value');
    await k.call(new AddTagsToStreamCommand({ StreamName, Tags: { 'a{b}': 'v' } }), 'braces in key');
    await k.call(new AddTagsToStreamCommand({ StreamName, Tags: {} }), 'none');
    await k.call(new ListTagsForStreamCommand({ StreamName, Limit: 0 }), 'limit 0');
    await k.call(new RemoveTagsFromStreamCommand({ StreamName, TagKeys: [] }), 'remove none');
  });

  scenario('tags: at most 50 per stream', async (k) => {
    const StreamName = await stream(k);
    for (let batch = 0; batch < 5; batch++) {
      const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${batch}-${i}`, 'v']));
      await k.call(new AddTagsToStreamCommand({ StreamName, Tags: tags }), `batch ${batch}`);
    }
    await k.call(new AddTagsToStreamCommand({ StreamName, Tags: { one: 'more' } }), '51st');
    await k.call(
      new AddTagsToStreamCommand({ StreamName, Tags: { 't0-0': 'overwrite' } }),
      'overwrite at 50',
    );
  });
});
