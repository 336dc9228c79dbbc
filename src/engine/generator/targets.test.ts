import { describe, expect, it } from 'vitest';
import { targetLimits } from './targets';

describe('targetLimits', () => {
  it('holds PutRecords to 500 records, 5 MiB a call and 1 MiB a record with its partition key', () => {
    expect(targetLimits('kinesis')).toEqual({ maxBatchRecords: 500, maxBatchBytes: 5 * 1_048_576, maxRecordBytes: 1_048_576, keyCounts: true });
  });

  it("holds PutRecordBatch to 500 records, 4 MiB a call and 1,000 KiB a record (Firehose's limits, no key)", () => {
    expect(targetLimits('firehose')).toEqual({ maxBatchRecords: 500, maxBatchBytes: 4 * 1_048_576, maxRecordBytes: 1_024_000, keyCounts: false });
  });

  it('defaults to a Kinesis data stream', () => {
    expect(targetLimits()).toEqual(targetLimits('kinesis'));
  });
});
