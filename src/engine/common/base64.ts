/**
 * Base64 as AWS's JSON protocols carry blobs. The platform's own codecs where there are any
 * (Uint8Array.fromBase64/setFromBase64/toBase64 in current browsers and Node 25), else table-driven
 * codecs here (Node 20's atob and btoa are slow): one copy for the engine.
 */
const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61; // '='

type WithBase64 = typeof Uint8Array & { fromBase64?(s: string): Uint8Array };
type NativeBase64 = Uint8Array & { toBase64?(): string; setFromBase64?(s: string): { read: number; written: number } };
const nativeFrom = (Uint8Array as WithBase64).fromBase64;
const nativeSet = (Uint8Array.prototype as NativeBase64).setFromBase64;
const nativeTo = (Uint8Array.prototype as NativeBase64).toBase64;

/** Two bytes in memory order (c0 then c1) as one 16-bit word of this platform. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const word = (c0: number, c1: number): number => (LITTLE_ENDIAN ? c0 | (c1 << 8) : (c0 << 8) | c1);

/** Built on first use: 12 bits -> their two characters (as a memory-order word), and back. */
let encodePairs: Uint16Array | undefined;
let decodePairs: Uint16Array | undefined;
const charValue = new Uint8Array(128);
for (let i = 0; i < 64; i++) charValue[ALPHABET.charCodeAt(i)] = i;

const encodeTable = (): Uint16Array => {
  if (encodePairs) return encodePairs;
  const t = new Uint16Array(4096);
  for (let i = 0; i < 4096; i++) t[i] = word(ALPHABET.charCodeAt(i >> 6), ALPHABET.charCodeAt(i & 63));
  return (encodePairs = t);
};
const decodeTable = (): Uint16Array => {
  if (decodePairs) return decodePairs;
  const t = new Uint16Array(65536);
  for (let a = 0; a < 64; a++) for (let b = 0; b < 64; b++) t[word(ALPHABET.charCodeAt(a), ALPHABET.charCodeAt(b))] = (a << 6) | b;
  return (decodePairs = t);
};

/** A reusable buffer (ASCII text of Base64), 4-byte aligned so it can be read and written in words. */
let scratch = new Uint8Array(0);
let scratch16 = new Uint16Array(0);
let scratch32 = new Uint32Array(0);
const growScratch = (n: number): void => {
  if (scratch.length >= n) return;
  scratch = new Uint8Array(Math.max(4096, 2 ** Math.ceil(Math.log2(n))));
  scratch16 = new Uint16Array(scratch.buffer);
  scratch32 = new Uint32Array(scratch.buffer);
};

/** Bytes a (canonical) Base64 string of this length and padding decodes to. */
const decodedLength = (s: string): number => {
  const n = s.length;
  if (n === 0) return 0;
  return (n / 4) * 3 - (s.charCodeAt(n - 1) === PAD ? (s.charCodeAt(n - 2) === PAD ? 2 : 1) : 0);
};

/**
 * Writes the bytes of Base64 `s` into `out` from index `at`, returning how many (out must have
 * room). `s` must be canonical Base64 (what the request validation admits): nothing is checked here.
 */
export const decodeBase64Into = (s: string, out: Uint8Array, at: number): number => {
  if (nativeSet) return nativeSet.call(out.subarray(at), s).written;
  const n = s.length;
  const full = n > 0 && s.charCodeAt(n - 1) === PAD ? n - 4 : n;
  let j = at;
  let i = 0;
  if (LITTLE_ENDIAN && full >= 64) {
    // The text as ASCII bytes (a native copy), then four characters per 32-bit read.
    growScratch(n);
    utf8.encodeInto(s, scratch);
    const words = scratch32;
    const t = decodeTable();
    for (let g = 0, groups = full >> 2; g < groups; g++) {
      const w = words[g];
      const v = (t[w & 0xffff] << 12) | t[w >>> 16];
      out[j] = v >>> 16;
      out[j + 1] = (v >>> 8) & 255;
      out[j + 2] = v & 255;
      j += 3;
    }
    i = full;
  }
  const cv = charValue;
  for (; i < full; i += 4) {
    const v = (cv[s.charCodeAt(i)] << 18) | (cv[s.charCodeAt(i + 1)] << 12) | (cv[s.charCodeAt(i + 2)] << 6) | cv[s.charCodeAt(i + 3)];
    out[j] = v >>> 16;
    out[j + 1] = (v >>> 8) & 255;
    out[j + 2] = v & 255;
    j += 3;
  }
  if (full < n) {
    const twoPads = s.charCodeAt(n - 2) === PAD;
    const v = (cv[s.charCodeAt(i)] << 18) | (cv[s.charCodeAt(i + 1)] << 12) | (twoPads ? 0 : cv[s.charCodeAt(i + 2)] << 6);
    out[j++] = v >>> 16;
    if (!twoPads) out[j++] = (v >>> 8) & 255;
  }
  return j - at;
};

/** Canonical Base64 (padded to whole groups): what the table decoder reads. */
const CANONICAL = /^[A-Za-z0-9+/]*={0,2}$/;

export const base64ToBytes = (s: string): Uint8Array => {
  if (nativeFrom) return nativeFrom(s);
  if (s.length % 4 !== 0 || !CANONICAL.test(s)) {
    // Unpadded or with white space: atob reads it (or throws), as it always did here.
    const bin = atob(s);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  }
  const out = new Uint8Array(decodedLength(s));
  decodeBase64Into(s, out, 0);
  return out;
};

/** Base64 of `b[from..to)`, without copying the range out first. */
export const encodeBase64 = (b: Uint8Array, from = 0, to = b.length): string => {
  if (nativeTo) return nativeTo.call(from === 0 && to === b.length ? b : b.subarray(from, to));
  const n = to - from;
  const len = Math.ceil(n / 3) * 4;
  growScratch(len);
  const buf = scratch;
  const pairs = scratch16;
  const t = encodeTable();
  let k = 0;
  let i = from;
  const whole = from + n - (n % 3);
  for (; i < whole; i += 3) {
    const v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    pairs[k] = t[v >>> 12];
    pairs[k + 1] = t[v & 4095];
    k += 2;
  }
  let c = k * 2;
  if (i < to) {
    const two = to - i === 2;
    const v = (b[i] << 16) | (two ? b[i + 1] << 8 : 0);
    buf[c++] = ALPHABET.charCodeAt(v >>> 18);
    buf[c++] = ALPHABET.charCodeAt((v >>> 12) & 63);
    buf[c++] = two ? ALPHABET.charCodeAt((v >>> 6) & 63) : PAD;
    buf[c++] = PAD;
  }
  // ASCII: UTF-8 decoding is a plain copy.
  return utf8d.decode(buf.subarray(0, c));
};

export const bytesToBase64 = (b: Uint8Array): string => encodeBase64(b);

/** Base64 of UTF-8 text, and back (invalid UTF-8 becomes U+FFFD, as TextDecoder does). */
export const textToBase64 = (s: string): string => bytesToBase64(utf8.encode(s));
export const base64ToText = (s: string): string => utf8d.decode(base64ToBytes(s));
