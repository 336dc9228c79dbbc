import type { Dimension } from '../common/metrics';

export const basicStatistics = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type BasicStatistic = (typeof basicStatistics)[number];
export const isBasicStatistic = (s: unknown): s is BasicStatistic =>
  typeof s === 'string' && (basicStatistics as readonly string[]).includes(s);

/** An awsJson1_0 timestamp (epoch seconds, possibly fractional) as epoch milliseconds. */
export const epochSecondsToMillis = (s: number): number => Math.round(s * 1000);

/** Dimensions as the store keeps them: plain {Name, Value} pairs. */
export const dimensionsOf = (list: readonly { Name: string; Value: string }[] | undefined): Dimension[] =>
  (list ?? []).map((d) => ({ Name: d.Name, Value: d.Value }));

/** Valid periods: 1, 5, 10, 20, 30 (high resolution) or a multiple of 60 (CloudWatch API reference, Period). */
export const isValidPeriod = (p: number): boolean =>
  Number.isInteger(p) && (p === 1 || p === 5 || p === 10 || p === 20 || p === 30 || (p >= 60 && p % 60 === 0));

/** Small, stable, non-cryptographic hash (FNV-1a) for binding a NextToken to its request. */
export const fnv1a = (s: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
};

const b64encode = (s: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const b64decode = (s: string): string => new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));

export const encodeToken = (o: unknown): string => b64encode(JSON.stringify(o));
export const decodeToken = (token: string): unknown => {
  try {
    return JSON.parse(b64decode(token));
  } catch {
    return undefined;
  }
};
