/**
 * Hash keys. AWS shows them as decimal strings; the engine compares them as fixed-width 32-digit
 * lower-case hex strings, whose string order is their numeric order, so routing a record is a binary
 * search over strings. BigInt is used only at the edges (creating, splitting, explicit hash keys).
 */

export const POW_128 = 1n << 128n;
export const MAX_HASH_KEY = POW_128 - 1n;

const ZEROS = '00000000000000000000000000000000';

export const bigToHex = (n: bigint): string => {
  const h = n.toString(16);
  return h.length >= 32 ? h : ZEROS.slice(h.length) + h;
};
export const hexToDecimal = (hex: string): string => BigInt('0x' + hex).toString();

/** [start, end] of each of `count` shards splitting `[lo, hi]` evenly: floor(span/count)*i, the last ends at hi. */
export const evenRanges = (
  count: number,
  lo: bigint = 0n,
  hi: bigint = MAX_HASH_KEY,
): Array<[bigint, bigint]> => {
  const step = (hi - lo + 1n) / BigInt(count);
  const out: Array<[bigint, bigint]> = [];
  for (let i = 0; i < count; i++) {
    const start = lo + step * BigInt(i);
    const end = i === count - 1 ? hi : lo + step * BigInt(i + 1) - 1n;
    out.push([start, end]);
  }
  return out;
};

/** A 32-digit hex key as four unsigned 32-bit words, most significant first. */
export const hexToWords = (
  hex: string,
  out: number[] | Uint32Array = [0, 0, 0, 0],
): number[] | Uint32Array => {
  for (let i = 0; i < 4; i++) out[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return out;
};

/**
 * Index of the last range whose start (4 words each, flattened in `starts`) is <= key: the routing
 * step for every record, on numbers only.
 */
export const findRangeWords = (starts: ArrayLike<number>, key: ArrayLike<number>): number => {
  let lo = 0;
  let hi = (starts.length >> 2) - 1;
  const k0 = key[0];
  const k1 = key[1];
  const k2 = key[2];
  const k3 = key[3];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const q = mid << 2;
    const s0 = starts[q];
    const le =
      s0 < k0 ||
      (s0 === k0 &&
        (starts[q + 1] < k1 ||
          (starts[q + 1] === k1 && (starts[q + 2] < k2 || (starts[q + 2] === k2 && starts[q + 3] <= k3)))));
    if (le) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/** Index of the last element of sorted `starts` that is <= key (keys are 32-digit hex). */
export const findRange = (starts: readonly string[], key: string): number => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};
