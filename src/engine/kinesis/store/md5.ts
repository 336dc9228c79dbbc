/**
 * MD5 of a string's UTF-8 bytes as 32 lower-case hex digits: the hash key Kinesis derives from a
 * partition key (read as a big-endian 128-bit integer). Written for short keys at millions per second:
 * one reused buffer, no allocation but the result string.
 */

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

let buf = new Uint8Array(320);
const X = new Int32Array(16);

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0;

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

export const md5Hex = (s: string): string => {
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

  let a0 = 0x67452301 | 0;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476 | 0;
  for (let off = 0; off < total; off += 64) {
    for (let j = 0; j < 16; j++) {
      const q = off + j * 4;
      X[j] = buf[q] | (buf[q + 1] << 8) | (buf[q + 2] << 16) | (buf[q + 3] << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const r = S[((i >> 4) << 2) | (i & 3)];
      const t = (a + f + K[i] + X[g]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((t << r) | (t >>> (32 - r)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  return hexLE(a0) + hexLE(b0) + hexLE(c0) + hexLE(d0);
};

const hexLE = (w: number): string => HEX[w & 0xff] + HEX[(w >>> 8) & 0xff] + HEX[(w >>> 16) & 0xff] + HEX[(w >>> 24) & 0xff];
