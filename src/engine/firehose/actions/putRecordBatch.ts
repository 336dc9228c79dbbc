import { base64DecodedLength, type FieldShape, type Shapes } from '../../common/validation';
import { putRecordBatch as putRecordBatchShapes } from '../validations.generated';
import { fErr } from '../errors';
import type { FirehoseContext } from './context';
import { putTarget, recordId } from './put';

/** "The PutRecordBatch request ... can support up to 500 records ... up to 4 MiB for the entire request" (API reference). */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const recordsShape = putRecordBatchShapes.Records;
/** At most 500 records a call: the model's list length, read from the generated shapes. */
export const MAX_BATCH_RECORDS = recordsShape.lengthLessThanOrEqual!;
/** 1,000 KiB a record before Base64: the model's Data shape. */
export const MAX_RECORD_BYTES = ((recordsShape.children as FieldShape).children as Shapes).Data.lengthLessThanOrEqual!;

type Entry = { RecordId: string } | { ErrorCode: string; ErrorMessage: string };

/**
 * Up to 500 records and 4 MiB (1,000 KiB each, checked by the model's shapes). A record over the
 * stream's throughput quota fails alone with ServiceUnavailableException (FailedPutCount > 0), as in AWS.
 */
export const putRecordBatch = (
  f: FirehoseContext,
  input: { DeliveryStreamName: string; Records: Array<{ Data: string }> },
) => {
  const s = putTarget(f, input.DeliveryStreamName);
  const recs = input.Records;
  const sizes = new Array<number>(recs.length);
  let total = 0;
  for (let i = 0; i < recs.length; i++) total += sizes[i] = base64DecodedLength(recs[i].Data);
  // The console's own text, in AWS's manner.
  if (total > MAX_BATCH_BYTES)
    throw fErr.invalidArgument(
      `The total size of the records exceeds the limit of ${MAX_BATCH_BYTES} bytes for PutRecordBatch.`,
    );
  const now = f.store.now();
  const throttled = f.engine.options.enforceThroughput;
  if (throttled && !f.throttle.request(s.DeliveryStreamARN, s._region, now)) throw fErr.slowDown();
  const out = new Array<Entry>(recs.length);
  const data: string[] = [];
  const kept: number[] = [];
  let bytes = 0;
  let failed = 0;
  for (let i = 0; i < recs.length; i++) {
    const size = sizes[i];
    if (throttled && !f.throttle.record(s.DeliveryStreamARN, s._region, now, size)) {
      out[i] = { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' };
      failed++;
      continue;
    }
    data.push(recs[i].Data);
    kept.push(size);
    bytes += size;
    out[i] = { RecordId: recordId(s) };
  }
  f.delivery.receive(s, data, now, kept);
  const m = f.metrics;
  m.put(s, 'IncomingRecords', data.length, 'Count');
  m.put(s, 'IncomingBytes', bytes, 'Bytes');
  m.put(s, 'IncomingPutRequests', 1, 'Count');
  m.put(s, 'PutRecordBatch.Requests', 1, 'Count');
  m.put(s, 'PutRecordBatch.Records', data.length, 'Count');
  m.put(s, 'PutRecordBatch.Bytes', bytes, 'Bytes');
  m.put(s, 'PutRecordBatch.Latency', f.store.now() - now, 'Milliseconds');
  if (failed > 0) m.put(s, 'ThrottledRecords', failed, 'Count');
  return { FailedPutCount: failed, Encrypted: false, RequestResponses: out };
};
