/**
 * MD5 of a string's UTF-8 bytes as 32 lower-case hex digits: the hash key Kinesis derives from a
 * partition key (read as a big-endian 128-bit integer). Written for short keys at millions per second:
 * the 64 steps unrolled, ASCII keys read straight into the message words, no allocation but the result.
 */

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

let buf = new Uint8Array(320);
const W = new Int32Array(16);
let h0 = 0;
let h1 = 0;
let h2 = 0;
let h3 = 0;

/** One 64-byte block from W into h0..h3. */
const block = (): void => {
  const x0 = W[0],
    x1 = W[1],
    x2 = W[2],
    x3 = W[3],
    x4 = W[4],
    x5 = W[5],
    x6 = W[6],
    x7 = W[7];
  const x8 = W[8],
    x9 = W[9],
    x10 = W[10],
    x11 = W[11],
    x12 = W[12],
    x13 = W[13],
    x14 = W[14],
    x15 = W[15];
  let a = h0;
  let b = h1;
  let c = h2;
  let d = h3;
  let t: number;
  t = (a + ((b & c) | (~b & d)) + -680876936 + x0) | 0;
  a = (b + ((t << 7) | (t >>> 25))) | 0;
  t = (d + ((a & b) | (~a & c)) + -389564586 + x1) | 0;
  d = (a + ((t << 12) | (t >>> 20))) | 0;
  t = (c + ((d & a) | (~d & b)) + 606105819 + x2) | 0;
  c = (d + ((t << 17) | (t >>> 15))) | 0;
  t = (b + ((c & d) | (~c & a)) + -1044525330 + x3) | 0;
  b = (c + ((t << 22) | (t >>> 10))) | 0;
  t = (a + ((b & c) | (~b & d)) + -176418897 + x4) | 0;
  a = (b + ((t << 7) | (t >>> 25))) | 0;
  t = (d + ((a & b) | (~a & c)) + 1200080426 + x5) | 0;
  d = (a + ((t << 12) | (t >>> 20))) | 0;
  t = (c + ((d & a) | (~d & b)) + -1473231341 + x6) | 0;
  c = (d + ((t << 17) | (t >>> 15))) | 0;
  t = (b + ((c & d) | (~c & a)) + -45705983 + x7) | 0;
  b = (c + ((t << 22) | (t >>> 10))) | 0;
  t = (a + ((b & c) | (~b & d)) + 1770035416 + x8) | 0;
  a = (b + ((t << 7) | (t >>> 25))) | 0;
  t = (d + ((a & b) | (~a & c)) + -1958414417 + x9) | 0;
  d = (a + ((t << 12) | (t >>> 20))) | 0;
  t = (c + ((d & a) | (~d & b)) + -42063 + x10) | 0;
  c = (d + ((t << 17) | (t >>> 15))) | 0;
  t = (b + ((c & d) | (~c & a)) + -1990404162 + x11) | 0;
  b = (c + ((t << 22) | (t >>> 10))) | 0;
  t = (a + ((b & c) | (~b & d)) + 1804603682 + x12) | 0;
  a = (b + ((t << 7) | (t >>> 25))) | 0;
  t = (d + ((a & b) | (~a & c)) + -40341101 + x13) | 0;
  d = (a + ((t << 12) | (t >>> 20))) | 0;
  t = (c + ((d & a) | (~d & b)) + -1502002290 + x14) | 0;
  c = (d + ((t << 17) | (t >>> 15))) | 0;
  t = (b + ((c & d) | (~c & a)) + 1236535329 + x15) | 0;
  b = (c + ((t << 22) | (t >>> 10))) | 0;
  t = (a + ((d & b) | (~d & c)) + -165796510 + x1) | 0;
  a = (b + ((t << 5) | (t >>> 27))) | 0;
  t = (d + ((c & a) | (~c & b)) + -1069501632 + x6) | 0;
  d = (a + ((t << 9) | (t >>> 23))) | 0;
  t = (c + ((b & d) | (~b & a)) + 643717713 + x11) | 0;
  c = (d + ((t << 14) | (t >>> 18))) | 0;
  t = (b + ((a & c) | (~a & d)) + -373897302 + x0) | 0;
  b = (c + ((t << 20) | (t >>> 12))) | 0;
  t = (a + ((d & b) | (~d & c)) + -701558691 + x5) | 0;
  a = (b + ((t << 5) | (t >>> 27))) | 0;
  t = (d + ((c & a) | (~c & b)) + 38016083 + x10) | 0;
  d = (a + ((t << 9) | (t >>> 23))) | 0;
  t = (c + ((b & d) | (~b & a)) + -660478335 + x15) | 0;
  c = (d + ((t << 14) | (t >>> 18))) | 0;
  t = (b + ((a & c) | (~a & d)) + -405537848 + x4) | 0;
  b = (c + ((t << 20) | (t >>> 12))) | 0;
  t = (a + ((d & b) | (~d & c)) + 568446438 + x9) | 0;
  a = (b + ((t << 5) | (t >>> 27))) | 0;
  t = (d + ((c & a) | (~c & b)) + -1019803690 + x14) | 0;
  d = (a + ((t << 9) | (t >>> 23))) | 0;
  t = (c + ((b & d) | (~b & a)) + -187363961 + x3) | 0;
  c = (d + ((t << 14) | (t >>> 18))) | 0;
  t = (b + ((a & c) | (~a & d)) + 1163531501 + x8) | 0;
  b = (c + ((t << 20) | (t >>> 12))) | 0;
  t = (a + ((d & b) | (~d & c)) + -1444681467 + x13) | 0;
  a = (b + ((t << 5) | (t >>> 27))) | 0;
  t = (d + ((c & a) | (~c & b)) + -51403784 + x2) | 0;
  d = (a + ((t << 9) | (t >>> 23))) | 0;
  t = (c + ((b & d) | (~b & a)) + 1735328473 + x7) | 0;
  c = (d + ((t << 14) | (t >>> 18))) | 0;
  t = (b + ((a & c) | (~a & d)) + -1926607734 + x12) | 0;
  b = (c + ((t << 20) | (t >>> 12))) | 0;
  t = (a + (b ^ c ^ d) + -378558 + x5) | 0;
  a = (b + ((t << 4) | (t >>> 28))) | 0;
  t = (d + (a ^ b ^ c) + -2022574463 + x8) | 0;
  d = (a + ((t << 11) | (t >>> 21))) | 0;
  t = (c + (d ^ a ^ b) + 1839030562 + x11) | 0;
  c = (d + ((t << 16) | (t >>> 16))) | 0;
  t = (b + (c ^ d ^ a) + -35309556 + x14) | 0;
  b = (c + ((t << 23) | (t >>> 9))) | 0;
  t = (a + (b ^ c ^ d) + -1530992060 + x1) | 0;
  a = (b + ((t << 4) | (t >>> 28))) | 0;
  t = (d + (a ^ b ^ c) + 1272893353 + x4) | 0;
  d = (a + ((t << 11) | (t >>> 21))) | 0;
  t = (c + (d ^ a ^ b) + -155497632 + x7) | 0;
  c = (d + ((t << 16) | (t >>> 16))) | 0;
  t = (b + (c ^ d ^ a) + -1094730640 + x10) | 0;
  b = (c + ((t << 23) | (t >>> 9))) | 0;
  t = (a + (b ^ c ^ d) + 681279174 + x13) | 0;
  a = (b + ((t << 4) | (t >>> 28))) | 0;
  t = (d + (a ^ b ^ c) + -358537222 + x0) | 0;
  d = (a + ((t << 11) | (t >>> 21))) | 0;
  t = (c + (d ^ a ^ b) + -722521979 + x3) | 0;
  c = (d + ((t << 16) | (t >>> 16))) | 0;
  t = (b + (c ^ d ^ a) + 76029189 + x6) | 0;
  b = (c + ((t << 23) | (t >>> 9))) | 0;
  t = (a + (b ^ c ^ d) + -640364487 + x9) | 0;
  a = (b + ((t << 4) | (t >>> 28))) | 0;
  t = (d + (a ^ b ^ c) + -421815835 + x12) | 0;
  d = (a + ((t << 11) | (t >>> 21))) | 0;
  t = (c + (d ^ a ^ b) + 530742520 + x15) | 0;
  c = (d + ((t << 16) | (t >>> 16))) | 0;
  t = (b + (c ^ d ^ a) + -995338651 + x2) | 0;
  b = (c + ((t << 23) | (t >>> 9))) | 0;
  t = (a + (c ^ (b | ~d)) + -198630844 + x0) | 0;
  a = (b + ((t << 6) | (t >>> 26))) | 0;
  t = (d + (b ^ (a | ~c)) + 1126891415 + x7) | 0;
  d = (a + ((t << 10) | (t >>> 22))) | 0;
  t = (c + (a ^ (d | ~b)) + -1416354905 + x14) | 0;
  c = (d + ((t << 15) | (t >>> 17))) | 0;
  t = (b + (d ^ (c | ~a)) + -57434055 + x5) | 0;
  b = (c + ((t << 21) | (t >>> 11))) | 0;
  t = (a + (c ^ (b | ~d)) + 1700485571 + x12) | 0;
  a = (b + ((t << 6) | (t >>> 26))) | 0;
  t = (d + (b ^ (a | ~c)) + -1894986606 + x3) | 0;
  d = (a + ((t << 10) | (t >>> 22))) | 0;
  t = (c + (a ^ (d | ~b)) + -1051523 + x10) | 0;
  c = (d + ((t << 15) | (t >>> 17))) | 0;
  t = (b + (d ^ (c | ~a)) + -2054922799 + x1) | 0;
  b = (c + ((t << 21) | (t >>> 11))) | 0;
  t = (a + (c ^ (b | ~d)) + 1873313359 + x8) | 0;
  a = (b + ((t << 6) | (t >>> 26))) | 0;
  t = (d + (b ^ (a | ~c)) + -30611744 + x15) | 0;
  d = (a + ((t << 10) | (t >>> 22))) | 0;
  t = (c + (a ^ (d | ~b)) + -1560198380 + x6) | 0;
  c = (d + ((t << 15) | (t >>> 17))) | 0;
  t = (b + (d ^ (c | ~a)) + 1309151649 + x13) | 0;
  b = (c + ((t << 21) | (t >>> 11))) | 0;
  t = (a + (c ^ (b | ~d)) + -145523070 + x4) | 0;
  a = (b + ((t << 6) | (t >>> 26))) | 0;
  t = (d + (b ^ (a | ~c)) + -1120210379 + x11) | 0;
  d = (a + ((t << 10) | (t >>> 22))) | 0;
  t = (c + (a ^ (d | ~b)) + 718787259 + x2) | 0;
  c = (d + ((t << 15) | (t >>> 17))) | 0;
  t = (b + (d ^ (c | ~a)) + -343485551 + x9) | 0;
  b = (c + ((t << 21) | (t >>> 11))) | 0;
  h0 = (h0 + a) | 0;
  h1 = (h1 + b) | 0;
  h2 = (h2 + c) | 0;
  h3 = (h3 + d) | 0;
};

