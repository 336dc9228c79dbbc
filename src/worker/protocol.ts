import type { StreamTail } from '../engine/analytics/runtime';
import type { SqlDialectWords, SqlProblem } from '../engine/sql/editor';
import type { ClockReading } from '../engine/common/clock';
import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';
import type { SubscribeToShardEvent } from '../engine/kinesis/subscription';
import type { ConsumerApplicationView, InitialPosition } from '../engine/consumerApps/types';

export type { ClockReading };

/**
 * The messages between the page and the emulator worker. Two channels:
 * - `http`: an AWS request in its wire form (what the SDK signed) and the service's answer.
 *   Every AWS call takes this one path, exactly as it would over the network.
 * - `console`: a MessagePort handed over once; comlink exposes {@link ConsoleApi} on it for
 *   what is not an AWS API (the clock, reset).
 */
export const WorkerCommand = {
  Http: 'http',
  Console: 'console',
  /** Serve AWS requests arriving on a port (another worker's direct line to this emulator). */
  Serve: 'serve',
  /** The page's heartbeat: the worker answers at once with the same id (see client.ts). */
  Ping: 'ping',
  /** The connection AWS mode's local analytics worker reaches the account with (sent once, before anything else). */
  Configure: 'configure',
} as const;
export type WorkerCommand = (typeof WorkerCommand)[keyof typeof WorkerCommand];

export interface HttpCall {
  cmd: typeof WorkerCommand.Http;
  id: number;
  request: HttpRequestLike;
}

export interface ConsoleConnect {
  cmd: typeof WorkerCommand.Console;
  port: MessagePort;
}

export interface ServePort {
  cmd: typeof WorkerCommand.Serve;
  port: MessagePort;
}

export interface Ping {
  cmd: typeof WorkerCommand.Ping;
  id: number;
}

/**
 * AWS mode's local analytics worker is told, first of all, which account to reach: the keys cross
 * to it in memory, once, and are never stored (see src/aws/localAnalytics.ts).
 */
export interface Configure {
  cmd: typeof WorkerCommand.Configure;
  connection: { region: string; endpoint?: string; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } };
}

/** Page -> worker. */
export type ToWorker = HttpCall | ConsoleConnect | ServePort | Ping;

/** The answer to one {@link HttpCall}, matched by `id`. */
export type HttpReply =
  | { cmd: typeof WorkerCommand.Http; id: number; ok: true; response: HttpResponseLike }
  /** Only when the emulator itself failed (a bug): AWS errors travel inside `response`. */
  | { cmd: typeof WorkerCommand.Http; id: number; ok: false; error: string };

/** Worker -> page: an {@link HttpReply}, or a {@link Ping} answered. */
export type FromWorker = HttpReply | Ping;

/**
 * What a call gets when the emulator stopped before answering it (its worker crashed and was
 * restarted, or the link to it was replaced): the call may or may not have taken effect, and sending
 * it again is safe to try. `$retryable` is the AWS SDK's mark for an error its retry strategy retries.
 */
export class EmulatorRestartedError extends Error {
  readonly $retryable = {};
  constructor(message = 'The emulator stopped before answering and was restarted; send the request again.') {
    super(message);
    this.name = 'EmulatorRestarted';
  }
}

export type HttpTransport = (request: HttpRequestLike) => Promise<HttpResponseLike>;

export interface ClockState {
  /** The emulator's time now (epoch milliseconds). */
  now: number;
  /** How many times faster than real time the emulator's clock runs. */
  speed: number;
}

/** Something the user should know about the emulator's storage (shown once as a notification). */
export interface StorageNotice {
  /** Increasing: the page shows each id once. */
  id: number;
  type: 'info' | 'warning';
  text: string;
}

/** Where the emulator keeps its state and how much it holds. */
/** One service's share of the stored data. */
export interface ServiceStorage {
  /** Items (records, objects) and their bytes. */
  records: number;
  bytes: number;
  /** Counts to show: `streams`, `shards` (Kinesis); `buckets`, `objects` (S3); `deliveryStreams`, `buffered`, `bufferedBytes`, `copies` (Firehose). */
  counts: Record<string, number>;
  /** Items the cap dropped since the start (or a reset). */
  trimmed: number;
}

