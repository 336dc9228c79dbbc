/**
 * Byte length of a string encoded as UTF-8, without encoding it (fast for ASCII). A lone surrogate
 * counts 3 bytes: it is encoded as U+FFFD, as TextEncoder and Java do.
 */
export const utf8Length = (s: string): number => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 4 bytes for 2 code units.
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
};
