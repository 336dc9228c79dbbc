import { s3Err } from './errors';

export interface ListRequest {
  prefix: string;
  delimiter?: string;
  /** Keys plus common prefixes on one page (1,000 at most, S3's default). */
  maxKeys: number;
  startAfter?: string;
  continuationToken?: string;
  /** ListObjects (version 1): list after this key, or after every key under it when it is a rolled-up prefix. */
  marker?: string;
}

export interface ListPage {
  keys: string[];
  commonPrefixes: string[];
  isTruncated: boolean;
  nextContinuationToken?: string;
  /** The last key or common prefix on the page (ListObjects' NextMarker), when truncated. */
  nextMarker?: string;
}

/** S3's default and largest page (ListObjectsV2, max-keys). */
export const MAX_KEYS = 1000;

interface Marker {
  /** The last key or common prefix of the previous page. */
  after: string;
  /** The marker was a common prefix: every key under it was already rolled up. */
  rolled: boolean;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder('utf-8', { fatal: true });

/** An opaque token (S3's are opaque too): Base64 of where the previous page ended. */
const encodeToken = (m: Marker): string => {
  let s = '';
  for (const b of utf8.encode(JSON.stringify([m.after, m.rolled ? 1 : 0]))) s += String.fromCharCode(b);
  return btoa(s);
};

const decodeToken = (token: string): Marker => {
  try {
    const [after, rolled] = JSON.parse(
      utf8d.decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0))),
    ) as [unknown, unknown];
    if (typeof after === 'string') return { after, rolled: rolled === 1 };
  } catch {
    // falls through to S3's error
  }
  throw s3Err.invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
};

/** The first index in sorted `keys` whose key is greater than `s` (or at least `s` when `inclusive`). */
const lowerBound = (keys: readonly string[], s: string, inclusive: boolean): number => {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < s || (!inclusive && keys[mid] === s)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * One page of ListObjectsV2 over a bucket's sorted keys: keys under `prefix`, those with `delimiter`
 * after the prefix rolled up into common prefixes, keys and common prefixes together counting towards
 * `maxKeys`, starting after `startAfter` or where the continuation token says.
 */
export const listPage = (sorted: readonly string[], req: ListRequest): ListPage => {
  const { prefix, delimiter } = req;
  const marker =
    req.continuationToken !== undefined
      ? decodeToken(req.continuationToken)
      : req.marker !== undefined
        ? { after: req.marker, rolled: delimiter !== undefined && req.marker.startsWith(prefix) && req.marker.endsWith(delimiter) }
        : undefined;
  let from = lowerBound(sorted, prefix, true);
  if (req.startAfter !== undefined) from = Math.max(from, lowerBound(sorted, req.startAfter, false));
  if (marker) from = Math.max(from, lowerBound(sorted, marker.after, false));
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let last: Marker | undefined;
  let count = 0;
  for (let i = from; i < sorted.length; i++) {
    const key = sorted[i];
    if (!key.startsWith(prefix)) break;
    if (marker?.rolled && key.startsWith(marker.after)) continue;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const rolled = cut >= 0 ? key.slice(0, cut + delimiter!.length) : undefined;
    if (rolled !== undefined && last?.rolled && last.after === rolled) continue;
    if (count === req.maxKeys)
      return {
        keys,
        commonPrefixes,
        isTruncated: true,
        ...(last ? { nextContinuationToken: encodeToken(last), nextMarker: last.after } : {}),
      };
    count++;
    if (rolled !== undefined) {
      commonPrefixes.push(rolled);
      last = { after: rolled, rolled: true };
    } else {
      keys.push(key);
      last = { after: key, rolled: false };
    }
  }
  return { keys, commonPrefixes, isTruncated: false };
};
