/**
 * Decoding Base64 into a place in a larger buffer, table-driven: Firehose decodes buffered records
 * straight into the object it writes. The rest of Base64 is the engine's one codec (common/base64.ts).
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
