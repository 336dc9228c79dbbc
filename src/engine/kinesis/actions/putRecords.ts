import { utf8Length } from '../../common/utf8';
import { base64DecodedLength } from '../../common/validation';
import { kErr, rateExceededMessage } from '../errors';
import { seqOf } from '../store/sequence';
import type { Shard } from '../store/types';
import { requireWritable, streamOf, type KinesisContext, type StreamRef } from './context';
import { admit, MAX_PUT_RECORDS_BYTES, MAX_RECORD_BYTES, shardForRecord } from './write';

export interface PutRecordsRequestEntry {
  Data: string;
  PartitionKey: string;
  ExplicitHashKey?: string;
}

export interface PutRecordsInput extends StreamRef {
  Records: PutRecordsRequestEntry[];
}

export type PutRecordsResultEntry =
  | { SequenceNumber: string; ShardId: string }
  | { ErrorCode: string; ErrorMessage: string };

const SHARD_METRICS = ['IncomingRecords', 'IncomingBytes', 'WriteProvisionedThroughputExceeded'];

/**
 * Up to 500 records and 5 MiB in one call. Each record lands in the open shard holding its hash key;
 * a record over its shard's write limit fails alone with ProvisionedThroughputExceededException.
 */
export const putRecords = (k: KinesisContext, input: PutRecordsInput) => {
  const started = k.store.now();
  const s = streamOf(k, input);
  requireWritable(k, s);
  const recs = input.Records;
  const n = recs.length;
  const sizes = new Array<number>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = recs[i];
    const pk = r.PartitionKey;
    const size = base64DecodedLength(r.Data) + utf8Length(pk);
    if (size > MAX_RECORD_BYTES) throw kErr.invalidArgument('Record size exceeds 1 MB limit');
    sizes[i] = size;
    total += size;
  }
  if (total > MAX_PUT_RECORDS_BYTES) throw kErr.invalidArgument('Records size exceeds 5 MB limit');
  // Resolve every hash key before writing anything: a bad ExplicitHashKey fails the whole call.
  const shards = new Array<Shard>(n);
  for (let i = 0; i < n; i++) shards[i] = shardForRecord(s, recs[i].PartitionKey, recs[i].ExplicitHashKey);

  const now = k.store.now();
  // Retention: trim each open shard once per call (records only ever land in open shards).
  for (const ix of s._open) k.store.trim(s, s.Shards[ix]);
  const sec = Math.floor(now / 1000);
  const out = new Array<PutRecordsResultEntry>(n);
  const account = k.store.account;
  const perShard = SHARD_METRICS.some((m) => k.metrics.shardLevel(s, m)) ? new Map<Shard, [number, number, number]>() : undefined;
  let okCount = 0;
  let okBytes = 0;
  let throttled = 0;
  let msgShard: Shard | undefined;
  let msg = '';
  for (let i = 0; i < n; i++) {
    const sh = shards[i];
    const size = sizes[i];
    const agg = perShard && (perShard.get(sh) ?? perShard.set(sh, [0, 0, 0]).get(sh)!);
    if (!admit(k, s, sh, size, sec)) {
      throttled++;
      if (agg) agg[2]++;
      if (msgShard !== sh) {
        msgShard = sh;
        msg = rateExceededMessage(sh.ShardId, s.StreamName, account);
      }
      out[i] = { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: msg };
      continue;
    }
    const r = recs[i];
    const c = ++sh._counter;
    sh._log.append(c, now, r.Data, r.PartitionKey, size);
    const seq = seqOf(sh._seqPrefix, c);
    out[i] = { SequenceNumber: seq, ShardId: sh.ShardId };
    okCount++;
    okBytes += size;
    if (agg) {
      agg[0]++;
      agg[1] += size;
    }
  }

  const m = k.metrics;
  const latency = k.store.now() - started;
  m.stream(s, 'IncomingRecords', okCount, 'Count');
  m.stream(s, 'IncomingBytes', okBytes, 'Bytes');
  m.stream(s, 'PutRecords.Records', okCount, 'Count');
  m.stream(s, 'PutRecords.Bytes', okBytes, 'Bytes');
  m.stream(s, 'PutRecords.Success', okCount > 0 ? 1 : 0, 'Count');
  m.stream(s, 'PutRecords.Latency', latency, 'Milliseconds');
  m.stream(s, 'PutRecords.TotalRecords', n, 'Count');
  m.stream(s, 'PutRecords.SuccessfulRecords', okCount, 'Count');
  m.stream(s, 'PutRecords.FailedRecords', 0, 'Count');
  m.stream(s, 'PutRecords.ThrottledRecords', throttled, 'Count');
  m.stream(s, 'WriteProvisionedThroughputExceeded', throttled, 'Count');
  if (perShard) {
    for (const [sh, [c, b, t]] of perShard) {
      if (m.shardLevel(s, 'IncomingRecords')) m.shard(s, sh.ShardId, 'IncomingRecords', c, 'Count');
      if (m.shardLevel(s, 'IncomingBytes')) m.shard(s, sh.ShardId, 'IncomingBytes', b, 'Bytes');
      if (m.shardLevel(s, 'WriteProvisionedThroughputExceeded'))
        m.shard(s, sh.ShardId, 'WriteProvisionedThroughputExceeded', t, 'Count');
    }
  }
  return { FailedRecordCount: throttled, Records: out };
};
