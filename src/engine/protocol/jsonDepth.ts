/**
 * The deepest nesting of arrays and objects a JSON request body may have. AWS's JSON services parse
 * with Jackson, whose default limit is 1,000 levels (StreamReadConstraints, Jackson 2.15); no AWS input
 * shape comes near it. Without a limit a 7 MiB body of `[[[[...` takes JSON.parse tens of seconds.
 */
export const MAX_JSON_DEPTH = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * Whether `text` nests arrays and objects more than `limit` deep, counting only brackets outside
 * strings. It stops at the first level past the limit, and jumps over string contents with indexOf,
 * so a PutRecords body (mostly Base64 inside strings) costs little more than its structure.
 * The text need not be valid JSON: JSON.parse judges that afterwards.
 */
export const jsonNestsDeeperThan = (text: string, limit = MAX_JSON_DEPTH): boolean => {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip to the closing quote: one not preceded by an odd number of backslashes.
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        if (j < 0) return false;
        let k = j - 1;
        while (text.charCodeAt(k) === BACKSLASH) k--;
        if ((j - 1 - k) % 2 === 0) break;
      }
      i = j;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
};
