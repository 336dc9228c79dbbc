import { decodeBase64Into, encodeBase64 } from '../../common/base64';
import { base64DecodedLength } from '../../common/validation';

/**
 * A shard's records, kept compactly: the data bytes (decoded once, on put) in append-only slabs of
 * {@link SLAB_BYTES}, and per record a few numbers in typed columns (sequence counter, arrival time,
 * where its bytes start, how many, its size) plus its partition key. No object per record and no
 * copy of the Base64 text, so a record costs its bytes plus about 40 bytes, and the collector has
 * almost nothing to trace. Records live at indices `head..end-1`; retention moves `head`, frees the
 * slabs whose bytes all belong to records gone, and compacts the columns now and then.
 */

/** Bytes per slab: big enough that slab bookkeeping is nothing, small enough that trimming frees memory steadily. */
export const SLAB_BYTES = 1 << 20;
/** A log's first slab starts this small and doubles up to a full slab (a stream of many idle shards stays small). */
const FIRST_SLAB_BYTES = 4096;
const FIRST_COLUMN_LENGTH = 64;
/** Compact the columns once this many dead records sit before the head (and they are the larger part). */
const COMPACT_AFTER = 1024;

/**
 * Records [a, b) of a log as typed columns and one buffer of their data bytes, in log order: what
 * the binary chunk codec (`recordChunk.ts`) writes and reads, and what {@link RecordLog.appendBlock}
 * takes in a few typed-array copies.
 */
export interface RecordBlock {
  counters: Float64Array;
  arrivals: Float64Array;
  sizes: Int32Array;
  /** Data bytes per record; record i's bytes follow record i-1's in `data`. */
  lengths: Int32Array;
  keys: string[];
  data: Uint8Array;
}

/** A growing slab's next length: a power of two that holds `need` bytes, at least FIRST_SLAB_BYTES, at most a slab. */
const slabLength = (need: number): number => Math.min(SLAB_BYTES, Math.max(FIRST_SLAB_BYTES, 2 ** Math.ceil(Math.log2(need))));

export class RecordLog {
  /** Index of the oldest live record. */
  head = 0;
  /** Index just past the newest record. */
  end = 0;
  private counters = new Float64Array(FIRST_COLUMN_LENGTH);
  private arrivals = new Float64Array(FIRST_COLUMN_LENGTH);
  /** Where each record's data starts, as a byte offset into the log's bytes (slab `floor(offset / SLAB_BYTES)`). */
  private offsets = new Float64Array(FIRST_COLUMN_LENGTH);
  private lengths = new Int32Array(FIRST_COLUMN_LENGTH);
  private sizes = new Int32Array(FIRST_COLUMN_LENGTH);
  private keys: string[] = [];
  /** Slab `slabBase + k` is `slabs[k]`; those before `slabBase` are freed. */
  private slabs: Uint8Array[] = [];
  private slabBase = 0;
  /** Byte offset where the next record's data goes. */
  private bytesEnd = 0;

  /** Live records. */
  get count(): number {
    return this.end - this.head;
  }

  /** Sequence counter of the record at index `i` (its sequence number is the shard's prefix + this, padded). */
  counter(i: number): number {
    return this.counters[i];
  }
  /** ApproximateArrivalTimestamp of the record at `i`, ms. */
  at(i: number): number {
    return this.arrivals[i];
  }
  /** Decoded data bytes + partition key bytes (UTF-8). */
  size(i: number): number {
    return this.sizes[i];
  }
  partitionKey(i: number): string {
    return this.keys[i];
  }
  /** The data as Base64, as it was put. */
  data(i: number): string {
    const off = this.offsets[i];
    const len = this.lengths[i];
    if (len === 0) return '';
    const k = Math.floor(off / SLAB_BYTES);
    const within = off - k * SLAB_BYTES;
    if (within + len <= SLAB_BYTES) return encodeBase64(this.slabs[k - this.slabBase], within, within + len);
    return encodeBase64(this.bytes(i));
  }
  /** The data bytes: a view into the slab (do not keep or change it) or, for a record across two slabs, a copy. */
  bytes(i: number): Uint8Array {
    return this.read(this.offsets[i], this.lengths[i]);
  }

  /** Appends a record whose data is Base64 (canonical: the request was validated). */
  append(counter: number, at: number, data: string, partitionKey: string, size: number): void {
    const len = base64DecodedLength(data);
    const off = this.reserve(len);
    if (len === 0) return this.push(counter, at, off, 0, partitionKey, size);
    const k = Math.floor(off / SLAB_BYTES) - this.slabBase;
    const within = off - (k + this.slabBase) * SLAB_BYTES;
    if (within + len <= SLAB_BYTES) decodeBase64Into(data, this.slabs[k], within);
    else {
      const tmp = new Uint8Array(len);
      decodeBase64Into(data, tmp, 0);
      this.write(off, tmp);
    }
    this.push(counter, at, off, len, partitionKey, size);
  }

