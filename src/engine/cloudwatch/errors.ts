import { AwsError } from '../common/errors';

/**
 * CloudWatch speaks awsJson1_0 in query-compatible mode: the body's `__type` is the Smithy
 * error shape, and the `x-amzn-query-error: Code;Type` header carries the old awsQuery code,
 * which the SDK uses to pick the exception class (@aws-sdk/core ProtocolLib.setQueryCompatError
 * and findQueryCompatibleError; the codes are the awsQueryError traits of the CloudWatch model).
 */
export const queryErrorCodes: Readonly<Record<string, string>> = {
  InvalidParameterValueException: 'InvalidParameterValue',
  MissingRequiredParameterException: 'MissingParameter',
  InvalidParameterCombinationException: 'InvalidParameterCombination',
  ValidationException: 'ValidationError',
  InvalidNextToken: 'InvalidNextToken',
  LimitExceededFault: 'LimitExceeded',
  ResourceNotFound: 'ResourceNotFound',
  InternalServiceFault: 'InternalServiceError',
};

/** The `x-amzn-query-error` header for an error code (the shape name). */
export const queryErrorHeader = (code: string, statusCode = 400): string =>
  `${queryErrorCodes[code] ?? code};${statusCode >= 500 || code === 'InternalServiceFault' || code === 'InternalFailure' ? 'Receiver' : 'Sender'}`;

export const invalidParameterValue = (message: string): AwsError =>
  new AwsError('InvalidParameterValueException', message);
export const invalidParameterCombination = (message: string): AwsError =>
  new AwsError('InvalidParameterCombinationException', message);
export const validationError = (message: string): AwsError => new AwsError('ValidationException', message);
export const invalidNextToken = (message: string): AwsError => new AwsError('InvalidNextToken', message);
