/**
 * Buffering and delivery to S3, on the emulator's clock. Records enter a stream's open buffer; the buffer
 * is sealed into a batch when it reaches BufferingHints.SizeInMBs (measured before compression) or has been
 * open IntervalInSeconds; `advance(now)` transforms and writes sealed batches (in order, one stream's
 * batches never overtaking each other), retries failed writes, reads Kinesis sources, and says when it
 * next needs to run. Pure: no timers; the host calls `advance`.
 */
import { gzipSync } from 'fflate';
import { isAwsError } from '../common/errors';
import type { EngineContext } from '../protocol/context';
import { base64DecodedLength } from '../common/validation';
import { base64ToBytes, bytesToBase64 } from '../common/base64';
import { decodeBase64Into } from './base64';
import type {
  FirehoseEnvironment,
  SourceReader,
  TransformInputRecord,
  TransformOutputRecord,
} from './environment';
import { TransformFailure } from './environment';
import type { FirehoseMetrics } from './metrics';
import { dataPrefix, errorPrefix, objectKey } from './prefix';
import { RecordTap } from './tap';
import type { FirehoseStore } from './store';
import type { DeliveryStream } from './types';

const MiB = 1024 * 1024;
/** How often a KinesisStreamAsSource stream is read (Firehose reads each shard about once a second). */
export const POLL_MS = 1000;
/** Records read from the source per poll. */
export const READ_LIMIT = 10_000;
/** Wait between attempts to write to S3 after a failure (the console's choice; AWS backs off on its own schedule). */
export const RETRY_MS = 5_000;
/** "Firehose retries for up to 24 hours" when S3 is unavailable (Developer Guide, data delivery failure handling); then the data is lost. */
export const MAX_RETRY_MS = 24 * 3600_000;
/** Delivery errors kept per stream for the console. */
export const ERRORS_KEPT = 100;
/** Lambda processor defaults (Developer Guide, data transformation): a 1 MiB invocation buffer and 3 retries. */
const DEFAULT_TRANSFORM_MB = 1;
const DEFAULT_RETRIES = 3;

/** A record's data: bytes, or the Base64 text it arrived as (decoded only when written, straight into the object). */
export type RecordData = Uint8Array | string;

const sizeOf = (d: RecordData): number => (typeof d === 'string' ? base64DecodedLength(d) : d.length);
const base64Of = (d: RecordData): string => (typeof d === 'string' ? d : bytesToBase64(d));

interface Buffer {
  data: RecordData[];
  arrivals: number[];
  bytes: number;
  /** When the buffer's first record came in: the interval counts from here. */
  openedAt: number;
}

/** What a sealed batch writes: the records to deliver and the error documents of those that failed. */
interface Prepared {
  ok: Buffer;
  failed: { lines: string[]; oldest: number };
  dataWritten: boolean;
  errorsWritten: boolean;
}

interface Batch extends Buffer {
  nextAttempt: number;
  firstAttempt?: number;
  inFlight?: boolean;
  prepared?: Prepared;
}

interface StreamState {
  open?: Buffer;
  sealed: Batch[];
  /** The position of the oldest buffered record: records are numbered as they come in, and leave from the oldest end. */
  first: number;
  reader?: SourceReader;
  nextPoll: number;
}

/** A record in the shape bulk savers store it. */
export interface BufferedRecords {
  streamArn: string;
  /** The position of the first record (see {@link Delivery.loadBuffer}). */
  first: number;
  data: RecordData[];
  arrivals: number[];
}

const utf8 = new TextEncoder();
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const concat = (parts: RecordData[], bytes: number): Uint8Array => {
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0];
  const out = new Uint8Array(bytes);
  let o = 0;
  for (const p of parts) {
    if (typeof p === 'string') o += decodeBase64Into(p, out, o);
    else {
      out.set(p, o);
      o += p.length;
    }
  }
  return out;
};

const emptyBuffer = (now: number): Buffer => ({ data: [], arrivals: [], bytes: 0, openedAt: now });

const oldest = (arrivals: number[]): number => {
  let m = Number.POSITIVE_INFINITY;
  for (const a of arrivals) if (a < m) m = a;
  return m;
};

