import { describe, expect, it } from 'vitest';
import { shapes as createStream } from '../../engine/kinesis/validations/createStream';
import { shapes as getRecords } from '../../engine/kinesis/validations/getRecords';
import { shapes as putRecords } from '../../engine/kinesis/validations/putRecords';
import { createDeliveryStream } from '../../engine/firehose/validations.generated';
import { AwsError } from '../../engine/common/errors';
import { checkValidations } from '../../engine/common/validation';
import {
  describeConstraint,
  describePattern,
  formMessages,
  parseValidationMessage,
  plainWords,
  problemMessage,
  shapeAt,
  type ShownError,
} from './fieldMessages';

/** The ValidationException the emulator's own validation writes for a request. */
const rejected = (request: Record<string, unknown>, shapes = createStream): ShownError => {
  try {
    checkValidations(request, shapes);
  } catch (e) {
    if (e instanceof AwsError) return { type: e.code, message: e.message };
    throw e;
  }
  throw new Error('accepted');
};

const STREAM_FIELDS = { name: ['streamName'], shards: ['shardCount'] };

describe('a constraint in words for people', () => {
  it('names the characters a pattern allows', () => {
    expect(describePattern('[a-zA-Z0-9_.-]+')).toBe('Use only letters, digits, hyphens (-), underscores (_) and periods (.).');
    expect(describePattern('^[a-z0-9-]+$')).toBe('Use only lowercase letters, digits and hyphens (-).');
    expect(describePattern('[^-\\s<>&]*')).toBe('Do not use spaces, hyphens (-) and the characters < > &.');
  });

  it('reads number patterns and ARNs, and points to the pattern otherwise', () => {
    expect(describePattern('0|([1-9]\\d{0,38})')).toBe('Enter a whole number without leading zeros (at most 39 digits).');
    expect(describePattern('arn:.*')).toBe('Enter an ARN (it starts with arn:) of the kind shown below.');
    expect(describePattern('s3://(.+)')).toBe('Enter a value of the form the pattern below describes.');
  });

  it('names the whole length range when it knows the shape, the broken end otherwise', () => {
    const name = createStream.StreamName;
    expect(describeConstraint('Member must have length less than or equal to 128', name)).toBe('Use 1 to 128 characters.');
    expect(describeConstraint('Member must have length greater than or equal to 1', name)).toBe('Use 1 to 128 characters.');
    expect(describeConstraint('Member must have length less than or equal to 256')).toBe('Use at most 256 characters.');
    expect(describeConstraint('Member must have length greater than or equal to 1')).toBe('Enter a value.');
  });

  it('asks for a whole number in the allowed range', () => {
    const shards = { type: 'Integer' as const, greaterThanOrEqual: 1, lessThanOrEqual: 500 };
    expect(describeConstraint('Member must have value greater than or equal to 1', shards)).toBe('Enter a whole number from 1 to 500.');
    expect(describeConstraint('Member must have value less than or equal to 100000', createStream.ShardCount)).toBe(
      'Enter a whole number from 1 to 100,000.',
    );
    expect(describeConstraint('Member must have value less than or equal to 128')).toBe('Enter a whole number of at most 128.');
  });

  it('reads missing values, enums and the lengths of members, keys and values', () => {
    expect(describeConstraint('Member must not be null')).toBe('Enter a value.');
    expect(describeConstraint('Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]')).toBe('Choose one of: PROVISIONED, ON_DEMAND.');
    expect(
      describeConstraint('Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]'),
    ).toBe('Each key must be 1 to 128 characters.');
    expect(describeConstraint('Something AWS says that the console does not know')).toBe('Something AWS says that the console does not know');
  });

  it('keeps AWS’s words as the detail of the console’s own checks', () => {
    expect(problemMessage('Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+', createStream.StreamName)).toEqual({
      text: 'Use only letters, digits, hyphens (-), underscores (_) and periods (.).',
      detail: 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
    });
    expect(problemMessage('Enter a stream name.')).toEqual({ text: 'Enter a stream name.' });
    expect(problemMessage(undefined)).toBeUndefined();
  });
});

