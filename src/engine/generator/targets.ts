import {
  MAX_BATCH_BYTES as FIREHOSE_BATCH_BYTES,
  MAX_BATCH_RECORDS as FIREHOSE_BATCH_RECORDS,
  MAX_RECORD_BYTES as FIREHOSE_RECORD_BYTES,
} from '../firehose/actions/putRecordBatch';
import { MAX_PUT_RECORDS_BYTES, MAX_RECORD_BYTES } from '../kinesis/actions/write';

/**
 * Where the generator sends: a Kinesis data stream (PutRecords) or a Firehose delivery stream
 * (PutRecordBatch), as the Kinesis Data Generator can.
 */
export type GeneratorTarget = 'kinesis' | 'firehose';

export interface TargetLimits {
  maxBatchRecords: number;
  maxBatchBytes: number;
  /** Largest record the service takes. */
  maxRecordBytes: number;
  /** Whether the partition key counts toward a record's size (Kinesis); Firehose records have none. */
  keyCounts: boolean;
}

/** Each service's own limits, from where the emulator enforces them: one copy of each number. */
export const targetLimits = (target: GeneratorTarget = 'kinesis'): TargetLimits =>
  target === 'firehose'
    ? {
        maxBatchRecords: FIREHOSE_BATCH_RECORDS,
        maxBatchBytes: FIREHOSE_BATCH_BYTES,
        maxRecordBytes: FIREHOSE_RECORD_BYTES,
        keyCounts: false,
      }
    : { maxBatchRecords: 500, maxBatchBytes: MAX_PUT_RECORDS_BYTES, maxRecordBytes: MAX_RECORD_BYTES, keyCounts: true };
