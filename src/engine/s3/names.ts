/**
 * General purpose bucket naming rules (Amazon S3 User Guide, "General purpose bucket naming rules"):
 * 3-63 characters of lower-case letters, digits, dots and hyphens, starting and ending with a letter or
 * digit, no two dots in a row, not an IP address, and none of the reserved prefixes and suffixes.
 * The service refuses a name that breaks one with InvalidBucketName; the console's form names the rule.
 */
const ALLOWED = /^[a-z0-9.-]*$/;
const ENDS = /^[a-z0-9](.*[a-z0-9])?$/;
const IP_ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** The first naming rule `name` breaks, in words; undefined when S3 accepts the name. */
export const bucketNameProblem = (name: string): string | undefined => {
  if (name.length < 3 || name.length > 63) return 'Bucket names must be between 3 and 63 characters long.';
  if (!ALLOWED.test(name)) return 'Bucket names can contain only lowercase letters, numbers, dots (.) and hyphens (-).';
  if (!ENDS.test(name)) return 'Bucket names must begin and end with a letter or number.';
  if (name.includes('..')) return 'Bucket names must not contain two adjacent periods.';
  if (IP_ADDRESS.test(name)) return 'Bucket names must not be formatted as an IP address (for example, 192.168.5.4).';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `Bucket names must not start with the prefix ${prefix}`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `Bucket names must not end with the suffix ${suffix}`;
  return undefined;
};

export const isValidBucketName = (name: string): boolean => bucketNameProblem(name) === undefined;

/** Object keys are at most 1,024 bytes of UTF-8 (Amazon S3 User Guide, "Naming objects"). */
export const MAX_KEY_BYTES = 1024;