export interface StorageStatus {
  /** `indexeddb`: saved in this browser and restored on reload; `memory`: lost on reload (`reason` says why). */
  persistence: 'indexeddb' | 'memory';
  reason?: string;
  streams: number;
  shards: number;
  records: number;
  /** Stored bytes: records as AWS counts them (data + partition key), S3 object bodies, Firehose buffers. */
  recordBytes: number;
  /** The cap on stored bytes; over it the oldest records and objects go (Firehose buffers never). */
  maxRecordBytes: number;
  /** Changes not yet saved. */
  pending: boolean;
  lastSave?: { at: number; ms: number; recordsWritten: number };
  /** The saved state this emulator started from: items restored, and how long reading and restoring took. */
  restored?: { records: number; ms: number };
  /** Items (records and objects) dropped by the cap since the emulator started (or was reset). */
  trimmedRecords: number;
  /** What each storing service holds against the cap, by module name (`kinesis`, `s3`, `firehose`). */
  services: Record<string, ServiceStorage>;
  notices: StorageNotice[];
}

/** The non-AWS controls of the emulator, reached over comlink (each call is async). */
export interface ConsoleApi {
  clock(): ClockState;
  /** The clock with the wall time of the reading, from which another thread runs a copy of it (MirrorClock). */
  clockReading(): ClockReading;
  /** Sets the clock's speed; answered once saved, like every change. */
  setSpeed(speed: number): ClockState | Promise<ClockState>;
  /** Jump the clock forward by `ms` milliseconds. */
  skip(ms: number): ClockState | Promise<ClockState>;
  /** Forget every stream, record and metric, saved ones included: a fresh emulator with the same clock. */
  reset(): void | Promise<void>;
  storage(): StorageStatus | Promise<StorageStatus>;
  /** Sets the cap on record bytes (at least 1 MiB); applies it at once. */
  setRecordCap(bytes: number): StorageStatus | Promise<StorageStatus>;
  /** Saves pending changes now (the page is going away). */
  flush(): void | Promise<void>;
  /** The newest rows of a running analytics application's in-application streams (not an AWS API). */
  /** The newest `limit` rows of each in-application stream (all the tail keeps when not given; 0 for totals only). */
  analyticsRows(applicationArn: string, limit?: number): AnalyticsRows | Promise<AnalyticsRows>;
  /**
   * SubscribeToShard for the page, which cannot hold an HTTP/2 event stream over this channel: opens a
   * subscription (AWS's errors: the consumer must be ACTIVE, one subscription per consumer and shard at a
   * time) and returns its id for {@link pollSubscription}.
   */
  subscribeToShard(consumerARN: string, shardId: string, startingPosition: StartingPosition): string | Promise<string>;
  /** The subscription's events produced since the last poll, on the emulator's clock; `end` when it is over. */
  pollSubscription(id: string): SubscriptionPoll;
  /** Ends a subscription and frees its consumer's shard. */
  closeSubscription(id: string): void;
  /** The consumer applications (KCL-style lease tables and workers) reading the stream, by name. */
  consumerApplications(streamARN: string): ConsumerApplicationView[] | Promise<ConsumerApplicationView[]>;
  /**
   * Creates a consumer application on the stream: a lease per shard, `workers` (1-4, default 2) workers that
   * start at once. ValidationException for a bad name (3-255 of `[a-zA-Z0-9_.-]`) or worker count,
   * ResourceInUseException when the name is taken, ResourceNotFoundException when the stream is not there.
   */
  createConsumerApplication(input: CreateConsumerApplication): ConsumerApplicationView | Promise<ConsumerApplicationView>;
  /** Starts or stops one worker of an application; a stopped worker's leases go to the others once they expire. */
  setConsumerWorker(streamARN: string, name: string, workerId: string, running: boolean): ConsumerApplicationView | Promise<ConsumerApplicationView>;
  /** Deletes an application and its lease table (the stream and its records stay). */
  deleteConsumerApplication(streamARN: string, name: string): void | Promise<void>;
  /** The SQL dialect's words, for the editor's highlighting and completion. */
  sqlDialect(): SqlDialect;
  /** Every problem in a SQL script, with its range, given the source's columns. */
  diagnoseSql(script: string, columns: { Name: string; SqlType: string; Mapping?: string }[]): SqlDiagnostic[];
  /**
   * Creates or replaces a transformation function (the stand-in for a Lambda function a delivery stream's
   * record transformation names by its ARN). Lambda's ValidationException for a bad name (1-64 of
   * `[a-zA-Z0-9-_]`) or timeout (1-900 seconds, default 3). Source contract: `src/engine/functions/handler.ts`.
   */
  putTransformFunction(input: { name: string; source: string; timeoutSeconds?: number }): { arn: string } | Promise<{ arn: string }>;
  /** Every transformation function, by name. */
  listTransformFunctions(): TransformFunctionInfo[] | Promise<TransformFunctionInfo[]>;
  /** Deletes a transformation function; ResourceNotFoundException when there is none of that name. */
  deleteTransformFunction(name: string): void | Promise<void>;
  /**
   * The whole emulator (every service's state and bulk data, the clock) as one gzipped JSON file
   * (`workshopFile.ts`), with `progress` (the page's walkthrough progress) carried inside as is.
   */
  exportWorkshop(progress?: unknown): Uint8Array | Promise<Uint8Array>;
  /**
   * Replaces the emulator's whole state with an exported file's and saves it. A file that cannot be
   * read (not gzip, not an export, a newer version, unknown services) is refused with a message for
   * the user and changes nothing.
   */
  importWorkshop(bytes: Uint8Array): WorkshopImport | Promise<WorkshopImport>;
}

