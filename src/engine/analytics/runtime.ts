/**
 * Running applications: for every application the store says is RUNNING (or UPDATING), an instance
 * of the SQL engine fed from its source, on the emulator's clock, with its output rows delivered to
 * its destinations and the newest rows of each in-application stream kept for the console to show.
 * Pure and clock-driven: `advance(now)` does the work due and says when it next needs to run.
 */
import type { Clock } from '../common/clock';
import type { Rng } from '../common/rng';
import { Application as SqlApplication, displayValue, ERROR_STREAM, type InAppStream } from '../sql/application';
import type { Row } from '../sql/compile';
import { Aggregated, originOf } from '../sql/provenance';
import type { SqlType } from '../sql/types';
import { csvField } from './recordFormat';
import type { AnalyticsStore } from './store';
import type { AnalyticsApplication, ApplicationOutput, InputStartingPosition } from './types';

/** A source read position that survives a stop (LAST_STOPPED_POINT) and a reload: plain JSON. */
export type SourceCheckpoint = unknown;

export interface SourceRecord {
  /** The record's data as text (UTF-8). */
  data: string;
  /** ApproximateArrivalTimestamp, epoch ms. */
  arrival: number;
  /** Where a Kinesis stream's record sits: rows made from it alone keep this (see sql/provenance.ts). */
  shardId?: string;
  sequenceNumber?: string;
  partitionKey?: string;
}

/** The Kinesis record a row was made from, as the console shows it. */
export interface RecordOrigin {
  kind: 'record';
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  arrival: number;
  data: string;
}

/** A row computed over a window: how many rows made it, and the window. */
export interface AggregateOrigin {
  kind: 'aggregate';
  rows: number;
  windowStart: number;
  windowEnd: number;
}

export type RowOrigin = RecordOrigin | AggregateOrigin;

const toRowOrigin = (o: unknown): RowOrigin | undefined => {
  if (o instanceof Aggregated) return { kind: 'aggregate', rows: o.rows, windowStart: o.windowStart, windowEnd: o.windowEnd };
  const r = o as SourceRecord | undefined;
  if (r?.sequenceNumber === undefined) return undefined;
  return { kind: 'record', shardId: r.shardId!, sequenceNumber: r.sequenceNumber, partitionKey: r.partitionKey ?? '', arrival: r.arrival, data: r.data };
};

/** A reader of an application's source, within the source's read limits. */
export interface SourceReader {
  /**
   * Records available now, oldest first, at most `limit`. `gone` when the source no longer exists;
   * `caughtUp` when a source with per-shard read limits (a Kinesis stream) has nothing more to give
   * now, so the next read can wait {@link CAUGHT_UP_POLL_MS}.
   */
  read(limit: number): { records: SourceRecord[]; gone?: boolean; caughtUp?: boolean };
  /** Where reading stands, for LAST_STOPPED_POINT. */
  checkpoint(): SourceCheckpoint;
  /** The application no longer reads (it stopped): the source need not keep records for it. */
  close?(): void;
}

/** What running applications need of the other services. */
export interface RuntimeEnvironment {
  /** A reader over a Kinesis stream or Firehose delivery stream, or undefined if it does not exist. */
  openSource(arn: string, region: string, from: InputStartingPosition, checkpoint?: SourceCheckpoint): SourceReader | undefined;
  /** Writes records to a Kinesis stream or delivery stream; returns how many of the first were accepted (the rest are retried). */
  deliver(output: ApplicationOutput, region: string, records: string[]): number;
}

/**
 * How often a running application reads its source while it is behind: a shard takes 5 GetRecords
 * calls a second, so one every 200 ms at most.
 */
export const POLL_MS = 200;
/**
 * How often it reads a Kinesis source it has caught up with: about once a second per shard, as the
 * managed consumers (KDA, Firehose, Lambda) do, which leaves the shard's other reads to other consumers
 * (AWS's best practice for SQL applications: at most two applications per stream, or reads throttle).
 */
export const CAUGHT_UP_POLL_MS = 1000;
/** Records read per poll. */
export const READ_LIMIT = 10_000;
/** Rows kept per in-application stream for the console. */
export const TAIL_ROWS = 1_000;
/** Output records waiting for a destination that throttles; past it the oldest are dropped and counted. */
export const MAX_PENDING_OUTPUT = 100_000;

export interface TailRow {
  /** Increasing per application, so a reader can ask for rows after the last it saw. */
  seq: number;
  rowtime: number;
  /** Column values as shown: numbers, strings, timestamps as 'YYYY-MM-DD HH:MM:SS.mmm', null. */
  values: unknown[];
  /** Where the row came from, when the pipeline can tell (a Kinesis source, no join or sliding window on the way). */
  origin?: RowOrigin;
}

/** A kept row: its origin as the SQL engine handed it, turned into a RowOrigin only when read. */
interface KeptRow {
  seq: number;
  rowtime: number;
  values: unknown[];
  origin: unknown;
}

