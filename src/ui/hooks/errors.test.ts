import { describe, expect, it } from 'vitest';
import { describeError, fieldForError, formatError } from './errors';

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('AWS errors as the console shows them', () => {
  it('takes the type from the SDK error name and keeps the message', () => {
    expect(describeError(awsError('ResourceInUseException', 'Stream s1 under account 000000000000 already exists.'))).toEqual({
      type: 'ResourceInUseException',
      message: 'Stream s1 under account 000000000000 already exists.',
    });
    expect(formatError({ type: 'UnknownOperationException', message: '' })).toBe('UnknownOperationException');
    expect(describeError('boom')).toEqual({ type: 'Error', message: 'boom' });
  });

  it('puts a ValidationException next to the member it names', () => {
    const e = describeError(
      awsError('ValidationException', "1 validation error detected: Value 'x' at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256"),
    );
    expect(fieldForError(e, { data: ['data'], partitionKey: ['partitionKey'] })).toBe('partitionKey');
  });

  it('finds the field named in the words of other errors, and none when there is none', () => {
    const split = describeError(awsError('InvalidArgumentException', 'NewStartingHashKey 0 used in SplitShard() on shard shardId-000000000000 ...'));
    expect(fieldForError(split, { key: ['NewStartingHashKey'] })).toBe('key');
    const inUse = describeError(awsError('ResourceInUseException', 'Stream s1 is not ACTIVE'));
    expect(fieldForError(inUse, { key: ['NewStartingHashKey'] })).toBeUndefined();
  });
});
