import type { CapView } from '../module';

/**
 * A copy of what delivery streams receive, for readers inside the emulator (an analytics application
 * whose source is a delivery stream). Firehose keeps no history a reader could replay, so a reader
 * sees only records accepted after it started.
 *
 * Memory stays bounded: a stream's copy holds what its slowest reader still needs, but never more
 * than {@link TAP_MAX_RECORDS} records or {@link TAP_MAX_BYTES} bytes; past either, the OLDEST records
 * are dropped, even if a reader has not read them yet (that reader skips ahead and counts them as
 * dropped). A reader that has not read for {@link READER_LEASE_MS} (a stopped application) holds
 * nothing back any more, and a stream with no reader has no copy at all.
 */
export const TAP_MAX_RECORDS = 100_000;
export const TAP_MAX_BYTES = 16 * 1024 * 1024;
/** A reader that has not read for this long (emulator time) no longer keeps records for itself. */
export const READER_LEASE_MS = 60_000;

/** Where a reader stands: plain JSON, to resume after a stop (LAST_STOPPED_POINT) or a reload. */
export interface TapCheckpoint {
  /** The delivery stream's creation time: a stream made again under the same name starts afresh. */
  streamCreatedAt: number;
  /** The copy the position counts in (a reload or a stream with no reader for a while starts a new one). */
  tap: string;
  /** The position of the next record to read. */
  position: number;
}

const isTapCheckpoint = (c: unknown): c is TapCheckpoint =>
  typeof c === 'object' &&
  c !== null &&
  typeof (c as TapCheckpoint).streamCreatedAt === 'number' &&
  typeof (c as TapCheckpoint).tap === 'string' &&
  typeof (c as TapCheckpoint).position === 'number';

export interface TapRecord {
  /** Base64, as it was put. */
  data: string;
  /** When the delivery stream accepted it, epoch ms. */
  arrivalTime: number;
}

export interface TapRead {
  records: TapRecord[];
  /** How far the oldest unread record is behind the newest received, ms (0 when read to the end). */
  millisBehindLatest: number;
  /** Records this reader lost to the bound since it started. */
  dropped: number;
}

export interface TapReader {
  /** Up to `limit` records, oldest first. */
  read(limit: number): TapRead;
  checkpoint(): TapCheckpoint;
  /** Stops holding records back for this reader. */
  close(): void;
}

interface ReaderState {
  position: number;
  /** When it last read (or opened). */
  seen: number;
}

class StreamTap {
  /** The position of data[head]. */
  first = 0;
  head = 0;
  readonly data: string[] = [];
  readonly arrivals: number[] = [];
  readonly sizes: number[] = [];
  bytes = 0;
  readonly readers = new Set<ReaderState>();

  constructor(
    readonly id: string,
    readonly streamCreatedAt: number,
  ) {}

  get count(): number {
    return this.data.length - this.head;
  }

  get end(): number {
    return this.first + this.count;
  }

  /** Drops the records before `position`; returns records and bytes dropped. */
  dropBefore(position: number): { records: number; bytes: number } {
    let records = 0;
    let bytes = 0;
    while (this.first < position && this.head < this.data.length) {
      bytes += this.sizes[this.head];
      this.bytes -= this.sizes[this.head];
      this.head++;
      this.first++;
      records++;
    }
    if (this.head > 1024 && this.head * 2 > this.data.length) {
      this.data.splice(0, this.head);
      this.arrivals.splice(0, this.head);
      this.sizes.splice(0, this.head);
      this.head = 0;
    }
    return { records, bytes };
  }

  /** The position of the first record that arrived at or after `t` (arrivals only grow). */
  positionAt(t: number): number {
    let lo = this.head;
    let hi = this.data.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.arrivals[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return this.first + (lo - this.head);
  }

  trim(now: number): void {
    for (const r of this.readers) if (now - r.seen > READER_LEASE_MS) this.readers.delete(r);
    let over = this.head;
    let bytes = this.bytes;
    while (over < this.data.length && (this.data.length - over > TAP_MAX_RECORDS || bytes > TAP_MAX_BYTES)) bytes -= this.sizes[over++];
    // What the slowest reader still needs (everything goes when there is no reader), within the bounds.
    let need = this.end;
    for (const r of this.readers) need = Math.min(need, r.position);
    this.dropBefore(Math.max(need, this.first + (over - this.head)));
  }
}

/** Every delivery stream's copy, by ARN. */
export class RecordTap {
  private readonly taps = new Map<string, StreamTap>();
  private started = 0;

  constructor(private readonly now: () => number) {}

  private tap(arn: string, streamCreatedAt: number): StreamTap {
    let t = this.taps.get(arn);
    if (!t || t.streamCreatedAt !== streamCreatedAt) this.taps.set(arn, (t = new StreamTap(`${this.now()}-${++this.started}`, streamCreatedAt)));
    return t;
  }