/** What an import brought in. */
export interface WorkshopImport {
  /** When the file was exported (wall-clock ms). */
  exportedAt: number;
  /** The page's part of the file, as exported. */
  progress?: unknown;
  streams: number;
  records: number;
}

/** Where a subscription starts reading (SubscribeToShard's StartingPosition; Timestamp in epoch ms). */
export interface StartingPosition {
  Type: 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  SequenceNumber?: string;
  Timestamp?: number;
}

export type { SubscribeToShardEvent };

/** What one poll of a subscription brings: its events in order, and why it ended if it did. */
export interface SubscriptionPoll {
  events: SubscribeToShardEvent[];
  /**
   * `expired`: its 5 minutes are over (subscribe again from the last ContinuationSequenceNumber);
   * `shard-closed`: the last event carried ChildShards; `error`: AWS's error ended it (the consumer went away).
   */
  end?: { reason: 'expired' | 'shard-closed' } | { reason: 'error'; error: { type: string; message: string } };
}

export type { ConsumerApplicationView, InitialPosition };
export type { LeaseView } from '../engine/consumerApps/types';

export interface CreateConsumerApplication {
  streamARN: string;
  name: string;
  initialPosition: InitialPosition;
  /** For AT_TIMESTAMP: epoch ms. */
  timestamp?: number;
  workers?: number;
}

/** A transformation function as the console shows it. */
export interface TransformFunctionInfo {
  name: string;
  /** `arn:aws:lambda:<region>:<account>:function:<name>`: the LambdaArn a delivery stream's processor names. */
  arn: string;
  source: string;
  timeoutSeconds: number;
}

export interface AnalyticsRows {
  running: boolean;
  streams: StreamTail[];
  /** Each pump's operator plan (explain()). */
  plans: unknown[];
  /** Why the application stopped by itself, when it did. */
  statusReason?: string;
  /** In AWS mode, what went wrong lately reading its source or writing its destinations (calls being retried, records given up). */
  problems?: string[];
}

export type SqlDialect = SqlDialectWords;

/** A problem in a script, with the range an editor underlines. */
export type SqlDiagnostic = SqlProblem;

/** The same API as seen by the page: every call crosses a thread, so every call is a promise. */
export type AsyncConsoleApi = {
  [K in keyof ConsoleApi]: (...a: Parameters<ConsoleApi[K]>) => Promise<Awaited<ReturnType<ConsoleApi[K]>>>;
};
