/**
 * A shard's records, stored column by column (plain arrays, so a snapshot is JSON): no object per
 * record, which keeps the collector's work small at a million records a second. Records live at
 * indices `head..length-1`; retention moves `head` and compacts now and then.
 */
export interface RecordLog {
  /** Sequence number counters (the record's sequence number is the shard's prefix + this, padded). */
  counter: number[];
  /** ApproximateArrivalTimestamp, ms. */
  at: number[];
  /** Base64, as received. */
  data: string[];
  partitionKey: string[];
  /** Decoded data bytes + partition key bytes. */
  size: number[];
  head: number;
}

export const emptyLog = (): RecordLog => ({ counter: [], at: [], data: [], partitionKey: [], size: [], head: 0 });

export const append = (log: RecordLog, counter: number, at: number, data: string, partitionKey: string, size: number): void => {
  log.counter.push(counter);
  log.at.push(at);
  log.data.push(data);
  log.partitionKey.push(partitionKey);
  log.size.push(size);
};

/** A copy holding only the live records. */
export const liveLog = (log: RecordLog): RecordLog => {
  const h = log.head;
  return {
    counter: log.counter.slice(h),
    at: log.at.slice(h),
    data: log.data.slice(h),
    partitionKey: log.partitionKey.slice(h),
    size: log.size.slice(h),
    head: 0,
  };
};

/** Drops records that arrived before `cutoff` (arrival order is log order). */
export const trimBefore = (log: RecordLog, cutoff: number): void => {
  const at = log.at;
  let h = log.head;
  if (h >= at.length || at[h] >= cutoff) return;
  while (h < at.length && at[h] < cutoff) h++;
  if (h > 1024 && h * 2 > at.length) {
    log.counter = log.counter.slice(h);
    log.at = at.slice(h);
    log.data = log.data.slice(h);
    log.partitionKey = log.partitionKey.slice(h);
    log.size = log.size.slice(h);
    log.head = 0;
  } else {
    log.head = h;
  }
};

/** First live index whose counter is >= c (or > c when `after`). */
export const seekCounter = (log: RecordLog, c: number, after: boolean): number => {
  const a = log.counter;
  let lo = log.head;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after ? a[mid] <= c : a[mid] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** First live index that arrived at or after `t`. */
export const seekTime = (log: RecordLog, t: number): number => {
  const a = log.at;
  let lo = log.head;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
