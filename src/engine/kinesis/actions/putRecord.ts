import { utf8Length } from '../../common/utf8';
import { base64DecodedLength } from '../../common/validation';
import { kErr } from '../errors';
import { parseSeq, seqOf } from '../store/sequence';
import { requireWritable, streamOf, type KinesisContext, type StreamRef } from './context';
import { admit, MAX_RECORD_BYTES, shardForRecord } from './write';

export interface PutRecordInput extends StreamRef {
  Data: string;
  PartitionKey: string;
  ExplicitHashKey?: string;
  SequenceNumberForOrdering?: string;
}

/** One record into the open shard holding its hash key; over the shard's write limit it throws. */
export const putRecord = (k: KinesisContext, input: PutRecordInput) => {
  const started = k.store.now();
  const s = streamOf(k, input);
  requireWritable(k, s);
  const size = base64DecodedLength(input.Data) + utf8Length(input.PartitionKey);
  if (size > MAX_RECORD_BYTES) throw kErr.invalidArgument('Record size exceeds 1 MB limit');
  const sh = shardForRecord(s, input.PartitionKey, input.ExplicitHashKey);
  if (input.SequenceNumberForOrdering !== undefined) {
    const p = parseSeq(input.SequenceNumberForOrdering);
    if (input.SequenceNumberForOrdering !== '0' && (!p || p.createdAt > k.store.now())) {
      throw kErr.invalidArgument(
        `ExclusiveMinimumSequenceNumber ${input.SequenceNumberForOrdering} used in PutRecord on stream ${s.StreamName} under account ${k.store.account} is invalid.`,
      );
    }
  }
  const now = k.store.now();
  k.store.trim(s, sh);
  const m = k.metrics;
  if (!admit(k, s, sh, size, Math.floor(now / 1000))) {
    m.stream(s, 'PutRecord.Success', 0, 'Count');
    m.stream(s, 'WriteProvisionedThroughputExceeded', 1, 'Count');
    if (m.shardLevel(s, 'WriteProvisionedThroughputExceeded'))
      m.shard(s, sh.ShardId, 'WriteProvisionedThroughputExceeded', 1, 'Count');
    throw kErr.rateExceeded(sh.ShardId, s.StreamName, k.store.account);
  }
  const c = ++sh._counter;
  sh._log.append(c, now, input.Data, input.PartitionKey, size);
  const seq = seqOf(sh._seqPrefix, c);
  m.stream(s, 'IncomingRecords', 1, 'Count');
  m.stream(s, 'IncomingBytes', size, 'Bytes');
  m.stream(s, 'PutRecord.Bytes', size, 'Bytes');
  m.stream(s, 'PutRecord.Success', 1, 'Count');
  m.stream(s, 'PutRecord.Latency', k.store.now() - started, 'Milliseconds');
  m.stream(s, 'WriteProvisionedThroughputExceeded', 0, 'Count');
  if (m.shardLevel(s, 'IncomingRecords')) m.shard(s, sh.ShardId, 'IncomingRecords', 1, 'Count');
  if (m.shardLevel(s, 'IncomingBytes')) m.shard(s, sh.ShardId, 'IncomingBytes', size, 'Bytes');
  return { ShardId: sh.ShardId, SequenceNumber: seq };
};
