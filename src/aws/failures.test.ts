import { describe, expect, it } from 'vitest';
import type { ConnectionSettings } from './connection';
import {
  authProblemOf,
  authWords,
  CALL_SITE,
  describeConnectionFailure,
  endpointUrlFor,
  parseAccessDenial,
  permissionFor,
  regionOfEndpoint,
  type CallSite,
} from './failures';

/** An error as the SDK throws it for an AWS answer: AWS's type as name, its text, the HTTP status. */
const awsError = (name: string, message: string, httpStatusCode: number, call?: CallSite) => {
  const e = Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode } });
  if (call) Object.defineProperty(e, CALL_SITE, { value: call });
  return e;
};

const aws: ConnectionSettings = {
  mode: 'aws',
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
};

describe('credential problems, by the texts AWS sends', () => {
  it('an unknown access key, whichever service says so', () => {
    const hint = 'AWS does not know this access key id: check it for typos, and that the key is still active in IAM.';
    for (const e of [
      awsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
      awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      awsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403),
    ])
      expect(describeConnectionFailure(e, aws)).toEqual({ type: e.name, message: e.message, hint });
  });

  it('a secret that does not match the key', () => {
    const kinesis = awsError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      400,
    );
    const s3 = awsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 403);
    expect(authProblemOf(kinesis)).toEqual({ kind: 'bad-secret' });
    expect(authProblemOf(s3)).toEqual({ kind: 'bad-secret' });
    expect(describeConnectionFailure(s3, aws, 's3').hint).toMatch(/^The secret access key does not match the access key id/);
  });

  it('an expired session token, and a clock too far off', () => {
    expect(authProblemOf(awsError('ExpiredTokenException', 'The security token included in the request is expired', 400))).toEqual({ kind: 'expired' });
    expect(authProblemOf(awsError('ExpiredToken', 'The provided token has expired.', 400))).toEqual({ kind: 'expired' });
    // CloudWatch's name for it is shared with other causes: the text decides.
    expect(authProblemOf(awsError('ExpiredToken', 'The security token included in the request is expired', 403))).toEqual({ kind: 'expired' });
    expect(
      authProblemOf(
        awsError('InvalidSignatureException', 'Signature expired: 20261202T170000Z is now earlier than 20261202T171000Z (20261202T171500Z - 5 min.)', 400),
      ),
    ).toEqual({ kind: 'clock' });
    expect(authProblemOf(awsError('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403))).toEqual({
      kind: 'clock',
    });
    expect(describeConnectionFailure(awsError('ExpiredTokenException', 'The security token included in the request is expired', 400), aws).hint).toContain(
      'The session token has expired',
    );
  });

  it('a request signed for another region than the endpoint answers for', () => {
    const onOther = { ...aws, endpoints: { kinesis: 'https://kinesis.eu-west-1.amazonaws.com' } };
    const scoped = awsError('InvalidSignatureException', "Credential should be scoped to a valid region, not 'us-east-1'. ", 400);
    expect(authProblemOf(scoped)).toEqual({ kind: 'region', signedFor: 'us-east-1' });
    expect(describeConnectionFailure(scoped, onOther, 'kinesis').hint).toBe(
      'The request was signed for us-east-1, but `https://kinesis.eu-west-1.amazonaws.com` answers for eu-west-1. Choose eu-west-1 as the region, or change the endpoint override.',
    );
    // S3 names the region it expects.
    const s3 = awsError('AuthorizationHeaderMalformed', "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'", 400);
    expect(authProblemOf(s3)).toEqual({ kind: 'region', signedFor: 'us-east-1', expected: 'eu-west-1' });
    expect(describeConnectionFailure(s3, aws, 's3').hint).toBe(
      'The request was signed for us-east-1, but the S3 endpoint answers for eu-west-1. Choose eu-west-1 as the region.',
    );
    expect(authProblemOf(awsError('InvalidSignatureException', "Credential should be scoped to correct service: 'kinesis'. ", 400))).toEqual({
      kind: 'wrong-service',
    });
  });

  it('reads the region an AWS endpoint belongs to', () => {
    expect(regionOfEndpoint('https://kinesis.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(regionOfEndpoint('https://monitoring.ap-southeast-2.amazonaws.com')).toBe('ap-southeast-2');
    expect(regionOfEndpoint('http://127.0.0.1:4567')).toBeUndefined();
    expect(endpointUrlFor(aws, 'cloudwatch')).toBe('https://monitoring.us-east-1.amazonaws.com');
  });
});

describe('a denied call', () => {
  const kinesisDenied =
    'User: arn:aws:iam::123456789012:user/workshop is not authorized to perform: kinesis:ListStreams on resource: arn:aws:kinesis:us-east-1:123456789012:stream/* because no identity-based policy allows the kinesis:ListStreams action';

  it("reads who, which permission and on what from AWS's text", () => {
    expect(parseAccessDenial(kinesisDenied)).toEqual({
      principal: 'arn:aws:iam::123456789012:user/workshop',
      action: 'kinesis:ListStreams',
      resource: 'arn:aws:kinesis:us-east-1:123456789012:stream/*',
      explicitDeny: false,
    });
    expect(
      parseAccessDenial(
        'User: arn:aws:sts::123456789012:assumed-role/Lab/alice is not authorized to perform: cloudwatch:ListMetrics because no identity-based policy allows the cloudwatch:ListMetrics action',
      ),
    ).toEqual({ principal: 'arn:aws:sts::123456789012:assumed-role/Lab/alice', action: 'cloudwatch:ListMetrics', explicitDeny: false });
    expect(
      parseAccessDenial(
        'User: arn:aws:iam::123456789012:user/workshop is not authorized to perform: firehose:PutRecordBatch on resource: arn:aws:firehose:us-east-1:123456789012:deliverystream/out with an explicit deny in an identity-based policy',
      ),
    ).toMatchObject({ action: 'firehose:PutRecordBatch', resource: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/out', explicitDeny: true });
  });

  it('Kinesis answers 400 AccessDeniedException; the hint names the permission and the resource', () => {
    const e = awsError('AccessDeniedException', kinesisDenied, 400);
    expect(describeConnectionFailure(e, aws)).toEqual({
      type: 'AccessDeniedException',
      message: kinesisDenied,
      hint: 'These credentials (`arn:aws:iam::123456789012:user/workshop`) are not allowed `kinesis:ListStreams` on `arn:aws:kinesis:us-east-1:123456789012:stream/*`. Add `kinesis:ListStreams` to their IAM policy (Connection settings can generate a least-privilege policy for the workshop).',
    });
  });

  it("S3's bare \"Access Denied\" names the permission from the call it answered", () => {
    const e = awsError('AccessDenied', 'Access Denied', 403, { service: 's3', operation: 'ListBuckets' });
    expect(authWords(e)).toBe(
      'These credentials are not allowed `s3:ListAllMyBuckets`. Add `s3:ListAllMyBuckets` to their IAM policy (Connection settings can generate a least-privilege policy for the workshop).',
    );
    // In the connection test the call is known even without the mark.
    expect(describeConnectionFailure(awsError('AccessDenied', 'Access Denied', 403), aws, 's3').hint).toContain('`s3:ListAllMyBuckets`');
  });

  it('any other 403 counts as denied; an explicit Deny is named as such', () => {
    expect(authProblemOf(awsError('UnknownError', '', 403))).toMatchObject({ kind: 'denied' });
    const e = awsError(
      'AccessDeniedException',
      'User: arn:aws:iam::123456789012:user/workshop is not authorized to perform: firehose:PutRecordBatch on resource: arn:aws:firehose:us-east-1:123456789012:deliverystream/out with an explicit deny in an identity-based policy',
      400,
    );
    expect(authWords(e)).toMatch(/^A policy explicitly denies `firehose:PutRecordBatch` on `arn:aws:firehose:/);
  });

  it('maps calls to their IAM permission', () => {
    expect(permissionFor('kinesis', 'PutRecords')).toBe('kinesis:PutRecords');
    expect(permissionFor('analytics', 'ListApplications')).toBe('kinesisanalytics:ListApplications');
    expect(permissionFor('s3', 'ListObjectsV2')).toBe('s3:ListBucket');
    expect(permissionFor('s3', 'HeadObject')).toBe('s3:GetObject');
  });

  it('leaves other errors alone', () => {
    expect(authProblemOf(awsError('ResourceNotFoundException', 'Stream s1 under account 123456789012 not found.', 400))).toBeUndefined();
    expect(describeConnectionFailure(awsError('ResourceNotFoundException', 'x', 400), aws)).toEqual({ type: 'ResourceNotFoundException', message: 'x' });
  });
});

describe('a request that got no answer', () => {
  const failed = new TypeError('Failed to fetch');
  const local = { ...aws, endpoints: { kinesis: 'http://127.0.0.1:4615' } };

  it('names the endpoint, or the service and region', () => {
    expect(describeConnectionFailure(failed, aws, 'firehose')).toMatchObject({
      type: 'NetworkError',
      message: 'No answer from the Firehose endpoint of us-east-1.',
    });
    expect(describeConnectionFailure(failed, local, 'kinesis').message).toBe('No answer from http://127.0.0.1:4615.');
  });

  it("says what to check for each cause the page could tell apart", () => {
    expect(describeConnectionFailure(failed, local, 'kinesis', 'unreachable').hint).toBe(
      'Nothing answers at `http://127.0.0.1:4615`: check that the server is running and listening on that host and port (`npm run emulator` listens on 127.0.0.1:4567).',
    );
    expect(describeConnectionFailure(failed, local, 'kinesis', 'cors').hint).toMatch(
      /^A server answers at `http:\/\/127.0.0.1:4615`, but not to this page: its answer lacks CORS headers/,
    );
    const far = { ...aws, endpoint: 'https://localstack.example.com' };
    expect(describeConnectionFailure(failed, far, 's3', 'csp').hint).toBe(
      "The page's Content-Security-Policy does not allow calls to `https://localstack.example.com` (only AWS and this machine). Add that origin to `connect-src` in `vite.config.ts` and rebuild: see the README.",
    );
    expect(describeConnectionFailure(failed, aws, 'kinesis', 'unreachable').hint).toMatch(
      /^No AWS endpoint answered: check your network connection and the region/,
    );
  });
});
