import { AwsError } from '../../common/errors';

/** Tags per delivery stream (API reference, TagDeliveryStream: "up to 50 tags"). */
export const MAX_TAGS = 50;

/**
 * AWS's tag patterns use Unicode classes (`\p{L}`), which the shared validator compiles without the `u`
 * flag, so they are left out of the generated shapes' checks and checked here, in the validator's words.
 */
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u;
const KEY_PATTERN = '^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$';
const VALUE_PATTERN = '^[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$';

const fail = (errors: string[]): AwsError =>
  new AwsError(
    'ValidationException',
    `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: ${errors.slice(0, 10).join('; ')}`,
  );

/** Checks tags (`{Key, Value}` at `<path>.N.member`) against AWS's patterns. */
export const checkTags = (tags: Array<{ Key: string; Value?: string }>, path: string): void => {
  const errors: string[] = [];
  tags.forEach((t, i) => {
    if (typeof t.Key === 'string' && !TAG_KEY.test(t.Key))
      errors.push(
        `Value '${t.Key}' at '${path}.${i + 1}.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ${KEY_PATTERN}`,
      );
    if (typeof t.Value === 'string' && !TAG_VALUE.test(t.Value))
      errors.push(
        `Value '${t.Value}' at '${path}.${i + 1}.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: ${VALUE_PATTERN}`,
      );
  });
  if (errors.length > 0) throw fail(errors);
};

/** Checks tag keys (`<path>.N.member`) against AWS's pattern. */
export const checkTagKeys = (keys: string[], path: string): void => {
  const errors = keys
    .map((k, i) =>
      typeof k === 'string' && !TAG_KEY.test(k)
        ? `Value '${k}' at '${path}.${i + 1}.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ${KEY_PATTERN}`
        : undefined,
    )
    .filter((e): e is string => e !== undefined);
  if (errors.length > 0) throw fail(errors);
};
