import { CreateStreamCommand, GetShardIteratorCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { createServiceClients } from '../../aws/clients';
import { defaultConnectionSettings } from '../../aws/connection';
import { ScaledClock, VirtualClock } from '../../engine/common/clock';
import { Emulator } from '../../engine/emulator';
import { iteratorProblem, parsePastedIterator, readPage } from './useRecords';

const setup = async () => {
  const base = new VirtualClock(Date.UTC(2026, 0, 1));
  const emulator = new Emulator({ clock: new ScaledClock(base) });
  const { kinesis } = createServiceClients(defaultConnectionSettings, { emulatorTransport: (r) => emulator.handle(r) });
  await kinesis.send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 1 }));
  base.advance(emulator.ctx.options.stateDelayMs);
  await kinesis.send(new PutRecordCommand({ StreamName: 'clicks', PartitionKey: 'user-1', Data: new TextEncoder().encode('{"a":1}') }));
  const it = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'clicks', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
  return { kinesis, base, iterator: it.ShardIterator! };
};

const failure = (p: Promise<unknown>) => p.then(() => expect.fail('the call succeeded'), (e: unknown) => e);

describe('parsePastedIterator', () => {
  it('keeps a bare iterator, trimming the blank around it', () => {
    expect(parsePastedIterator('  AAAAB3xyz==\n')).toBe('AAAAB3xyz==');
  });

  it('drops the quotes a copied JSON string value brings along', () => {
    expect(parsePastedIterator('"AAAAB3xyz=="')).toBe('AAAAB3xyz==');
    expect(parsePastedIterator("'AAAAB3xyz=='")).toBe('AAAAB3xyz==');
  });

  it('takes the iterator out of the JSON that get-shard-iterator or get-records prints', () => {
    expect(parsePastedIterator('{\n    "ShardIterator": "AAAAB3xyz=="\n}')).toBe('AAAAB3xyz==');
    expect(parsePastedIterator('{ "Records": [], "NextShardIterator": "AAAAC4abc", "MillisBehindLatest": 0 }')).toBe('AAAAC4abc');
  });

  it('leaves garbage as typed so AWS can reject it', () => {
    expect(parsePastedIterator('not an iterator')).toBe('not an iterator');
  });
});

describe('reading with a pasted iterator', () => {
  it('reads the same records again with an iterator used before', async () => {
    const { kinesis, iterator } = await setup();
    const first = await readPage(kinesis, iterator);
    const again = await readPage(kinesis, parsePastedIterator(`"${iterator}"`));
    expect(again.records.map((r) => r.data.text)).toEqual(['{"a":1}']);
    expect(again.records.map((r) => r.sequenceNumber)).toEqual(first.records.map((r) => r.sequenceNumber));
    expect(again.iterator).toBe(iterator);
    expect(again.nextIterator).toBeTruthy();
  });

  it('calls a garbage iterator invalid, with AWS type and message', async () => {
    const { kinesis } = await setup();
    const problem = iteratorProblem(await failure(readPage(kinesis, 'garbage')));
    expect(problem).toEqual({ kind: 'invalid', error: { type: 'InvalidArgumentException', message: 'Invalid ShardIterator.' } });
  });

  it('calls an iterator older than 5 minutes expired, with AWS type and message', async () => {
    const { kinesis, base, iterator } = await setup();
    base.advance(5 * 60_000 + 1);
    const problem = iteratorProblem(await failure(readPage(kinesis, iterator)));
    expect(problem?.kind).toBe('expired');
    expect(problem?.error.type).toBe('ExpiredIteratorException');
    expect(problem?.error.message).toMatch(
      /^Iterator expired\. The iterator was created at time Thu Jan 01 00:00:00 UTC 2026 while right now it is .* which is further in the future than the tolerated delay of 300000 milliseconds\.$/,
    );
  });

  it('still reads an iterator right at 5 minutes', async () => {
    const { kinesis, base, iterator } = await setup();
    base.advance(5 * 60_000 - 1_000);
    expect((await readPage(kinesis, iterator)).records).toHaveLength(1);
  });

  it('leaves errors that are not about the iterator to the caller', () => {
    expect(iteratorProblem(Object.assign(new Error('Rate exceeded for shard'), { name: 'ProvisionedThroughputExceededException' }))).toBeUndefined();
    expect(iteratorProblem(Object.assign(new Error('Invalid StartingSequenceNumber.'), { name: 'InvalidArgumentException' }))).toBeUndefined();
    const badStart = 'StartingSequenceNumber 123 used in GetShardIterator on shard shardId-000000000000 in stream s1 under account 000000000000 is invalid.';
    expect(iteratorProblem(Object.assign(new Error(badStart), { name: 'InvalidArgumentException' }))).toBeUndefined();
  });
});
