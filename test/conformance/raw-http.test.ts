/** Requests the SDK would never send: unknown operations, broken JSON (CORS: see known-differences.ts). */
import { encode } from 'cborg';
import { describe } from 'vitest';
import { conformance } from './harness';

const kinesis = (op: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `Kinesis_20131202.${op}`,
  // A syntactically complete SigV4 header: kinesalite checks its parts are present, not the signature.
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
  'x-amz-date': '20260101T000000Z',
});

describe('conformance: raw HTTP', () => {
  const scenario = conformance();

  scenario('an unknown operation is UnknownOperationException', async (k) => {
    k.note('unknown op', await k.raw(kinesis('DescribeEverything'), '{}'));
    k.note(
      'unknown service',
      await k.raw({ ...kinesis('ListStreams'), 'x-amz-target': 'Kinesis_20991231.ListStreams' }, '{}'),
    );
  });

  scenario('a malformed JSON body is SerializationException', async (k) => {
    k.note('broken', await k.raw(kinesis('ListStreams'), '{"Limit": '));
    k.note('empty', await k.raw(kinesis('ListStreams'), ''));
    k.note('a string', await k.raw(kinesis('ListStreams'), '"hello"'));
  });

  scenario('a wrongly typed member is SerializationException', async (k) => {
    k.note('string for int', await k.raw(kinesis('ListStreams'), '{"Limit": "ten"}'));
    k.note('number for string', await k.raw(kinesis('DescribeStream'), '{"StreamName": 5}'));
  });

  scenario('a request without a signature is MissingAuthenticationTokenException', async (k) => {
    const { authorization: _a, 'x-amz-date': _d, ...unsigned } = kinesis('ListStreams');
    k.note('unsigned', await k.raw(unsigned, '{}'));
  });

  scenario('a GET is AccessDeniedException', async (k) => {
    k.note('GET /', await k.raw({}, '', 'GET'));
  });

  scenario('a body with no Content-Type, or one AWS does not speak', async (k) => {
    const { 'content-type': _c, ...untyped } = kinesis('ListStreams');
    k.note('named operation', await k.raw(untyped, '{}'));
    k.note('text/plain', await k.raw({ ...untyped, 'content-type': 'text/plain' }, '{}'));
    const { 'x-amz-target': _t, ...nothing } = untyped;
    k.note('no operation', await k.raw(nothing, '{}'));
  });

  scenario('plain application/json gets the older Coral envelope', async (k) => {
    const plain = { ...kinesis('ListStreams'), 'content-type': 'application/json' };
    k.note('object', await k.raw(plain, '{}'));
    k.note('broken', await k.raw(plain, '{"Limit": '));
    const { authorization: _a, 'x-amz-date': _d, ...unsigned } = plain;
    k.note('unsigned object', await k.raw(unsigned, '{}'));
  });

  scenario('an empty body without awsJson is answered in CBOR', async (k) => {
    const { 'content-type': _c, ...untyped } = kinesis('ListStreams');
    k.note('empty', await k.raw(untyped, ''));
    k.note('empty, unknown operation', await k.raw({ ...untyped, 'x-amz-target': 'Kinesis_20131202.Nope' }, ''));
  });

  scenario('CBOR: errors come back in CBOR', async (k) => {
    const cbor = { ...kinesis('ListStreams'), 'content-type': 'application/x-amz-cbor-1.1' };
    k.note('string for int', await k.raw(cbor, Buffer.from(encode({ Limit: 'ten' }))));
    k.note('not a map', await k.raw(cbor, Buffer.from(encode('hello'))));
    k.note('broken', await k.raw(cbor, Buffer.from([0xbf, 0x65])));
    k.note('bad Limit', await k.raw(cbor, Buffer.from(encode({ Limit: 0 }))));
  });
});
