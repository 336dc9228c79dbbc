import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { Emulator } from '../emulator';
import { decodeUtf8, encodeUtf8, type HttpRequestLike } from './http';
import { MAX_JSON_DEPTH } from './jsonDepth';
import { regionFromAuthorization } from './router';
import { testSignatureHeaders } from './testing';

const emulator = () => new Emulator({ clock: new VirtualClock() });
const post = (target: string, body: string, headers: Record<string, string> = testSignatureHeaders()): HttpRequestLike => ({
  method: 'POST',
  path: '/',
  query: {},
  headers: { ...headers, 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
  body: encodeUtf8(body),
});
const answer = async (req: HttpRequestLike) => {
  const res = await emulator().handle(req);
  const text = typeof res.body === 'string' ? res.body : decodeUtf8(res.body);
  return { status: res.statusCode, type: res.headers['x-amzn-errortype'], text };
};

describe('Router', () => {
  it('reads the region from the signature scope', () => {
    expect(regionFromAuthorization(testSignatureHeaders('eu-west-2').authorization)).toBe('eu-west-2');
    expect(regionFromAuthorization(undefined)).toBeUndefined();
  });

  it('answers a GET that names no operation with a 403 in XML, as AWS does', async () => {
    const get = { method: 'GET', path: '/', query: {}, headers: {}, body: new Uint8Array() };
    const r = await answer(get);
    expect(r.status).toBe(403);
    // AWS sends this XML with no Content-Type.
    expect((await emulator().handle(get)).headers['content-type']).toBeUndefined();
    expect(r.text).toBe(
      '<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be authorized</Message>\n</AccessDeniedException>\n',
    );
  });

  it('refuses a request without a signature', async () => {
    const r = await answer(post('Kinesis_20131202.ListStreams', '{}', {}));
    expect(r).toEqual({
      status: 400,
      type: 'MissingAuthenticationTokenException',
      text: '{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}',
    });
  });

  it('names what an incomplete signature lacks', async () => {
    const r = await answer(post('Kinesis_20131202.ListStreams', '{}', { authorization: 'AWS4-HMAC-SHA256 Credential=A/B' }));
    expect(r.type).toBe('IncompleteSignatureException');
    expect(JSON.parse(r.text).message).toBe(
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256 Credential=A/B',
    );
  });

  it('checks the body before the operation, and the operation before the signature', async () => {
    expect((await answer(post('Kinesis_20131202.ListStreams', 'not json', {}))).type).toBe('SerializationException');
    expect((await answer(post('Kinesis_20131202.NoSuchThing', 'not json', {}))).type).toBe('UnknownOperationException');
    expect((await answer(post('Kinesis_20131202.NoSuchThing', '{}', {}))).type).toBe('UnknownOperationException');
    expect((await answer(post('NoSuchService_2020.Op', '{}'))).type).toBe('UnknownOperationException');
  });

  it("spells a SerializationException's text under Message, as AWS does", async () => {
    const r = await answer(post('Kinesis_20131202.ListStreams', '{"Limit":"ten"}'));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({
      __type: 'SerializationException',
      Message: 'class java.lang.String can not be converted to an Integer',
    });
  });

  it('refuses a body nested past the depth limit with a SerializationException, before parsing it', async () => {
    const deep = `{"StreamName":"s","Tags":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    const r = await answer(post('Kinesis_20131202.CreateStream', deep));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({
      __type: 'SerializationException',
      Message: `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`,
    });
  });
});