describe('a ValidationException on a form', () => {
  it('puts one error on its field, with AWS’s whole message as the detail', () => {
    const e = rejected({ StreamName: 'a b', ShardCount: 1 });
    expect(e.message).toBe(
      "1 validation error detected: Value 'a b' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
    expect(formMessages(e, STREAM_FIELDS, { shapes: createStream })).toEqual({
      fields: {
        name: { text: 'Use only letters, digits, hyphens (-), underscores (_) and periods (.).', detail: `ValidationException: ${e.message}` },
      },
    });
  });

  it('splits a combined message onto each field it names', () => {
    const e = rejected({ StreamName: 'x'.repeat(129) + '!', ShardCount: 0 });
    expect(e.message).toMatch(/^3 validation errors detected: /);
    const m = formMessages(e, STREAM_FIELDS, { shapes: createStream });
    expect(m.form).toBeUndefined();
    expect(m.fields.shards).toEqual({
      text: 'Enter a whole number from 1 to 100,000.',
      detail: "ValidationException: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    expect(m.fields.name?.text).toBe('Use only letters, digits, hyphens (-), underscores (_) and periods (.). Use 1 to 128 characters.');
    expect(m.fields.name?.detail).toMatch(/^ValidationException: Value 'x+!' at 'streamName' failed .*pattern: \[a-zA-Z0-9_.-\]\+; Value 'x+!' at 'streamName' failed .*less than or equal to 128$/);
  });

  it('keeps a constraint’s own "; " and quotes inside its clause', () => {
    const clauses = parseValidationMessage(
      "2 validation errors detected: Value 'it's; odd' at 'a' failed to satisfy constraint: Member must not be null; Value null at 'b.c' failed to satisfy constraint: Member must not be null",
    );
    expect(clauses.map((c) => [c.member, c.constraint])).toEqual([
      ['a', 'Member must not be null'],
      ['b.c', 'Member must not be null'],
    ]);
    expect(parseValidationMessage('Stream s1 is not ACTIVE')).toEqual([]);
  });

  it('places nested members on the field that holds them, with the nested shape’s range', () => {
    const e = rejected(
      { DeliveryStreamName: 'd1', ExtendedS3DestinationConfiguration: { RoleARN: 'arn:aws:iam::1:role/r', BucketARN: 'arn:aws:s3:::b', BufferingHints: { SizeInMBs: 129 } } },
      createDeliveryStream,
    );
    const size = formMessages(e, { size: ['extendedS3DestinationConfiguration.bufferingHints.sizeInMBs'] }, { shapes: createDeliveryStream });
    expect(size.fields.size?.text).toBe('Enter a whole number from 1 to 128.');
    expect(shapeAt(createDeliveryStream, 'extendedS3DestinationConfiguration.bufferingHints.intervalInSeconds')?.lessThanOrEqual).toBe(900);
    expect(shapeAt(createDeliveryStream, 'noSuchMember')).toBeUndefined();
  });

  it('sends a member the form does not have to the form’s error area, named', () => {
    const e = rejected({ StreamName: 's1', ShardCount: 1, Tags: { '': 'v' } });
    expect(formMessages(e, STREAM_FIELDS, { shapes: createStream })).toEqual({
      fields: {},
      form: { text: 'tags: Each key must be 1 to 128 characters.', detail: `ValidationException: ${e.message}` },
    });
  });

  it('asks for a value that is missing', () => {
    const e = rejected({ ShardCount: 1 });
    expect(formMessages(e, STREAM_FIELDS).fields.name).toEqual({ text: 'Enter a value.', detail: `ValidationException: ${e.message}` });
    const absent: ShownError = { type: 'ValidationException', message: "The paramater 'shardCount' is required but was not present in the request" };
    expect(formMessages(absent, STREAM_FIELDS).fields.shards).toEqual({ text: 'This is required.', detail: `ValidationException: ${absent.message}` });
  });
});

describe('other AWS errors on a form', () => {
  it('go by the field their words name, as AWS wrote them, with the type beneath', () => {
    const split: ShownError = { type: 'InvalidArgumentException', message: 'NewStartingHashKey 0 used in SplitShard() on shard shardId-000000000000 ...' };
    expect(formMessages(split, { key: ['NewStartingHashKey'] })).toEqual({
      fields: { key: { text: split.message, detail: 'InvalidArgumentException' } },
    });
  });

  it('say a taken name by the name field', () => {
    const taken: ShownError = { type: 'ResourceInUseException', message: 'Stream s1 under account 000000000000 already exists.' };
    expect(formMessages(taken, STREAM_FIELDS, { nameField: 'name' }).fields.name?.text).toBe(
      'This name is already taken in this account and Region. Choose another.',
    );
  });

  it('go to the form’s error area when they judge the input but name no field', () => {
    const prefix: ShownError = { type: 'InvalidArgumentException', message: 'Enabling dynamic partitioning needs an error output prefix.' };
    expect(formMessages(prefix, STREAM_FIELDS)).toEqual({ fields: {}, form: { text: prefix.message, detail: 'InvalidArgumentException' } });
  });

  it('are for a notification when they are about the state of things, not what was typed', () => {
    const limit: ShownError = { type: 'LimitExceededException', message: 'This request would exceed the shard limit for the account.' };
    expect(formMessages(limit, STREAM_FIELDS)).toEqual({ fields: {}, notice: limit });
    const inUse: ShownError = { type: 'ResourceInUseException', message: 'Stream s1 under account 000000000000 not ACTIVE, instead in state UPDATING' };
    expect(formMessages(inUse, STREAM_FIELDS, { nameField: 'name' })).toEqual({ fields: {}, notice: inUse });
  });
});

describe('a generator run stopped by AWS', () => {
  const GENERATOR_FIELDS = { stream: ['streamName', 'deliveryStreamName'], partitionKey: ['records.partitionKey'], template: ['records.data'] };

  it('puts the clauses about any record on the field that makes that part of every record', () => {
    const e = rejected(
      { StreamName: 's1', Records: [{ PartitionKey: 'k', Data: 'e30=' }, { PartitionKey: '', Data: 'e30=' }, { PartitionKey: 'k', Data: 'x'.repeat(1398102) }] },
      putRecords,
    );
    expect(e.message).toMatch(/^2 validation errors detected: Value '' at 'records.2.member.partitionKey'/);
    const m = formMessages(e, GENERATOR_FIELDS, { shapes: putRecords });
    expect(m.fields.partitionKey).toEqual({
      text: 'Use 1 to 256 characters.',
      detail: "ValidationException: Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    expect(m.fields.template?.text).toBe('Use at most 1,048,576 bytes.');
    expect(m.form).toBeUndefined();
  });
});

describe('reading a shard: AWS’s sentences in plain words', () => {
  const READ_FIELDS = { sequenceNumber: ['startingSequenceNumber', 'StartingSequenceNumber'], timestamp: ['timestamp', 'timestampInMillis'], shard: ['shardId'], limit: ['limit'] };
  const on = (message: string) => formMessages({ type: 'InvalidArgumentException', message }, READ_FIELDS);

  it('says a sequence number from another shard names both shards', () => {
    const message = 'Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with shardId-000000000000';
    expect(on(message).fields).toEqual({
      sequenceNumber: {
        text: 'This sequence number is from shardId-000000000001, not from shardId-000000000000. Choose shardId-000000000001 as the shard, or a sequence number read from shardId-000000000000.',
        detail: `InvalidArgumentException: ${message}`,
      },
    });
  });

  it('tells a made-up sequence number from one of another stream', () => {
    const base = 'StartingSequenceNumber 123 used in GetShardIterator on shard shardId-000000000000 in stream s1 under account 000000000000 is invalid';
    expect(on(`${base}.`).fields.sequenceNumber?.text).toBe('This is not a sequence number Kinesis handed out. Copy one from a record of this shard.');
    expect(on(`${base} because it did not come from this stream.`).fields.sequenceNumber?.text).toMatch(/^This sequence number is from another stream/);
    const none = on('Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber.');
    expect(none.fields.sequenceNumber?.text).toBe('Enter the sequence number to start from.');
  });

  it('says a time in the future is in the future', () => {
    const message = 'The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: 1900000000000, currentTimestampInMillis: 1800000000000';
    expect(on(message).fields.timestamp).toEqual({
      text: "This time is in the future by the service's clock. Enter a time at or before now.",
      detail: `InvalidArgumentException: ${message}`,
    });
  });

  it('names the allowed range of Limit, and leaves sentences it does not know as AWS wrote them', () => {
    const e = rejected({ ShardIterator: 'AAAA', Limit: 0 }, getRecords);
    expect(formMessages(e, READ_FIELDS, { shapes: getRecords }).fields.limit?.text).toBe('Enter a whole number from 1 to 10,000.');
    expect(plainWords('Shard shardId-000000000009 in stream s1 under account 000000000000 does not exist')).toBeUndefined();
  });
});
