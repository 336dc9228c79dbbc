import { describe, expect, it } from 'vitest';
import { base64DecodedLength, constraintProblems, toLowerFirst, validate, type Shapes } from './validation';

const streamName = {
  type: 'String',
  notNull: true,
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 128,
} as const;

const shapes: Shapes = {
  ShardCount: { type: 'Integer', notNull: true, greaterThanOrEqual: 1, lessThanOrEqual: 100000 },
  StreamName: streamName,
};

const records: Shapes = {
  Records: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 500,
    memberStr: 'com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310',
    children: {
      type: 'Structure',
      children: {
        PartitionKey: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 256 },
        Data: { type: 'Blob', notNull: true, lengthLessThanOrEqual: 4 },
      },
    },
  },
};

const err = (f: () => void) => {
  try {
    f();
  } catch (e) {
    const x = e as { code: string; message: string };
    return { code: x.code, message: x.message };
  }
  throw new Error('expected an error');
};

describe('validate: JSON types (SerializationException, first offence)', () => {
  it.each([
    ['a string for an Integer', { ShardCount: '1' }, 'class java.lang.String can not be converted to an Integer'],
    ['a boolean for an Integer', { ShardCount: true }, 'class java.lang.Boolean can not be converted to an Integer'],
    ['an object for an Integer', { ShardCount: {} }, 'Start of structure or map found where not expected.'],
    ['a list for an Integer', { ShardCount: [] }, 'Start of list found where not expected'],
    [
      'a number for a String',
      { StreamName: 1 },
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String',
    ],
    ['a boolean for a String', { StreamName: false }, 'class java.lang.Boolean can not be converted to an String'],
  ])('%s', (_, input, message) => {
    expect(err(() => validate(input as Record<string, unknown>, shapes))).toEqual({
      code: 'SerializationException',
      message,
    });
  });

  it('rejects a non-list for a List and a non-object in a list of structures', () => {
    expect(err(() => validate({ Records: 'x' }, records)).message).toBe('Expected list or null');
    expect(err(() => validate({ Records: {} }, records)).message).toBe(
      'Start of structure or map found where not expected.',
    );
    expect(err(() => validate({ Records: [1] }, records)).message).toBe('Expected null');
  });

  it('rejects bad Base64 with the Blob texts', () => {
    const put = (Data: unknown) => err(() => validate({ Records: [{ PartitionKey: 'a', Data }] }, records)).message;
    expect(put('abc')).toBe(
      "'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3",
    );
    expect(put('ab!d')).toBe("'ab!d' can not be converted to a Blob: Invalid Base64 character: '!'");
    expect(put('ab=d')).toBe("'ab=d' can not be converted to a Blob: Invalid Base64 character: '='");
    expect(put('AB==')).toBe("'AB==' can not be converted to a Blob: Invalid last non-pad Base64 character dectected");
    expect(put(1)).toBe(
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob',
    );
  });

  it('floors numbers for an Integer and clamps them at 2^31-1', () => {
    const a: Record<string, unknown> = { ShardCount: 2.7, StreamName: 'a' };
    validate(a, shapes);
    expect(a.ShardCount).toBe(2);
    const b: Record<string, unknown> = { ShardCount: 1e12, StreamName: 'a' };
    expect(err(() => validate(b, shapes)).message).toBe(
      "1 validation error detected: Value '2147483647' at 'shardCount' failed to satisfy constraint: Member must have value less than or equal to 100000",
    );
  });
});