  /** Appends a record whose data is bytes (copied in). */
  appendBytes(counter: number, at: number, data: Uint8Array, partitionKey: string, size: number): void {
    const off = this.reserve(data.length);
    this.write(off, data);
    this.push(counter, at, off, data.length, partitionKey, size);
  }

  /** Makes room in the columns for `n` records in all, at once (restoring a log of a known size); a hint: appends grow them as needed anyway. */
  reserveRecords(n: number): void {
    if (Number.isSafeInteger(n) && n > this.counters.length && n <= 1 << 28) this.resize(n);
  }

  /** Records [a, b) as a block: columns copied, `data` a view into a slab when it lies in one (do not keep or change it). */
  block(a: number, b: number): RecordBlock {
    const data = b > a ? this.read(this.offsets[a], this.offsets[b - 1] + this.lengths[b - 1] - this.offsets[a]) : new Uint8Array(0);
    return {
      counters: this.counters.slice(a, b),
      arrivals: this.arrivals.slice(a, b),
      sizes: this.sizes.slice(a, b),
      lengths: this.lengths.slice(a, b),
      keys: this.keys.slice(a, b),
      data,
    };
  }

  /**
   * Appends the records of `block` from index `from` on (copied in): the data bytes in one copy per
   * slab, the columns in one copy each. The caller keeps counters increasing, as {@link append} does.
   */
  appendBlock(block: RecordBlock, from = 0): void {
    const n = block.counters.length - from;
    if (n <= 0) return;
    let skip = 0;
    for (let i = 0; i < from; i++) skip += block.lengths[i];
    const off = this.reserve(block.data.length - skip);
    this.write(off, block.data.subarray(skip));
    const e = this.end;
    if (e + n > this.counters.length) this.resize(2 ** Math.ceil(Math.log2(e + n)));
    this.counters.set(block.counters.subarray(from), e);
    this.arrivals.set(block.arrivals.subarray(from), e);
    this.sizes.set(block.sizes.subarray(from), e);
    this.lengths.set(block.lengths.subarray(from), e);
    let at = off;
    for (let k = 0; k < n; k++) {
      this.offsets[e + k] = at;
      at += block.lengths[from + k];
      this.keys[e + k] = block.keys[from + k];
    }
    this.end = e + n;
  }

  /** Drops the records before index `i` (the oldest ones). */
  dropBefore(i: number): void {
    if (i <= this.head) return;
    const to = Math.min(i, this.end);
    // Let the collector have the partition keys of records gone before the next compaction.
    for (let j = this.head; j < to; j++) this.keys[j] = '';
    this.head = to;
    if (this.head === this.end) {
      this.clear();
      return;
    }
    // Free the slabs that hold only bytes of dropped records.
    const firstLive = Math.floor(this.offsets[this.head] / SLAB_BYTES);
    if (firstLive > this.slabBase) {
      this.slabs.splice(0, firstLive - this.slabBase);
      this.slabBase = firstLive;
    }
    if (this.head > COMPACT_AFTER && this.head * 2 > this.end) this.compact();
  }

  /** Bytes held for this log (slabs and columns), for tests and measurements. */
  heldBytes(): number {
    let n = 0;
    for (const s of this.slabs) n += s.length;
    return n + this.counters.length * 32 + this.keys.length * 8;
  }

  private clear(): void {
    this.head = this.end = 0;
    this.keys = [];
    this.slabs = [];
    this.slabBase = 0;
    this.bytesEnd = 0;
    if (this.counters.length > FIRST_COLUMN_LENGTH) this.resize(FIRST_COLUMN_LENGTH);
  }

  /** Moves the live records to index 0, shrinking the columns when they are mostly empty. */
  private compact(): void {
    const h = this.head;
    const n = this.end - h;
    this.keys = this.keys.slice(h, this.end);
    for (const col of [this.counters, this.arrivals, this.offsets, this.lengths, this.sizes]) col.copyWithin(0, h, this.end);
    this.head = 0;
    this.end = n;
    if (n * 4 < this.counters.length && this.counters.length > FIRST_COLUMN_LENGTH) this.resize(Math.max(FIRST_COLUMN_LENGTH, n * 2));
  }

  private resize(length: number): void {
    const grow = <T extends Float64Array | Int32Array>(col: T, make: (n: number) => T): T => {
      const next = make(length);
      next.set(col.subarray(0, Math.min(this.end, length)));
      return next;
    };
    this.counters = grow(this.counters, (n) => new Float64Array(n));
    this.arrivals = grow(this.arrivals, (n) => new Float64Array(n));
    this.offsets = grow(this.offsets, (n) => new Float64Array(n));
    this.lengths = grow(this.lengths, (n) => new Int32Array(n));
    this.sizes = grow(this.sizes, (n) => new Int32Array(n));
  }

