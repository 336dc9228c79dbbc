import { fErr } from '../errors';
import type { FirehoseContext } from './context';
import { base64DecodedLength } from '../../common/validation';
import { putTarget, recordId } from './put';

export const putRecord = (
  f: FirehoseContext,
  input: { DeliveryStreamName: string; Record: { Data: string } },
) => {
  const s = putTarget(f, input.DeliveryStreamName);
  const data = input.Record.Data;
  const size = base64DecodedLength(data);
  const now = f.store.now();
  if (f.engine.options.enforceThroughput) {
    if (
      !f.throttle.request(s.DeliveryStreamARN, s._region, now) ||
      !f.throttle.record(s.DeliveryStreamARN, s._region, now, size)
    ) {
      f.metrics.put(s, 'ThrottledRecords', 1, 'Count');
      throw fErr.slowDown();
    }
  }
  f.delivery.receive(s, [data], now, [size]);
  const m = f.metrics;
  m.put(s, 'IncomingRecords', 1, 'Count');
  m.put(s, 'IncomingBytes', size, 'Bytes');
  m.put(s, 'IncomingPutRequests', 1, 'Count');
  m.put(s, 'PutRecord.Requests', 1, 'Count');
  m.put(s, 'PutRecord.Bytes', size, 'Bytes');
  m.put(s, 'PutRecord.Latency', f.store.now() - now, 'Milliseconds');
  return { RecordId: recordId(s), Encrypted: false };
};
