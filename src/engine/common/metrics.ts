import type { EpochMillis } from './brand';

export type MetricUnit =
  | 'Count'
  | 'Bytes'
  | 'Milliseconds'
  | 'Seconds'
  | 'Percent'
  | 'Bytes/Second'
  | 'Count/Second'
  | 'None';

export interface Dimension {
  Name: string;
  Value: string;
}

/** One observation of a metric, as services report it to CloudWatch. */
export interface MetricDatum {
  namespace: string;
  name: string;
  dimensions: Dimension[];
  value: number;
  unit: MetricUnit;
  timestamp: EpochMillis;
  /** The region the metric belongs to (CloudWatch is regional); absent: the emulator's default region. */
  region?: string;
}

/** Where services report metrics. The CloudWatch emulator implements it; tests may collect. */
export interface MetricsSink {
  put(datum: MetricDatum): void;
}

export const nullMetricsSink: MetricsSink = { put() {} };
