import { AwsError } from '../common/errors';

/**
 * S3's errors: code, HTTP status and text as S3 sends them (Amazon S3 API reference, "Error
 * responses"), with the extra elements S3 puts beside the message (`BucketName`, `Key`, ...).
 */
export const s3Err = {
  noSuchBucket: (bucket: string) =>
    new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket }),
  noSuchKey: (key: string) =>
    new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }),
  bucketAlreadyOwnedByYou: (bucket: string) =>
    new AwsError(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      409,
      { BucketName: bucket },
    ),
  bucketNotEmpty: (bucket: string) =>
    new AwsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, {
      BucketName: bucket,
    }),
  invalidBucketName: (bucket: string) =>
    new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket }),
  invalidRange: (range: string, size: number) =>
    new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: range,
      ActualObjectSize: size,
    }),
  keyTooLong: (size: number) =>
    new AwsError('KeyTooLongError', 'Your key is too long', 400, { Size: size, MaxSizeAllowed: 1024 }),
  malformedXml: () =>
    new AwsError(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
      400,
    ),
  invalidArgument: (message: string, name: string, value: string) =>
    new AwsError('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value }),
  invalidLocationConstraint: (constraint: string) =>
    new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, {
      LocationConstraint: constraint,
    }),
  illegalLocationConstraint: (constraint: string) =>
    new AwsError(
      'IllegalLocationConstraintException',
      `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    ),
  methodNotAllowed: (method: string) =>
    new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
      Method: method,
      ResourceType: 'OBJECT',
    }),
  notImplemented: () =>
    new AwsError(
      'NotImplemented',
      'A header you provided implies functionality that is not implemented',
      501,
    ),
  // The emulator's own storage cap (the user can see and change it); S3 has no such limit, so the text is ours.
  storageFull: (cap: number) =>
    new AwsError(
      'ServiceUnavailable',
      `The emulator's S3 storage cap of ${cap} bytes is reached: delete objects or raise the cap.`,
      503,
    ),
};
