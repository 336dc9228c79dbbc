import { decode, encode, Tagged } from 'cborg';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { Emulator } from '../emulator';
import { CBOR_CONTENT_TYPE, cborRequestToJson, jsonToCborResponse } from './cbor';
import type { HttpRequestLike } from './http';
import { testSignatureHeaders } from './testing';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

const setup = () => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock });
  const call = async (operation: string, body: Uint8Array, headers: Record<string, string> = {}) => {
    const req: HttpRequestLike = {
      method: 'POST',
      path: '/',
      query: {},
      headers: {
        ...testSignatureHeaders(),
        'content-type': CBOR_CONTENT_TYPE,
        'x-amz-target': `Kinesis_20131202.${operation}`,
        ...headers,
      },
      body,
    };
    const res = await emulator.handle(req);
    const bytes = typeof res.body === 'string' ? new TextEncoder().encode(res.body) : res.body;
    return {
      status: res.statusCode,
      contentType: res.headers['content-type'],
      body: !bytes.length
        ? undefined
        : res.headers['content-type'] === CBOR_CONTENT_TYPE
          ? (decode(bytes, { tags: Tagged.preserve(1) }) as Record<string, any>)
          : (JSON.parse(new TextDecoder().decode(bytes)) as Record<string, any>),
    };
  };
  const active = async (StreamName: string) => {
    expect((await call('CreateStream', encode({ StreamName, ShardCount: 1 }))).status).toBe(200);
    for (let i = 0; i < 100; i++) {
      clock.advance(100);
      const d = await call('DescribeStreamSummary', encode({ StreamName }));
      if (d.body?.StreamDescriptionSummary.StreamStatus === 'ACTIVE') return;
    }
    throw new Error(`${StreamName} never became ACTIVE`);
  };
  return { clock, call, active };
};

/**
 * PutRecord as the Java SDK writes it: Jackson's CBOR generator opens the map with an indefinite
 * length (0xbf ... 0xff), writes member names as text and the Data blob as a byte string.
 * Bytes built by hand in that layout: {"StreamName":"java","Data":h'00ff10',"PartitionKey":"pk"}.
 */
const JAVA_SDK_PUT_RECORD = Uint8Array.from([
  0xbf,
  0x6a, ...new TextEncoder().encode('StreamName'), 0x64, ...new TextEncoder().encode('java'),
  0x64, ...new TextEncoder().encode('Data'), 0x43, 0x00, 0xff, 0x10,
  0x6c, ...new TextEncoder().encode('PartitionKey'), 0x62, ...new TextEncoder().encode('pk'),
  0xff,
]);