  /** Records a delivery stream accepted (Base64, with their decoded sizes), all at `now`: kept only while it has readers. */
  receive(arn: string, streamCreatedAt: number, data: readonly string[], sizes: readonly number[]): void {
    const t = this.taps.get(arn);
    if (data.length === 0 || !t || t.streamCreatedAt !== streamCreatedAt) return;
    const now = this.now();
    for (let i = 0; i < data.length; i++) {
      t.data.push(data[i]);
      t.arrivals.push(now);
      t.sizes.push(sizes[i]);
      t.bytes += sizes[i];
    }
    t.trim(now);
  }

  /**
   * A reader of the stream's records from `startAt` (epoch ms; omitted: from now on), or from a
   * checkpoint of the same stream (anything else given as one is ignored). Records the copy no
   * longer holds are skipped.
   */
  reader(arn: string, streamCreatedAt: number, startAt?: number, checkpoint?: unknown): TapReader {
    let t = this.tap(arn, streamCreatedAt);
    const start = (): number => (startAt === undefined ? t.end : t.positionAt(startAt));
    // A checkpoint in an older copy: everything the current copy holds came after it.
    const resumeAt = isTapCheckpoint(checkpoint) && checkpoint.streamCreatedAt === streamCreatedAt ? (checkpoint.tap === t.id && checkpoint.position <= t.end ? checkpoint.position : t.first) : undefined;
    const state: ReaderState = {
      position: resumeAt ?? start(),
      seen: this.now(),
    };
    t.readers.add(state);
    let dropped = 0;
    return {
      read: (limit) => {
        const current = this.tap(arn, streamCreatedAt);
        if (current !== t) {
          // The copy was started again (a restore): carry on from its beginning.
          t.readers.delete(state);
          t = current;
          state.position = t.first;
        }
        state.seen = this.now();
        t.readers.add(state);
        if (state.position < t.first) {
          dropped += t.first - state.position;
          state.position = t.first;
        }
        const from = t.head + (state.position - t.first);
        const to = Math.min(t.data.length, from + Math.max(0, limit));
        const records: TapRecord[] = [];
        for (let i = from; i < to; i++) records.push({ data: t.data[i], arrivalTime: t.arrivals[i] });
        state.position += records.length;
        const behind = to < t.data.length ? t.arrivals[t.data.length - 1] - t.arrivals[to] : 0;
        return { records, millisBehindLatest: behind, dropped };
      },
      checkpoint: () => ({ streamCreatedAt, tap: t.id, position: state.position }),
      close: () => {
        t.readers.delete(state);
      },
    };
  }

  /** Forgets a stream's copy (the stream was deleted). */
  drop(arn: string): void {
    this.taps.delete(arn);
  }

  /** Forgets every copy (a restore replaces the state). */
  clear(): void {
    this.taps.clear();
  }

  usage(): { records: number; bytes: number } {
    let records = 0;
    let bytes = 0;
    for (const t of this.taps.values()) {
      records += t.count;
      bytes += t.bytes;
    }
    return { records, bytes };
  }

  /** The copies by arrival time, for the storage cap (each copy's arrivals only grow). */
  capView(): CapView {
    const taps = [...this.taps.values()].filter((t) => t.count > 0);
    // Per copy, the bytes of its first k records.
    const sums = new Map<StreamTap, number[]>();
    for (const t of taps) {
      const s = [0];
      for (let i = t.head; i < t.data.length; i++) s.push(s[s.length - 1] + t.sizes[i]);
      sums.set(t, s);
    }
    const bytesBefore = (t: StreamTap, position: number): number => sums.get(t)![position - t.first];
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (const t of taps) {
      from = Math.min(from, t.arrivals[t.head]);
      to = Math.max(to, t.arrivals[t.data.length - 1] + 1);
    }
    return {
      span: taps.length > 0 ? { from, to } : undefined,
      keptFrom: (at) => taps.reduce((kept, t) => kept + t.bytes - bytesBefore(t, t.positionAt(at)), 0),
      trimBefore: (at) => {
        let records = 0;
        let bytes = 0;
        for (const t of taps) {
          const cut = t.dropBefore(t.positionAt(at));
          records += cut.records;
          bytes += cut.bytes;
        }
        return { records, bytes };
      },
    };
  }
}

/** Two views as one: the storage cap trims both by the same cutoff. */
export const joinCapViews = (a: CapView, b: CapView): CapView => ({
  span:
    a.span && b.span
      ? { from: Math.min(a.span.from, b.span.from), to: Math.max(a.span.to, b.span.to) }
      : (a.span ?? b.span),
  keptFrom: (t) => a.keptFrom(t) + b.keptFrom(t),
  trimBefore: (t) => {
    const x = a.trimBefore(t);
    const y = b.trimBefore(t);
    return { records: x.records + y.records, bytes: x.bytes + y.bytes };
  },
});