const encode = (s: string): number => {
  const n = s.length;
  if (buf.length < n * 3 + 72) buf = new Uint8Array(n * 3 + 72);
  let p = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) buf[p++] = c;
    else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      buf[p++] = 0xf0 | (c >> 18);
      buf[p++] = 0x80 | ((c >> 12) & 63);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // a lone surrogate encodes as U+FFFD, as TextEncoder does
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    }
  }
  return p;
};

const hexLE = (w: number): string =>
  HEX[w & 0xff] + HEX[(w >>> 8) & 0xff] + HEX[(w >>> 16) & 0xff] + HEX[(w >>> 24) & 0xff];

const reset = (): void => {
  h0 = 0x67452301;
  h1 = 0xefcdab89 | 0;
  h2 = 0x98badcfe | 0;
  h3 = 0x10325476;
};

/** Short ASCII strings (< 56 chars): one block, filled straight from the char codes. */
const shortAscii = (s: string): boolean => {
  const n = s.length;
  if (n >= 56) return false;
  W.fill(0);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return false;
    W[i >> 2] |= c << ((i & 3) << 3);
  }
  W[n >> 2] |= 0x80 << ((n & 3) << 3);
  W[14] = n << 3;
  return true;
};

const digest = (s: string): void => {
  reset();
  if (shortAscii(s)) {
    block();
    return;
  }
  const len = encode(s);
  // Padding: 0x80, zeros, then the bit length as a 64-bit little-endian integer.
  let total = len + 1;
  buf[len] = 0x80;
  while (total % 64 !== 56) buf[total++] = 0;
  const bits = len * 8;
  buf[total++] = bits & 0xff;
  buf[total++] = (bits >>> 8) & 0xff;
  buf[total++] = (bits >>> 16) & 0xff;
  buf[total++] = (bits >>> 24) & 0xff;
  const hi = Math.floor(len / 0x20000000);
  buf[total++] = hi & 0xff;
  buf[total++] = (hi >>> 8) & 0xff;
  buf[total++] = (hi >>> 16) & 0xff;
  buf[total++] = (hi >>> 24) & 0xff;
  for (let off = 0; off < total; off += 64) {
    for (let j = 0; j < 16; j++) {
      const q = off + j * 4;
      W[j] = buf[q] | (buf[q + 1] << 8) | (buf[q + 2] << 16) | (buf[q + 3] << 24);
    }
    block();
  }
};

