/**
 * Kinesis Data Analytics (v2 API, SQL-1_0 runtime) state, kept under AWS's field names so a
 * description is mostly this data with the private (`_`-prefixed) fields stripped. Plain data: a
 * snapshot is JSON.
 */
import type { InputSchema } from '../sql/discovery/discover';

export type ApplicationStatus = 'READY' | 'STARTING' | 'RUNNING' | 'UPDATING' | 'STOPPING' | 'DELETING';
export type InputStartingPosition = 'NOW' | 'TRIM_HORIZON' | 'LAST_STOPPED_POINT';
export type RecordFormatType = 'JSON' | 'CSV';

export interface ApplicationInput {
  InputId: string;
  NamePrefix: string;
  /** With InputParallelism 1, one stream: `<NamePrefix>_001`. */
  InAppStreamNames: string[];
  KinesisStreamsInputDescription?: { ResourceARN: string; RoleARN?: string };
  KinesisFirehoseInputDescription?: { ResourceARN: string; RoleARN?: string };
  InputSchema: InputSchema;
  InputParallelism: { Count: number };
  InputStartingPositionConfiguration?: { InputStartingPosition?: InputStartingPosition };
}

export interface ApplicationOutput {
  OutputId: string;
  /** The in-application stream whose rows go out. */
  Name: string;
  KinesisStreamsOutputDescription?: { ResourceARN: string; RoleARN?: string };
  KinesisFirehoseOutputDescription?: { ResourceARN: string; RoleARN?: string };
  DestinationSchema: { RecordFormatType: RecordFormatType };
}

export interface AnalyticsApplication {
  ApplicationName: string;
  ApplicationARN: string;
  ApplicationDescription?: string;
  RuntimeEnvironment: 'SQL-1_0';
  ServiceExecutionRole: string;
  ApplicationStatus: ApplicationStatus;
  ApplicationVersionId: number;
  /** Epoch ms. */
  CreateTimestamp: number;
  LastUpdateTimestamp: number;
  /** The SQL (ApplicationCodeConfiguration, PLAINTEXT). */
  Code: string;
  Inputs: ApplicationInput[];
  Outputs: ApplicationOutput[];
  Tags: Array<{ Key: string; Value?: string }>;
  _region: string;
  /** When the current STARTING/UPDATING/STOPPING/DELETING ends (epoch ms), and what follows it. */
  _statusUntil: number;
  _then?: ApplicationStatus | 'deleted';
  /** Counters behind InputId/OutputId (`1.1`, `1.2`, ...). */
  _inputs: number;
  _outputs: number;
  /** Where reading starts when the application next runs. */
  _startingPosition?: InputStartingPosition;
  /** Where reading stood when the application last stopped (LAST_STOPPED_POINT): the source reader's own JSON. */
  _checkpoint?: unknown;
  /**
   * While it runs: where its reading stands after the latest poll, saved with the rest, so a restored
   * emulator (a page reload, a server restart) carries the running application on from there.
   */
  _readingAt?: unknown;
  /** Why the application stopped by itself (its source stream was deleted, say), for the console. */
  _statusReason?: string;
}

export const ANALYTICS_SNAPSHOT_VERSION = 1;

export interface AnalyticsSnapshot {
  version: typeof ANALYTICS_SNAPSHOT_VERSION;
  applications: AnalyticsApplication[];
}