export interface StreamTail<R = TailRow> {
  name: string;
  /** The stream's columns after ROWTIME; hidden ones (APPROXIMATE_ARRIVAL_TIME) are not written to a destination. */
  columns: { name: string; type: string; hidden?: boolean }[];
  /** The in-application streams the pumps writing this one read (none for the source). */
  from: string[];
  rows: R[];
  /** Rows that passed through the stream since the application started. */
  total: number;
}

interface Destination {
  output: ApplicationOutput;
  pending: string[];
  dropped: number;
}

class RunningApp {
  readonly sql: SqlApplication;
  readonly tails = new Map<string, StreamTail<KeptRow>>();
  readonly destinations: Destination[] = [];
  private seq = 0;
  private reader?: SourceReader;
  nextPoll = 0;

  constructor(
    readonly app: AnalyticsApplication,
    readonly version: number,
    clock: Clock,
    rng: Rng,
  ) {
    this.sql = new SqlApplication(app.Code, { clock, rng, inputSchema: app.Inputs[0]?.InputSchema });
    for (const output of app.Outputs) this.destinations.push({ output, pending: [], dropped: 0 });
    this.sql.subscribe((stream, row) => this.onRow(stream, row));
  }

  open(env: RuntimeEnvironment, from: InputStartingPosition, checkpoint?: SourceCheckpoint): boolean {
    const input = this.app.Inputs[0];
    const arn = input?.KinesisStreamsInputDescription?.ResourceARN ?? input?.KinesisFirehoseInputDescription?.ResourceARN;
    this.reader = arn ? env.openSource(arn, this.app._region, from, checkpoint) : undefined;
    return this.reader !== undefined;
  }

  checkpoint(): SourceCheckpoint {
    return this.reader?.checkpoint();
  }

  close(): void {
    this.reader?.close?.();
    this.reader = undefined;
  }

  /**
   * Reads what has arrived, runs it through the SQL and delivers the outputs. 'gone' when the source
   * is gone; 'caughtUp' when the next read can wait {@link CAUGHT_UP_POLL_MS}.
   */
  poll(now: number, env: RuntimeEnvironment): 'gone' | 'caughtUp' | 'behind' {
    if (!this.reader) return 'gone';
    const { records, gone, caughtUp } = this.reader.read(READ_LIMIT);
    for (const r of records) {
      this.sql.advance(Math.min(r.arrival, now));
      // The record itself is the origin (no copy): only rows kept for the console look at it.
      this.sql.pushRecord(r.data, r.arrival, r.sequenceNumber === undefined ? undefined : r);
    }
    this.sql.advance(now);
    this.flush(env);
    return gone ? 'gone' : caughtUp ? 'caughtUp' : 'behind';
  }

  flush(env: RuntimeEnvironment): void {
    for (const d of this.destinations) {
      if (d.pending.length === 0) continue;
      const accepted = env.deliver(d.output, this.app._region, d.pending);
      d.pending.splice(0, accepted);
    }
  }

  private onRow(stream: InAppStream, row: Row): void {
    const cols = stream.def.columns;
    let tail = this.tails.get(stream.name);
    if (!tail) {
      const from = [...new Set(this.sql.pumps.filter((p) => p.target === stream.name).flatMap((p) => p.sources))];
      tail = { name: stream.name, columns: cols.slice(1).map((c) => (c.hidden ? { name: c.name, type: c.type.kind, hidden: true } : { name: c.name, type: c.type.kind })), from, rows: [], total: 0 };
      this.tails.set(stream.name, tail);
    }
    const values = new Array<unknown>(cols.length - 1);
    for (let i = 1; i < cols.length; i++) values[i - 1] = displayValue(cols[i].type, row[i]);
    tail.rows.push({ seq: ++this.seq, rowtime: row[0] as number, values, origin: originOf(row) });
    if (tail.rows.length > TAIL_ROWS * 1.25) tail.rows.splice(0, tail.rows.length - TAIL_ROWS);
    tail.total++;
    if (stream.name === ERROR_STREAM) return;
    for (const d of this.destinations) {
      if (!sameStream(d.output.Name, stream.name)) continue;
      d.pending.push(formatRecord(d.output.DestinationSchema.RecordFormatType, cols, row));
      if (d.pending.length > MAX_PENDING_OUTPUT) d.dropped += d.pending.splice(0, d.pending.length - MAX_PENDING_OUTPUT).length;
    }
  }
}

/** An output's Name matches the in-application stream as written, or folded to upper case as unquoted SQL names are. */
const sameStream = (outputName: string, streamName: string): boolean => outputName === streamName || outputName.toUpperCase() === streamName;

export const formatRecord = (format: 'JSON' | 'CSV', columns: { name: string; type: SqlType; hidden?: boolean }[], row: Row): string => {
  if (format === 'CSV') {
    const fields: string[] = [];
    for (let i = 1; i < columns.length; i++) if (!columns[i].hidden) fields.push(csvField(displayValue(columns[i].type, row[i])));
    return `${fields.join(',')}\n`;
  }
  const out: Record<string, unknown> = {};
  for (let i = 1; i < columns.length; i++) if (!columns[i].hidden) out[columns[i].name] = displayValue(columns[i].type, row[i]);
  return JSON.stringify(out);
};

