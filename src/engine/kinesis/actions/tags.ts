import { kErr } from '../errors';

// Tag characters AWS accepts (kinesalite's tests pin the two texts).
const BAD_CHAR = /[^\u00C0-\u1FFF\u2C00-\uD7FF\w./\-=+_ @%]/;

export const checkTagChars = (values: string[], streamName: string, account: string, verb: 'add tags to' | 'remove tags from'): void => {
  if (values.some((v) => BAD_CHAR.test(v))) {
    throw kErr.invalidArgument(
      'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.',
    );
  }
  if (values.some((v) => v.includes('%'))) {
    throw kErr.invalidArgument(
      `Failed to ${verb} stream ${streamName} under account ${account} because some tags contained illegal characters. ` +
        "The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
    );
  }
};

export const MAX_TAGS = 50;
