/** Requests the SDK would never send: unknown operations, broken JSON, CORS preflight. */
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

  scenario('a CORS preflight from another origin', async (k) => {
    const res = await fetch(k.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-amz-target',
      },
    });
    const cors = [...res.headers].filter(([h]) => h.startsWith('access-control-')).sort();
    k.note('preflight', { status: res.status, cors });
  });

  scenario('an answer to another origin exposes the AWS headers', async (k) => {
    const res = await fetch(k.url, {
      method: 'POST',
      headers: { ...kinesis('ListStreams'), origin: 'http://localhost:5173' },
      body: '{}',
    });
    // The expose list differs on purpose (S3's headers too): see known-differences.ts.
    const cors = [...res.headers].filter(([h]) => h.startsWith('access-control-') && h !== 'access-control-expose-headers').sort();
    k.note('answer', { status: res.status, cors, hasRequestId: res.headers.has('x-amzn-requestid') });
  });

  scenario('a request without a signature is MissingAuthenticationTokenException', async (k) => {
    const { authorization: _a, 'x-amz-date': _d, ...unsigned } = kinesis('ListStreams');
    k.note('unsigned', await k.raw(unsigned, '{}'));
  });

  scenario('a GET is AccessDeniedException', async (k) => {
    k.note('GET /', await k.raw({}, '', 'GET'));
  });
});