export class AnalyticsRuntime {
  private readonly running = new Map<string, RunningApp>();

  constructor(
    private readonly store: AnalyticsStore,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly env: RuntimeEnvironment,
  ) {}

  /** Starts, restarts (new version) and stops instances to match the store, then polls those due. */
  advance(now: number): number | undefined {
    const live = new Set<string>();
    for (const app of this.store.all()) {
      const active = app.ApplicationStatus === 'RUNNING' || app.ApplicationStatus === 'UPDATING';
      if (!active) continue;
      live.add(app.ApplicationARN);
      let r = this.running.get(app.ApplicationARN);
      if (r && r.version !== app.ApplicationVersionId) {
        // An update: carry on from where the old version had read.
        const checkpoint = r.checkpoint();
        r.close();
        r = this.launch(app, 'LAST_STOPPED_POINT', checkpoint);
      } else if (!r && app._readingAt !== undefined) {
        // Running when the state was saved (restored after a page reload or a restart): on from where it had read.
        r = this.launch(app, 'LAST_STOPPED_POINT', app._readingAt);
      } else if (!r) {
        const from = app._startingPosition ?? 'NOW';
        r = this.launch(app, from, from === 'LAST_STOPPED_POINT' ? app._checkpoint : undefined);
      }
      if (!r) continue;
      if (now >= r.nextPoll) {
        const read = r.poll(now, this.env);
        r.nextPoll = now + (read === 'caughtUp' ? CAUGHT_UP_POLL_MS : POLL_MS);
        if (read === 'gone') this.stopBecauseSourceIsGone(app);
        else app._readingAt = r.checkpoint();
      }
    }
    for (const [arn, r] of this.running) {
      if (live.has(arn) && this.store.applications.has(arn)) continue;
      // Stopped (or deleted): remember where it stood for LAST_STOPPED_POINT.
      const app = this.store.applications.get(arn);
      if (app) {
        app._checkpoint = r.checkpoint();
        delete app._readingAt;
      }
      r.close();
      this.running.delete(arn);
    }
    let next: number | undefined = this.store.nextTransition();
    for (const r of this.running.values()) next = next === undefined ? r.nextPoll : Math.min(next, r.nextPoll);
    return next;
  }

  private launch(app: AnalyticsApplication, from: InputStartingPosition, checkpoint?: SourceCheckpoint): RunningApp | undefined {
    let r: RunningApp;
    try {
      r = new RunningApp(app, app.ApplicationVersionId, this.clock, this.rng);
    } catch (e) {
      // The code was checked when it was saved; an engine change could still refuse it.
      this.stopWith(app, `The application's SQL could not be compiled: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    if (!r.open(this.env, from, checkpoint)) {
      this.stopBecauseSourceIsGone(app);
      return undefined;
    }
    this.running.set(app.ApplicationARN, r);
    return r;
  }

  private stopBecauseSourceIsGone(app: AnalyticsApplication): void {
    const input = app.Inputs[0];
    const arn = input?.KinesisStreamsInputDescription?.ResourceARN ?? input?.KinesisFirehoseInputDescription?.ResourceARN ?? 'its source';
    this.stopWith(app, `The application stopped because its source ${arn} no longer exists.`);
  }

  private stopWith(app: AnalyticsApplication, reason: string): void {
    app._statusReason = reason;
    this.store.transition(app, 'STOPPING', 'READY');
    const r = this.running.get(app.ApplicationARN);
    if (r) {
      app._checkpoint = r.checkpoint();
      r.close();
    }
    delete app._readingAt;
    this.running.delete(app.ApplicationARN);
  }

  /** The newest rows of every in-application stream of a running application, after `afterSeq`. */
  tail(arn: string, afterSeq = 0, limit = TAIL_ROWS): { running: boolean; streams: StreamTail[] } {
    const r = this.running.get(arn);
    if (!r) return { running: false, streams: [] };
    const streams = [...r.tails.values()].map((t) => {
      const rows = t.rows.filter((x) => x.seq > afterSeq);
      const shown = rows.slice(Math.max(0, rows.length - limit)).map(({ seq, rowtime, values, origin }): TailRow => {
        const o = toRowOrigin(origin);
        return o ? { seq, rowtime, values, origin: o } : { seq, rowtime, values };
      });
      return { ...t, rows: shown };
    });
    return { running: true, streams };
  }

  /** Each pump's operator plan, as plain data. */
  explain(arn: string) {
    return this.running.get(arn)?.sql.explain();
  }

  /** Output records a destination has not taken yet, and those dropped waiting. */
  backlog(arn: string): { outputId: string; pending: number; dropped: number }[] {
    return (this.running.get(arn)?.destinations ?? []).map((d) => ({ outputId: d.output.OutputId, pending: d.pending.length, dropped: d.dropped }));
  }
}