describe('CBOR (application/x-amz-cbor-1.1), as the Java SDK and the KCL speak it', () => {
  it('takes a Java-SDK-shaped PutRecord (byte-string Data) and reads it back as bytes with a tag-1 time in milliseconds', async () => {
    const { call, active } = setup();
    await active('java');
    const put = await call('PutRecord', JAVA_SDK_PUT_RECORD);
    expect(put.status).toBe(200);
    expect(put.contentType).toBe(CBOR_CONTENT_TYPE);
    expect(put.body).toMatchObject({ ShardId: 'shardId-000000000000', SequenceNumber: expect.stringMatching(/^\d+$/) });

    const it = await call('GetShardIterator', encode({ StreamName: 'java', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const got = await call('GetRecords', encode({ ShardIterator: it.body!.ShardIterator }));
    expect(got.status).toBe(200);
    const [record] = got.body!.Records;
    expect(record.Data).toEqual(Uint8Array.from([0x00, 0xff, 0x10]));
    expect(record.SequenceNumber).toBe(put.body!.SequenceNumber);
    expect(record.ApproximateArrivalTimestamp).toBeInstanceOf(Tagged);
    expect(record.ApproximateArrivalTimestamp.tag).toBe(1);
    // Milliseconds since the epoch, a whole number, at the time the record arrived.
    expect(Number.isInteger(record.ApproximateArrivalTimestamp.value)).toBe(true);
    expect(Math.abs(record.ApproximateArrivalTimestamp.value - T0)).toBeLessThan(60_000);
  });

  it('reads a tag-1 time in a request as milliseconds (AT_TIMESTAMP)', async () => {
    const { clock, call, active } = setup();
    await active('times');
    await call('PutRecord', encode({ StreamName: 'times', Data: Uint8Array.of(1), PartitionKey: 'a' }));
    clock.advance(5_000);
    const after = clock.now();
    await call('PutRecord', encode({ StreamName: 'times', Data: Uint8Array.of(2), PartitionKey: 'a' }));
    const it = await call(
      'GetShardIterator',
      encode({ StreamName: 'times', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Tagged(1, after) }),
    );
    expect(it.status).toBe(200);
    const got = await call('GetRecords', encode({ ShardIterator: it.body!.ShardIterator }));
    expect(got.body!.Records.map((r: { Data: Uint8Array }) => [...r.Data])).toEqual([[2]]);
  });

  it("sends the stream's creation time as tag 1 over milliseconds", async () => {
    const { call, active } = setup();
    await active('summary');
    const d = await call('DescribeStreamSummary', encode({ StreamName: 'summary' }));
    const created = d.body!.StreamDescriptionSummary.StreamCreationTimestamp;
    expect(created).toEqual(new Tagged(1, T0));
  });

  it('answers errors in CBOR with their type and message', async () => {
    const { call } = setup();
    const r = await call('DescribeStreamSummary', encode({ StreamName: 'missing' }));
    expect(r.status).toBe(400);
    expect(r.contentType).toBe(CBOR_CONTENT_TYPE);
    expect(r.body).toEqual({ __type: 'ResourceNotFoundException', message: expect.stringContaining('missing') });
  });

  it('refuses a body nested past the stack with SerializationException, and stays up', async () => {
    const { call } = setup();
    const deep = new Uint8Array(200_000).fill(0x81); // an array holding an array holding ...
    const r = await call('ListStreams', deep);
    expect(r).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect((await call('ListStreams', encode({}))).status).toBe(200);
  });
});

describe('the CBOR codec', () => {
  it('turns byte strings into Base64 and tag-1 milliseconds into epoch seconds, as the JSON twin carries them', () => {
    expect(cborRequestToJson(encode({ Data: Uint8Array.of(104, 105), Timestamp: new Tagged(1, 1_500) }))).toEqual({
      Data: 'aGk=',
      Timestamp: 1.5,
    });
  });

  it('turns only the named members back, and leaves the caller’s object as it was', () => {
    const output = { Records: [{ Data: 'aGk=', ApproximateArrivalTimestamp: 1.5, PartitionKey: 'aGk=' }] };
    const bytes = jsonToCborResponse(output, { blobs: ['Records[].Data'], timestamps: ['Records[].ApproximateArrivalTimestamp'] });
    expect(decode(bytes, { tags: Tagged.preserve(1) })).toEqual({
      Records: [{ Data: Uint8Array.of(104, 105), ApproximateArrivalTimestamp: new Tagged(1, 1_500), PartitionKey: 'aGk=' }],
    });
    expect(output.Records[0].Data).toBe('aGk=');
  });
});

describe('requests AWS would refuse', () => {
  it('refuses a credential scope naming a region AWS does not have', async () => {
    const { call } = setup();
    for (const region of ['..', 'x<script>y', 'us-east-500']) {
      const r = await call('ListStreams', encode({}), testSignatureHeaders(region));
      expect(r.status).toBe(400);
      expect(r.body).toEqual({
        __type: 'InvalidSignatureException',
        message: `Credential should be scoped to a valid region, not '${region}'. `,
      });
    }
    expect((await call('ListStreams', encode({}), testSignatureHeaders('eu-west-1'))).status).toBe(200);
  });

  it('refuses a JSON body that is not UTF-8 instead of storing a lossy partition key', async () => {
    const { call } = setup();
    const prefix = new TextEncoder().encode('{"StreamName":"s","Data":"","PartitionKey":"a');
    const suffix = new TextEncoder().encode('"}');
    const body = Uint8Array.from([...prefix, 0xff, ...suffix]);
    const r = await call('PutRecord', body, { 'content-type': 'application/x-amz-json-1.1' });
    expect(r).toMatchObject({ status: 400, contentType: 'application/x-amz-json-1.1', body: { __type: 'SerializationException' } });
  });

  it('answers a target with parts after the operation as an unknown operation', async () => {
    const { call } = setup();
    const r = await call('ListStreams', encode({}), { 'x-amz-target': 'Kinesis_20131202.ListStreams.Extra' });
    expect(r).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
  });
});
