/**
 * General purpose bucket naming rules (Amazon S3 User Guide, "General purpose bucket naming rules"):
 * 3-63 characters of lower-case letters, digits, dots and hyphens, starting and ending with a letter or
 * digit, no two dots in a row, not an IP address, and none of the reserved prefixes and suffixes.
 */
const SHAPE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

export const isValidBucketName = (name: string): boolean =>
  SHAPE.test(name) &&
  !name.includes('..') &&
  !IP_ADDRESS.test(name) &&
  !RESERVED_PREFIXES.some((p) => name.startsWith(p)) &&
  !RESERVED_SUFFIXES.some((s) => name.endsWith(s));

/** Object keys are at most 1,024 bytes of UTF-8 (Amazon S3 User Guide, "Naming objects"). */
export const MAX_KEY_BYTES = 1024;
