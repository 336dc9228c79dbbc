/**
 * Firehose's per-stream throughput quota for direct puts (Developer Guide, "Quota"): in US East
 * (N. Virginia), US West (Oregon) and Europe (Ireland) 500,000 records/s, 2,000 requests/s and 5 MiB/s;
 * elsewhere 100,000 records/s, 1,000 requests/s and 1 MiB/s. Counted per whole second of the clock.
 */
const MiB = 1024 * 1024;
const BIG_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

export interface Quota {
  records: number;
  requests: number;
  bytes: number;
}

export const quotaOf = (region: string): Quota =>
  BIG_REGIONS.has(region)
    ? { records: 500_000, requests: 2_000, bytes: 5 * MiB }
    : { records: 100_000, requests: 1_000, bytes: 1 * MiB };

interface Window {
  sec: number;
  records: number;
  requests: number;
  bytes: number;
}

export class Throttle {
  private readonly windows = new Map<string, Window>();

  private window(arn: string, sec: number): Window {
    let w = this.windows.get(arn);
    if (!w || w.sec !== sec) this.windows.set(arn, (w = { sec, records: 0, requests: 0, bytes: 0 }));
    return w;
  }

  /** Counts a request; false when the stream is over its request quota this second. */
  request(arn: string, region: string, now: number): boolean {
    const w = this.window(arn, Math.floor(now / 1000));
    if (w.requests >= quotaOf(region).requests) return false;
    w.requests++;
    return true;
  }

  /** Counts one record of `bytes`; false (and nothing counted) when it would go over the quota this second. */
  record(arn: string, region: string, now: number, bytes: number): boolean {
    const w = this.window(arn, Math.floor(now / 1000));
    const q = quotaOf(region);
    if (w.records + 1 > q.records || w.bytes + bytes > q.bytes) return false;
    w.records++;
    w.bytes += bytes;
    return true;
  }
}
