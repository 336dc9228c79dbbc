/**
 * Headers of a signed request, for tests that speak the wire protocol by hand. The emulator
 * accepts any signature but, like AWS, refuses a request that carries none.
 */
export const testSignatureHeaders = (region = 'us-east-1', service = 'kinesis'): Record<string, string> => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`,
  'x-amz-date': '20260101T000000Z',
});