const bswap = (w: number): number =>
  (((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24)) >>> 0;

/**
 * The MD5 as four big-endian unsigned 32-bit words (most significant first) written into `out`:
 * the 128-bit hash key without building a string.
 */
export const md5Words = (s: string, out: number[] | Uint32Array): void => {
  digest(s);
  out[0] = bswap(h0);
  out[1] = bswap(h1);
  out[2] = bswap(h2);
  out[3] = bswap(h3);
};

export const md5Hex = (s: string): string => {
  digest(s);
  return hexLE(h0) + hexLE(h1) + hexLE(h2) + hexLE(h3);
};

/**
 * MD5 of raw bytes as 32 lower-case hex digits (an S3 object's ETag). Whole blocks are read straight
 * from `bytes`; only the tail and the padding go through the scratch buffer, so a 128 MiB body is not copied.
 */
export const md5HexBytes = (bytes: Uint8Array): string => {
  reset();
  const len = bytes.length;
  const whole = len - (len % 64);
  for (let off = 0; off < whole; off += 64) {
    for (let j = 0; j < 16; j++) {
      const q = off + j * 4;
      W[j] = bytes[q] | (bytes[q + 1] << 8) | (bytes[q + 2] << 16) | (bytes[q + 3] << 24);
    }
    block();
  }
  let total = len - whole;
  buf.set(bytes.subarray(whole), 0);
  buf[total++] = 0x80;
  while (total % 64 !== 56) buf[total++] = 0;
  const bits = len * 8;
  buf[total++] = bits & 0xff;
  buf[total++] = (bits >>> 8) & 0xff;
  buf[total++] = (bits >>> 16) & 0xff;
  buf[total++] = (bits >>> 24) & 0xff;
  const hi = Math.floor(len / 0x20000000);
  buf[total++] = hi & 0xff;
  buf[total++] = (hi >>> 8) & 0xff;
  buf[total++] = (hi >>> 16) & 0xff;
  buf[total++] = (hi >>> 24) & 0xff;
  for (let off = 0; off < total; off += 64) {
    for (let j = 0; j < 16; j++) {
      const q = off + j * 4;
      W[j] = buf[q] | (buf[q + 1] << 8) | (buf[q + 2] << 16) | (buf[q + 3] << 24);
    }
    block();
  }
  return hexLE(h0) + hexLE(h1) + hexLE(h2) + hexLE(h3);
};