/** The bucket name of an S3 bucket ARN (`arn:aws:s3:::name`). */
export const bucketOf = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);

const parameter = (s: DeliveryStream, name: string): string | undefined =>
  s.Destination.ProcessingConfiguration.Processors?.find((p) => p.Type === 'Lambda')?.Parameters?.find(
    (p) => p.ParameterName === name,
  )?.ParameterValue;

/** The Lambda ARN a stream's transformation runs, when processing is on. */
export const lambdaOf = (s: DeliveryStream): string | undefined =>
  s.Destination.ProcessingConfiguration.Enabled ? parameter(s, 'LambdaArn') : undefined;

export class Delivery {
  private readonly streams = new Map<string, StreamState>();
  private readonly pending = new Set<Promise<void>>();
  private batchSeq = 0;
  /** A copy of what each stream receives, for readers inside the emulator. */
  readonly tap: RecordTap;

  constructor(
    private readonly ctx: EngineContext,
    private readonly store: FirehoseStore,
    private readonly env: FirehoseEnvironment,
    private readonly metrics: FirehoseMetrics,
  ) {
    this.tap = new RecordTap(() => ctx.clock.now());
  }

  private state(arn: string): StreamState {
    let st = this.streams.get(arn);
    if (!st) this.streams.set(arn, (st = { sealed: [], first: 0, nextPoll: 0 }));
    return st;
  }

  /** Takes records into the stream's buffer, sealing it whenever it reaches its size. */
  append(s: DeliveryStream, data: RecordData[], arrivals: number[] | number, sizes?: number[]): void {
    const st = this.state(s.DeliveryStreamARN);
    const now = this.ctx.clock.now();
    const limit = s.Destination.BufferingHints.SizeInMBs * MiB;
    for (let i = 0; i < data.length; i++) {
      const open = (st.open ??= emptyBuffer(now));
      open.data.push(data[i]);
      open.arrivals.push(typeof arrivals === 'number' ? arrivals : arrivals[i]);
      open.bytes += sizes ? sizes[i] : sizeOf(data[i]);
      if (open.bytes >= limit) this.seal(st, now);
    }
  }

  /** Records the stream accepted (a put, or a read of its source): into its buffer and its copy for readers. */
  receive(s: DeliveryStream, data: RecordData[], arrivals: number[] | number, sizes: number[]): void {
    this.append(s, data, arrivals, sizes);
    this.tap.receive(s.DeliveryStreamARN, s.CreateTimestamp, data.map(base64Of), sizes);
  }

  private seal(st: StreamState, now: number): void {
    if (!st.open || st.open.data.length === 0) return;
    st.sealed.push({ ...st.open, nextAttempt: now });
    st.open = undefined;
  }

  /** Buffered records and bytes of a stream (open buffer and sealed batches not yet written). */
  buffered(arn: string): { records: number; bytes: number } {
    const st = this.streams.get(arn);
    let records = 0;
    let bytes = 0;
    for (const b of [...(st?.open ? [st.open] : []), ...(st?.sealed ?? [])]) {
      records += b.data.length;
      bytes += b.bytes;
    }
    return { records, bytes };
  }

  /**
   * The newest records waiting in a stream's buffers (at most `limit`, oldest first, Base64): what
   * schema discovery samples, as Firehose keeps no other history.
   */
  newest(arn: string, limit: number): string[] {
    const st = this.streams.get(arn);
    if (!st) return [];
    const out: string[] = [];
    const parts: Buffer[] = [...st.sealed, ...(st.open ? [st.open] : [])];
    for (let p = parts.length - 1; p >= 0 && out.length < limit; p--)
      for (let i = parts[p].data.length - 1; i >= 0 && out.length < limit; i--) out.push(base64Of(parts[p].data[i]));
    return out.reverse();
  }

  /** Forgets a stream's buffers (the stream was deleted). */
  drop(arn: string): void {
    this.streams.delete(arn);
    this.tap.drop(arn);
  }

