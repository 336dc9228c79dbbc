import { describe, expect, it } from 'vitest';
import { s3Harness } from './testing';

const errorOf = (text: string) => ({
  code: /<Code>(.*?)<\/Code>/.exec(text)?.[1],
  message: /<Message>(.*?)<\/Message>/.exec(text)?.[1],
});

describe('S3 REST service', () => {
  it('answers only requests signed for s3', () => {
    const { service } = s3Harness();
    const base = { method: 'GET', path: '/', query: {}, body: new Uint8Array(0) };
    expect(
      service.matches({
        ...base,
        headers: {
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
        },
      }),
    ).toBe(true);
    expect(
      service.matches({
        ...base,
        headers: {
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
        },
      }),
    ).toBe(false);
    expect(service.matches({ ...base, headers: {} })).toBe(false);
  });

  it("writes S3's XML error document with the bucket name, request id and status", () => {
    const { send } = s3Harness();
    const r = send('GET', '/no-such-bucket/key');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('application/xml');
    expect(r.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>' +
        `<BucketName>no-such-bucket</BucketName><RequestId>req-1</RequestId><HostId>${btoa('req-1')}</HostId></Error>`,
    );
  });

  it('answers a HEAD that fails with its status and no body', () => {
    const { send } = s3Harness();
    const r = send('HEAD', '/no-such-bucket');
    expect(r.status).toBe(404);
    expect(r.text).toBe('');
  });

  it.each([
    ['ab', false],
    ['abc', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['My-Bucket', false],
    ['my_bucket', false],
    ['-bucket', false],
    ['bucket-', false],
    ['my..bucket', false],
    ['192.168.5.4', false],
    ['xn--bucket', false],
    ['bucket-s3alias', false],
    ['my.bucket-01', true],
  ])('bucket name %j valid: %s', (name, ok) => {
    const { send } = s3Harness();
    const r = send('PUT', `/${name}`);
    if (ok) expect(r.status).toBe(200);
    else {
      expect(r.status).toBe(400);
      expect(errorOf(r.text)).toEqual({
        code: 'InvalidBucketName',
        message: 'The specified bucket is not valid.',
      });
    }
  });

  it('creates a bucket again in us-east-1 with 200 and refuses it elsewhere with BucketAlreadyOwnedByYou', () => {
    const east = s3Harness('us-east-1');
    expect(east.send('PUT', '/data').status).toBe(200);
    expect(east.send('PUT', '/data').status).toBe(200);
    const west = s3Harness('us-west-2');
    const config =
      '<CreateBucketConfiguration><LocationConstraint>us-west-2</LocationConstraint></CreateBucketConfiguration>';
    expect(west.send('PUT', '/data', { body: config }).status).toBe(200);
    const again = west.send('PUT', '/data', { body: config });
    expect(again.status).toBe(409);
    expect(errorOf(again.text)).toEqual({
      code: 'BucketAlreadyOwnedByYou',
      message: 'Your previous request to create the named bucket succeeded and you already own it.',
    });
  });

  it('needs the LocationConstraint of the region the request went to, outside us-east-1', () => {
    const west = s3Harness('us-west-2');
    const r = west.send('PUT', '/data');
    expect(errorOf(r.text)).toEqual({
      code: 'IllegalLocationConstraintException',
      message:
        'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
    });
    const east = s3Harness('us-east-1');
    const wrong = east.send('PUT', '/data', {
      body: '<CreateBucketConfiguration><LocationConstraint>us-east-1</LocationConstraint></CreateBucketConfiguration>',
    });
    expect(errorOf(wrong.text).code).toBe('InvalidLocationConstraint');
  });

  it('refuses to delete a bucket that holds objects with BucketNotEmpty (409), then deletes it once empty', () => {
    const { send } = s3Harness();
    send('PUT', '/data');
    send('PUT', '/data/a.txt', { body: 'x' });
    const r = send('DELETE', '/data');
    expect(r.status).toBe(409);
    expect(errorOf(r.text)).toEqual({
      code: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty',
    });
    expect(r.text).toContain('<BucketName>data</BucketName>');
    expect(send('DELETE', '/data/a.txt').status).toBe(204);
    expect(send('DELETE', '/data').status).toBe(204);
    expect(send('HEAD', '/data').status).toBe(404);
  });

  it('stores an object and gives it back with its ETag, type and metadata', () => {
    const { send } = s3Harness();
    send('PUT', '/data');
    const put = send('PUT', '/data/dir/hello%20world.txt', {
      body: 'hello',
      headers: { 'content-type': 'text/plain', 'x-amz-meta-owner': 'me' },
    });
    expect(put.headers.etag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const get = send('GET', '/data/dir/hello%20world.txt');
    expect(get.status).toBe(200);
    expect(get.text).toBe('hello');
    expect(get.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-length': '5',
      etag: '"5d41402abc4b2a76b9719d911017c592"',
      'last-modified': 'Thu, 01 Jan 2026 12:00:00 GMT',
      'x-amz-meta-owner': 'me',
    });
    expect(send('HEAD', '/data/dir/hello%20world.txt').headers['content-length']).toBe('5');
    const missing = send('GET', '/data/nope');
    expect(missing.status).toBe(404);
    expect(errorOf(missing.text)).toEqual({
      code: 'NoSuchKey',
      message: 'The specified key does not exist.',
    });
    expect(missing.text).toContain('<Key>nope</Key>');
  });

  it('reads the payload of an aws-chunked upload', () => {
    const { send } = s3Harness();
    send('PUT', '/data');
    const body = '5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n';
    send('PUT', '/data/k', {
      body,
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '11' },
    });
    const get = send('GET', '/data/k');
    expect(get.text).toBe('hello world');
    expect(get.headers['content-encoding']).toBeUndefined();
  });

  it('serves byte ranges with 206, and refuses a range past the end with InvalidRange (416)', () => {
    const { send } = s3Harness();
    send('PUT', '/data');
    send('PUT', '/data/k', { body: '0123456789' });
    const mid = send('GET', '/data/k', { headers: { range: 'bytes=2-4' } });
    expect([mid.status, mid.text, mid.headers['content-range'], mid.headers['content-length']]).toEqual([
      206,
      '234',
      'bytes 2-4/10',
      '3',
    ]);
    expect(send('GET', '/data/k', { headers: { range: 'bytes=7-' } }).text).toBe('789');
    expect(send('GET', '/data/k', { headers: { range: 'bytes=-3' } }).text).toBe('789');
    expect(send('GET', '/data/k', { headers: { range: 'bytes=8-100' } }).text).toBe('89');
    const past = send('GET', '/data/k', { headers: { range: 'bytes=10-20' } });
    expect(past.status).toBe(416);
    expect(errorOf(past.text)).toEqual({
      code: 'InvalidRange',
      message: 'The requested range is not satisfiable',
    });
    expect(past.text).toContain(
      '<RangeRequested>bytes=10-20</RangeRequested><ActualObjectSize>10</ActualObjectSize>',
    );
    expect(send('GET', '/data/k', { headers: { range: 'lines=1-2' } }).status).toBe(200);
  });

  it('lists objects with a delimiter and continuation tokens in XML', () => {
    const { send } = s3Harness();
    send('PUT', '/data');
    for (const k of ['a/1', 'a/2', 'b/1', 'top']) send('PUT', `/data/${k}`, { body: k });
    const first = send('GET', '/data', { query: { 'list-type': '2', delimiter: '/', 'max-keys': '2' } });
    expect(first.text).toContain('<KeyCount>2</KeyCount><IsTruncated>true</IsTruncated>');
    expect(first.text).toContain(
      '<CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>b/</Prefix></CommonPrefixes>',
    );
    const token = /<NextContinuationToken>(.*?)<\/NextContinuationToken>/.exec(first.text)![1];
    const second = send('GET', '/data', {
      query: { 'list-type': '2', delimiter: '/', 'max-keys': '2', 'continuation-token': token },
    });
    expect(second.text).toContain(
      '<Contents><Key>top</Key><LastModified>2026-01-01T12:00:00.000Z</LastModified><ETag>&quot;',
    );
    expect(second.text).toContain('<Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>');
    expect(second.text).toContain('<IsTruncated>false</IsTruncated>');
  });

  it('deletes several objects at once and reports each', () => {
    const { send, store } = s3Harness();
    send('PUT', '/data');
    send('PUT', '/data/a', { body: '1' });
    send('PUT', '/data/b', { body: '2' });
    const r = send('POST', '/data', {
      query: { delete: '' },
      body: '<Delete><Object><Key>a</Key></Object><Object><Key>zzz</Key></Object></Delete>',
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain(
      '<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>a</Key></Deleted><Deleted><Key>zzz</Key></Deleted></DeleteResult>',
    );
    expect(store.keys('data')).toEqual(['b']);
    expect(errorOf(send('POST', '/data', { query: { delete: '' }, body: '<Delete>' }).text).code).toBe(
      'MalformedXML',
    );
  });

  it('says NotImplemented for subresources it does not have', () => {
    const { send } = s3Harness();
    send('PUT', '/data');
    const r = send('GET', '/data', { query: { versioning: '' } });
    expect(r.status).toBe(501);
    expect(errorOf(r.text).code).toBe('NotImplemented');
  });
});

describe('GetBucketLocation', () => {
  it("answers the bucket's region, empty for us-east-1", () => {
    const west = s3Harness('us-west-2');
    west.send('PUT', '/data', {
      body: '<CreateBucketConfiguration><LocationConstraint>us-west-2</LocationConstraint></CreateBucketConfiguration>',
    });
    expect(west.send('GET', '/data', { query: { location: '' } }).text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">us-west-2</LocationConstraint>',
    );
    const east = s3Harness('us-east-1');
    east.send('PUT', '/data');
    expect(east.send('GET', '/data', { query: { location: '' } }).text).toContain(
      '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>',
    );
  });
});