describe('validate: constraints (ValidationException)', () => {
  it('lists every failure in declaration order, with the plural', () => {
    expect(err(() => validate({}, shapes))).toEqual({
      code: 'ValidationException',
      message:
        "2 validation errors detected: Value null at 'shardCount' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'streamName' failed to satisfy constraint: Member must not be null",
    });
  });

  it('reports regex and length failures of one value', () => {
    expect(err(() => validate({ ShardCount: 0, StreamName: '' }, shapes)).message).toBe(
      "3 validation errors detected: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
        "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('anchors the regex to the whole value', () => {
    expect(err(() => validate({ ShardCount: 1, StreamName: 'a b' }, shapes)).message).toContain(
      'Member must satisfy regular expression pattern',
    );
  });

  it('prints list members with memberStr and paths inside lists', () => {
    expect(err(() => validate({ Records: [] }, records)).message).toBe(
      "1 validation error detected: Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(err(() => validate({ Records: [{ PartitionKey: '', Data: 'AAAAAAAA' }] }, records)).message).toBe(
      "2 validation errors detected: Value '' at 'records.1.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value 'java.nio.HeapByteBuffer[pos=0 lim=6 cap=6]' at 'records.1.member.data' failed to satisfy constraint: Member must have length less than or equal to 4",
    );
  });

  it('stops at 10 failures', () => {
    const many = Array.from({ length: 12 }, () => ({ PartitionKey: '', Data: 'AA==' }));
    const m = err(() => validate({ Records: many }, records)).message;
    expect(m.startsWith('10 validation errors detected: ')).toBe(true);
    expect(m.split('; ')).toHaveLength(10);
  });

  it('checks maps: sizes, key and value lengths, members last key first', () => {
    const tags: Shapes = {
      Tags: {
        type: 'Map',
        notNull: true,
        lengthLessThanOrEqual: 1,
        childKeyLengths: [1, 2],
        childValueLengths: [0, 1],
        children: { type: 'String', lengthLessThanOrEqual: 1 },
      },
    };
    expect(err(() => validate({ Tags: { abc: 'xy', b: 'zz' } }, tags)).message).toBe(
      "5 validation errors detected: Value '{abc=xy, b=zz}' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 1; " +
        "Value '{abc=xy, b=zz}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 2, Member must have length greater than or equal to 1]; " +
        "Value '{abc=xy, b=zz}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 1, Member must have length greater than or equal to 0]; " +
        "Value 'zz' at 'tags.b.member' failed to satisfy constraint: Member must have length less than or equal to 1; " +
        "Value 'xy' at 'tags.abc.member' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
  });

  it('skips null members when checking the lengths of a list of strings', () => {
    const keys: Shapes = { TagKeys: { type: 'List', notNull: true, childLengths: [1, 2], children: { type: 'String' } } };
    expect(() => validate({ TagKeys: [null, 'ab'] }, keys)).not.toThrow();
    expect(err(() => validate({ TagKeys: [null, 'abc'] }, keys)).message).toBe(
      "1 validation error detected: Value '[null, abc]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 2, Member must have length greater than or equal to 1]",
    );
  });

  it('checks enums and nested structures', () => {
    const s: Shapes = {
      Mode: { type: 'Structure', children: { StreamMode: { type: 'String', notNull: true, enum: ['A', 'B'] } } },
    };
    expect(err(() => validate({ Mode: { StreamMode: 'C' } }, s)).message).toBe(
      "1 validation error detected: Value 'C' at 'mode.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [A, B]",
    );
    expect(() => validate({}, s)).not.toThrow();
  });

  it('reports a required member before anything else', () => {
    const s: Shapes = { Name: { type: 'String', required: true } };
    expect(err(() => validate({}, s))).toEqual({
      code: 'ValidationException',
      message: "The paramater 'name' is required but was not present in the request",
    });
  });
});

describe('constraintProblems', () => {
  it('lists the constraints one value breaks, in AWS words and order', () => {
    const name = { type: 'String', regex: '[a-z]+', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 3 } as const;
    expect(constraintProblems('abc', name)).toEqual([]);
    expect(constraintProblems('AB12', name)).toEqual([
      'Member must satisfy regular expression pattern: [a-z]+',
      'Member must have length less than or equal to 3',
    ]);
  });
});

describe('helpers', () => {
  it('lower-cases the first letter of a member name', () => {
    expect(toLowerFirst('StreamARN')).toBe('streamARN');
  });
  it('computes a decoded Base64 length arithmetically', () => {
    expect([base64DecodedLength(''), base64DecodedLength('AA=='), base64DecodedLength('AAA='), base64DecodedLength('AAAA')]).toEqual([
      0, 1, 2, 3,
    ]);
  });
});