  /** Does the work due by `now`; returns when it next needs to run (undefined: nothing scheduled). */
  advance(now: number): number | undefined {
    let next: number | undefined;
    const consider = (t: number) => {
      if (next === undefined || t < next) next = t;
    };
    const live = new Set<string>();
    for (const s of this.store.all()) {
      if (s.DeliveryStreamStatus !== 'ACTIVE') continue;
      live.add(s.DeliveryStreamARN);
      const st = this.state(s.DeliveryStreamARN);
      if (s.KinesisStreamSource) {
        if (now >= st.nextPoll) this.poll(s, st, now);
        consider(st.nextPoll);
      }
      const interval = s.Destination.BufferingHints.IntervalInSeconds * 1000;
      if (
        st.open &&
        (now >= st.open.openedAt + interval || st.open.bytes >= s.Destination.BufferingHints.SizeInMBs * MiB)
      )
        this.seal(st, now);
      if (st.open) consider(st.open.openedAt + interval);
      while (st.sealed.length > 0) {
        const batch = st.sealed[0];
        if (batch.inFlight) break;
        if (batch.nextAttempt > now) {
          consider(batch.nextAttempt);
          break;
        }
        if (!batch.prepared) {
          const lambda = lambdaOf(s);
          if (lambda !== undefined && this.env.transform) {
            this.startTransform(s, batch, lambda);
            break;
          }
          batch.prepared = {
            ok: batch,
            failed: { lines: [], oldest: 0 },
            dataWritten: false,
            errorsWritten: false,
          };
        }
        if (this.write(s, batch, now)) this.done(st);
        else {
          batch.firstAttempt ??= now;
          if (now - batch.firstAttempt >= MAX_RETRY_MS) this.done(st);
          else {
            batch.nextAttempt = now + RETRY_MS;
            consider(batch.nextAttempt);
            break;
          }
        }
      }
    }
    for (const arn of this.streams.keys())
      if (!live.has(arn) && !this.store.byArn(arn)) this.streams.delete(arn);
    // After the loop, which brought every status up to date.
    const transition = this.store.nextTransition();
    if (transition !== undefined) consider(transition);
    return next;
  }

  /** The oldest batch has been written (or given up): its records leave the buffer. */
  private done(st: StreamState): void {
    st.first += st.sealed.shift()!.data.length;
  }

  /** Resolves when every transformation under way has finished (tests; the host uses `wake`). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private poll(s: DeliveryStream, st: StreamState, now: number): void {
    st.nextPoll = now + POLL_MS;
    st.reader ??= this.env.openSource?.(
      s.KinesisStreamSource!.KinesisStreamARN,
      s._region,
      s.KinesisStreamSource!.DeliveryStartTimestamp,
      s._checkpoint,
    );
    if (!st.reader) return;
    const { records, gone } = st.reader.read(READ_LIMIT);
    if (records.length > 0) {
      const data = records.map((r) => r.data);
      const sizes = data.map(sizeOf);
      this.receive(
        s,
        data,
        records.map((r) => r.arrival),
        sizes,
      );
      let bytes = 0;
      for (const n of sizes) bytes += n;
      this.metrics.put(s, 'IncomingRecords', records.length, 'Count');
      this.metrics.put(s, 'IncomingBytes', bytes, 'Bytes');
    }
    s._checkpoint = st.reader.checkpoint();
    if (gone) {
      st.reader = undefined;
      // The console's own text: the source stream was deleted under the delivery stream.
      this.logError(
        s,
        now,
        'Kinesis.SourceNotFound',
        `The source Kinesis stream ${s.KinesisStreamSource!.KinesisStreamARN} does not exist.`,
      );
    }
  }

  private logError(s: DeliveryStream, time: number, errorCode: string, message: string): void {
    if (!s.Destination.CloudWatchLoggingOptions.Enabled) return;
    s._errors.push({ time, errorCode, message });
    if (s._errors.length > ERRORS_KEPT) s._errors.splice(0, s._errors.length - ERRORS_KEPT);
  }

  /** Writes a prepared batch's objects; false (after logging why) when S3 refused one. */
  private write(s: DeliveryStream, batch: Batch, now: number): boolean {
    const p = batch.prepared!;
    const d = s.Destination;
    const bucket = bucketOf(d.BucketARN);
    try {
      if (!p.dataWritten && p.ok.data.length > 0) {
        const t = oldest(p.ok.arrivals);
        const raw = concat(p.ok.data, p.ok.bytes);
        const gz = d.CompressionFormat === 'GZIP';
        const body = gz ? gzipSync(raw) : raw;
        const key = objectKey(
          dataPrefix(d.Prefix, t, this.ctx.rng),
          s.DeliveryStreamName,
          s.VersionId,
          t,
          this.ctx.rng,
          gz ? '.gz' : '',
        );
        try {
          this.env.putObject(bucket, key, body);
        } catch (e) {
          this.metrics.put(s, 'DeliveryToS3.Success', 0, 'Count');
          throw e;
        }
        p.dataWritten = true;
        this.metrics.put(s, 'DeliveryToS3.Records', p.ok.data.length, 'Count');
        this.metrics.put(s, 'DeliveryToS3.Bytes', p.ok.bytes, 'Bytes');
        this.metrics.put(s, 'DeliveryToS3.Success', 1, 'Count');
        this.metrics.put(
          s,
          'DeliveryToS3.DataFreshness',
          Math.max(0, Math.round((now - t) / 1000)),
          'Seconds',
        );
      }
      if (!p.errorsWritten && p.failed.lines.length > 0) {
        const t = p.failed.oldest;
        const key = objectKey(
          errorPrefix(d.Prefix, d.ErrorOutputPrefix, 'processing-failed', t, this.ctx.rng),
          s.DeliveryStreamName,
          s.VersionId,
          t,
          this.ctx.rng,
          '',
        );
        this.env.putObject(bucket, key, utf8.encode(p.failed.lines.join('\n') + '\n'));
        p.errorsWritten = true;
      }
      return true;
    } catch (e) {
      if (!isAwsError(e)) throw e;
      // Firehose logs S3's error code with an `S3.` prefix (Developer Guide, "Amazon S3 data delivery errors").
      this.logError(s, now, `S3.${e.code}`, e.message);
      return false;
    }
  }

