import { encodeUtf8, type HttpRequestLike } from '../engine/protocol/http';

/** A signed-looking Kinesis awsJson request, as the SDK sends it to the page's emulator (tests only). */
export const kinesisRequest = (op: string, body: unknown): HttpRequestLike => ({
  method: 'POST',
  path: '/',
  query: {},
  headers: {
    'x-amz-target': `Kinesis_20131202.${op}`,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-date': '20260101T000000Z',
    authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
  },
  body: encodeUtf8(JSON.stringify(body)),
});