  private push(counter: number, at: number, off: number, len: number, partitionKey: string, size: number): void {
    const i = this.end;
    if (i === this.counters.length) this.resize(i * 2);
    this.counters[i] = counter;
    this.arrivals[i] = at;
    this.offsets[i] = off;
    this.lengths[i] = len;
    this.sizes[i] = size;
    this.keys[i] = partitionKey;
    this.end = i + 1;
  }

  /** Room for `len` more bytes at the end (slabs allocated or grown as needed); returns where they go. */
  private reserve(len: number): number {
    const off = this.bytesEnd;
    if (len === 0) return off;
    const last = off + len;
    for (let k = Math.floor(off / SLAB_BYTES); k * SLAB_BYTES < last; k++) {
      const ix = k - this.slabBase;
      const need = Math.min(SLAB_BYTES, last - k * SLAB_BYTES);
      if (ix === this.slabs.length) {
        // The first slab starts small and grows (many idle shards stay small); later ones are whole.
        this.slabs.push(new Uint8Array(k === 0 ? slabLength(need) : SLAB_BYTES));
      } else if (this.slabs[ix].length < need) {
        const grown = new Uint8Array(slabLength(need));
        grown.set(this.slabs[ix]);
        this.slabs[ix] = grown;
      }
    }
    this.bytesEnd = last;
    return off;
  }

  private write(off: number, data: Uint8Array): void {
    let done = 0;
    while (done < data.length) {
      const k = Math.floor((off + done) / SLAB_BYTES);
      const within = off + done - k * SLAB_BYTES;
      const n = Math.min(data.length - done, SLAB_BYTES - within);
      this.slabs[k - this.slabBase].set(data.subarray(done, done + n), within);
      done += n;
    }
  }

  private read(off: number, len: number): Uint8Array {
    if (len === 0) return new Uint8Array(0);
    const k = Math.floor(off / SLAB_BYTES);
    const within = off - k * SLAB_BYTES;
    if (within + len <= SLAB_BYTES) return this.slabs[k - this.slabBase].subarray(within, within + len);
    const out = new Uint8Array(len);
    let done = 0;
    while (done < len) {
      const kk = Math.floor((off + done) / SLAB_BYTES);
      const w = off + done - kk * SLAB_BYTES;
      const n = Math.min(len - done, SLAB_BYTES - w);
      out.set(this.slabs[kk - this.slabBase].subarray(w, w + n), done);
      done += n;
    }
    return out;
  }
}

export const emptyLog = (): RecordLog => new RecordLog();

/** A shard's records column by column in plain arrays: how snapshots of version 2 held them, and the bulk chunk format. */
export interface RecordColumns {
  counter: number[];
  at: number[];
  /** Base64. */
  data: string[];
  partitionKey: string[];
  size: number[];
}

/** The records at indices [a, b) as columns (data encoded to Base64). */
export const columnsOf = (log: RecordLog, a = log.head, b = log.end): RecordColumns => {
  const c: RecordColumns = { counter: [], at: [], data: [], partitionKey: [], size: [] };
  for (let i = a; i < b; i++) {
    c.counter.push(log.counter(i));
    c.at.push(log.at(i));
    c.data.push(log.data(i));
    c.partitionKey.push(log.partitionKey(i));
    c.size.push(log.size(i));
  }
  return c;
};

/** Snapshots of version 2 kept the log as columns with a head. */
export type LegacyRecordLog = RecordColumns & { head: number };

/** The live records of a version-2 log. */
export const logOfColumns = (cols: LegacyRecordLog): RecordLog => {
  const log = new RecordLog();
  for (let i = cols.head; i < cols.counter.length; i++) log.append(cols.counter[i], cols.at[i], cols.data[i], cols.partitionKey[i], cols.size[i]);
  return log;
};

/** Drops records that arrived before `cutoff` (arrival order is log order). */
export const trimBefore = (log: RecordLog, cutoff: number): void => {
  if (log.head < log.end && log.at(log.head) < cutoff) log.dropBefore(seekTime(log, cutoff));
};

/** First live index whose counter is >= c (or > c when `after`). */
export const seekCounter = (log: RecordLog, c: number, after: boolean): number => {
  let lo = log.head;
  let hi = log.end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = log.counter(mid);
    if (after ? m <= c : m < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** First live index that arrived at or after `t`. */
export const seekTime = (log: RecordLog, t: number): number => {
  let lo = log.head;
  let hi = log.end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log.at(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