  /** Runs the transformation on a batch in invocations of at most the processor's buffer size, with retries. */
  private startTransform(s: DeliveryStream, batch: Batch, lambdaArn: string): void {
    batch.inFlight = true;
    const seq = ++this.batchSeq;
    const chunkBytes = Number(parameter(s, 'BufferSizeInMBs') ?? DEFAULT_TRANSFORM_MB) * MiB;
    const retries = Number(parameter(s, 'NumberOfRetries') ?? DEFAULT_RETRIES);
    const chunks: number[][] = [];
    let cur: number[] = [];
    let curBytes = 0;
    for (let i = 0; i < batch.data.length; i++) {
      const size = Math.ceil(sizeOf(batch.data[i]) / 3) * 4;
      if (cur.length > 0 && curBytes + size > chunkBytes) {
        chunks.push(cur);
        cur = [];
        curBytes = 0;
      }
      cur.push(i);
      curBytes += size;
    }
    if (cur.length > 0) chunks.push(cur);
    const recordId = (i: number) => `${seq}${String(i).padStart(10, '0')}`;
    const ok: Buffer = emptyBuffer(batch.openedAt);
    const lines: string[] = [];
    let failedOldest = Number.POSITIVE_INFINITY;
    const fail = (i: number, code: string, message: string, attempts: number) => {
      const arrival = batch.arrivals[i];
      if (arrival < failedOldest) failedOldest = arrival;
      // The envelope of a record that failed transformation (Developer Guide, "Handle failure in data transformation").
      lines.push(
        JSON.stringify({
          attemptsMade: attempts,
          arrivalTimestamp: arrival,
          errorCode: code,
          errorMessage: message,
          attemptEndingTimestamp: this.ctx.clock.now(),
          rawData: base64Of(batch.data[i]),
          lambdaArn: lambdaArn,
        }),
      );
    };
    const started = this.ctx.clock.now();
    const invoke = async (chunk: number[]): Promise<void> => {
      const input: TransformInputRecord[] = chunk.map((i) => ({
        recordId: recordId(i),
        approximateArrivalTimestamp: batch.arrivals[i],
        data: base64Of(batch.data[i]),
      }));
      let attempts = 0;
      let output: TransformOutputRecord[] | undefined;
      let failure: TransformFailure | undefined;
      while (attempts <= retries) {
        attempts++;
        try {
          output = await this.env.transform!(lambdaArn, input, { deliveryStreamArn: s.DeliveryStreamARN, region: s._region });
          break;
        } catch (e) {
          failure =
            e instanceof TransformFailure
              ? e
              : new TransformFailure(
                  'Lambda.FunctionError',
                  'The Lambda function was successfully invoked but it returned an error result.',
                );
        }
      }
      if (!output) {
        for (const i of chunk) fail(i, failure!.errorCode, failure!.message, attempts);
        return;
      }
      const byId = new Map<string, TransformOutputRecord>();
      for (const r of Array.isArray(output) ? output : [])
        if (r && typeof r.recordId === 'string') byId.set(r.recordId, r);
      for (const i of chunk) {
        const r = byId.get(recordId(i));
        if (!r)
          fail(
            i,
            'Lambda.MissingRecordId',
            'One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.',
            attempts,
          );
        else if (r.result === 'Dropped') continue;
        else if (r.result === 'ProcessingFailed')
          fail(i, 'Lambda.ProcessingFailedStatus', 'ProcessingFailed status set for record', attempts);
        else if (
          r.result === 'Ok' &&
          typeof r.data === 'string' &&
          r.data.length % 4 === 0 &&
          BASE64.test(r.data)
        ) {
          const data = base64ToBytes(r.data);
          ok.data.push(data);
          ok.arrivals.push(batch.arrivals[i]);
          ok.bytes += data.length;
        } else {
          // The console's own text for a result that is neither Ok (with data), Dropped nor ProcessingFailed.
          fail(
            i,
            'Lambda.InvalidReturnFormat',
            'The result of a record must be Ok (with base64 data), Dropped or ProcessingFailed.',
            attempts,
          );
        }
      }
    };
    const done = (async () => {
      for (const chunk of chunks) await invoke(chunk);
      batch.prepared = {
        ok,
        failed: { lines, oldest: failedOldest },
        dataWritten: false,
        errorsWritten: false,
      };
      batch.inFlight = false;
      this.metrics.put(s, 'ExecuteProcessing.Duration', this.ctx.clock.now() - started, 'Milliseconds');
      this.metrics.put(s, 'ExecuteProcessing.Success', lines.length === 0 ? 1 : 0, 'Count');
      this.metrics.put(s, 'SucceedProcessing.Records', ok.data.length, 'Count');
      this.metrics.put(s, 'SucceedProcessing.Bytes', ok.bytes, 'Bytes');
    })();
    this.pending.add(done);
    void done.finally(() => {
      this.pending.delete(done);
      this.env.wake?.();
    });
  }

