/**
 * Base64 to bytes and back, table-driven: Firehose decodes every record it takes in (its buffers hold
 * bytes) and encodes them again for a transformation. Works the same in Node and the browser.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Decodes canonical Base64 (the validator has already checked it) into `out` from `o`; returns the bytes written. */
export const decodeBase64Into = (s: string, out: Uint8Array, start: number): number => {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 61) n--;
  let o = start;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v =
      (INDEX[s.charCodeAt(i)] << 18) |
      (INDEX[s.charCodeAt(i + 1)] << 12) |
      (INDEX[s.charCodeAt(i + 2)] << 6) |
      INDEX[s.charCodeAt(i + 3)];
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 0xff;
    out[o++] = v & 0xff;
  }
  const rest = n - i;
  if (rest >= 2) {
    const v =
      (INDEX[s.charCodeAt(i)] << 18) |
      (INDEX[s.charCodeAt(i + 1)] << 12) |
      (rest === 3 ? INDEX[s.charCodeAt(i + 2)] << 6 : 0);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = (v >> 8) & 0xff;
  }
  return o - start;
};

export const fromBase64 = (s: string): Uint8Array => {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 61) n--;
  const out = new Uint8Array((n * 3) >> 2);
  decodeBase64Into(s, out, 0);
  return out;
};

export const toBase64 = (b: Uint8Array): string => {
  const parts: string[] = [];
  let s = '';
  const n = b.length;
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    s += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
    if (s.length >= 65536) {
      parts.push(s);
      s = '';
    }
  }
  if (n - i === 1) s += ALPHABET[b[i] >> 2] + ALPHABET[(b[i] & 3) << 4] + '==';
  else if (n - i === 2)
    s +=
      ALPHABET[b[i] >> 2] +
      ALPHABET[((b[i] & 3) << 4) | (b[i + 1] >> 4)] +
      ALPHABET[(b[i + 1] & 15) << 2] +
      '=';
  parts.push(s);
  return parts.join('');
};
