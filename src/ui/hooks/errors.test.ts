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

describe('credential and permission errors, wherever the console shows them', () => {
  const status = (e: Error, httpStatusCode: number) => Object.assign(e, { $metadata: { httpStatusCode } });

  it('a denied call names the permission and the resource in words, never a stack trace', () => {
    const e = status(
      awsError(
        'AccessDeniedException',
        'User: arn:aws:iam::123456789012:user/workshop is not authorized to perform: kinesis:PutRecords on resource: arn:aws:kinesis:us-east-1:123456789012:stream/input because no identity-based policy allows the kinesis:PutRecords action',
      ),
      400,
    );
    const shown = describeError(e);
    expect(shown).toEqual({
      type: 'AccessDeniedException',
      message:
        'These credentials (arn:aws:iam::123456789012:user/workshop) are not allowed kinesis:PutRecords on arn:aws:kinesis:us-east-1:123456789012:stream/input. Add kinesis:PutRecords to their IAM policy (Connection settings can generate a least-privilege policy for the workshop).',
    });
    expect(formatError(shown)).not.toMatch(/\n\s+at /);
  });

  it("a 403 without words (S3's \"Access Denied\") names the permission of the call it answered", () => {
    const e = status(awsError('AccessDenied', 'Access Denied'), 403);
    Object.defineProperty(e, '$call', { value: { service: 's3', operation: 'ListObjectsV2' } });
    expect(describeError(e).message).toBe(
      'These credentials are not allowed s3:ListBucket. Add s3:ListBucket to their IAM policy (Connection settings can generate a least-privilege policy for the workshop).',
    );
  });

  it("an expired token keeps AWS's words and says what to do", () => {
    expect(describeError(status(awsError('ExpiredTokenException', 'The security token included in the request is expired'), 400)).message).toBe(
      'The security token included in the request is expired. The session token has expired: get fresh temporary credentials (for example aws configure export-credentials) and paste them again.',
    );
  });
});