  /**
   * Every stream's buffered records (sealed batches, then the open buffer, oldest first) with the
   * position of the first, shared not copied: the bulky part a saver stores apart.
   */
  bufferList(): BufferedRecords[] {
    const out: BufferedRecords[] = [];
    for (const [streamArn, st] of this.streams) {
      const data: RecordData[] = [];
      const arrivals: number[] = [];
      for (const b of [...st.sealed, ...(st.open ? [st.open] : [])]) {
        for (let i = 0; i < b.data.length; i++) {
          data.push(b.data[i]);
          arrivals.push(b.arrivals[i]);
        }
      }
      if (data.length > 0) out.push({ streamArn, first: st.first, data, arrivals });
    }
    return out;
  }

  /**
   * Puts saved records back into a stream's buffer after a restore, numbered from `first`; false if
   * the stream is not there.
   */
  loadBuffer(streamArn: string, data: RecordData[], arrivals: number[], first = 0): boolean {
    const s = this.store.byArn(streamArn);
    if (!s) return false;
    const st = this.state(streamArn);
    if (st.sealed.length === 0 && !st.open) st.first = first;
    this.append(s, data, arrivals);
    return true;
  }

  /** Buffered records and bytes of every stream: what the storage cap counts. */
  usage(): { records: number; bytes: number } {
    let records = 0;
    let bytes = 0;
    for (const arn of this.streams.keys()) {
      const b = this.buffered(arn);
      records += b.records;
      bytes += b.bytes;
    }
    return { records, bytes };
  }

  /** Forgets every buffer (a restore replaces the state). */
  clear(): void {
    this.streams.clear();
    this.tap.clear();
  }
}
