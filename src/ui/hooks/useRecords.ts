import { GetRecordsCommand, GetShardIteratorCommand, type ChildShard, type KinesisClient, type ShardIteratorType } from '@aws-sdk/client-kinesis';
import { useMutation } from '@tanstack/react-query';
import { describeError, type ShownError } from './errors';
import { decodeData, type DecodedData } from '../lib/records';
import { useServices } from './services';

export type IteratorType = `${ShardIteratorType}`;

export interface ReadRequest {
  stream: string;
  shardId: string;
  iteratorType: IteratorType;
  sequenceNumber?: string;
  timestamp?: Date;
  limit?: number;
}

export interface ShownRecord {
  sequenceNumber: string;
  partitionKey: string;
  arrival?: Date;
  data: DecodedData;
}

export interface RecordsPage {
  records: ShownRecord[];
  nextIterator?: string;
  millisBehindLatest?: number;
  childShards?: ChildShard[];
  /** The iterator this page was read with (for the CLI line). */
  iterator: string;
}

/** One GetRecords call with the given iterator, as the Data viewer shows it. */
export const readPage = async (kinesis: KinesisClient, iterator: string, limit?: number): Promise<RecordsPage> => {
  const out = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, ...(limit ? { Limit: limit } : {}) }));
  return {
    iterator,
    records: (out.Records ?? []).map((r) => ({
      sequenceNumber: r.SequenceNumber ?? '',
      partitionKey: r.PartitionKey ?? '',
      arrival: r.ApproximateArrivalTimestamp,
      data: decodeData(r.Data ?? new Uint8Array()),
    })),
    nextIterator: out.NextShardIterator,
    millisBehindLatest: out.MillisBehindLatest,
    childShards: out.ChildShards,
  };
};

/** How long a shard iterator stays usable after it is handed out (GetRecords API reference). */
export const ITERATOR_LIFETIME_MINUTES = 5;

/**
 * The iterator in what a user pasted: the bare token, the token in quotes, or the JSON that
 * `aws kinesis get-shard-iterator` (ShardIterator) or `get-records` (NextShardIterator) prints.
 */
export const parsePastedIterator = (text: string): string => {
  const json = /"(?:Next)?ShardIterator"\s*:\s*"([^"]*)"/.exec(text);
  if (json) return json[1];
  const t = text.trim();
  const quoted = /^(['"])([\s\S]*)\1$/.exec(t);
  return (quoted ? quoted[2] : t).trim();
};

/** A GetRecords error that is about the iterator itself: a token AWS cannot read, or one too old. */
export interface IteratorProblem {
  kind: 'invalid' | 'expired';
  error: ShownError;
}

export const iteratorProblem = (e: unknown): IteratorProblem | undefined => {
  const error = describeError(e);
  if (error.type === 'ExpiredIteratorException') return { kind: 'expired', error };
  // About the iterator itself ("Invalid ShardIterator."), not about GetShardIterator's input (a bad StartingSequenceNumber).
  if (error.type === 'InvalidArgumentException' && /\bshard ?iterator\b/i.test(error.message)) return { kind: 'invalid', error };
  // Empty or longer than 512 characters: the request's own validation rejects it first.
  if (error.type === 'ValidationException' && /at 'shardIterator'/.test(error.message)) return { kind: 'invalid', error };
  return undefined;
};

/**
 * Reads a shard the way a consumer does: GetShardIterator, then GetRecords, then
 * GetRecords again with NextShardIterator for the next page.
 */
export const useShardReader = () => {
  const { kinesis } = useServices();

  const page = (iterator: string, limit?: number) => readPage(kinesis, iterator, limit);

  const first = useMutation({
    mutationFn: async (r: ReadRequest) => {
      const it = await kinesis.send(
        new GetShardIteratorCommand({
          StreamName: r.stream,
          ShardId: r.shardId,
          ShardIteratorType: r.iteratorType,
          ...(r.sequenceNumber !== undefined ? { StartingSequenceNumber: r.sequenceNumber } : {}),
          ...(r.timestamp !== undefined ? { Timestamp: r.timestamp } : {}),
        }),
      );
      return page(it.ShardIterator ?? '', r.limit);
    },
  });
  const next = useMutation({ mutationFn: (i: { iterator: string; limit?: number }) => page(i.iterator, i.limit) });
  /** GetRecords with an iterator the user pasted (from the CLI or from an earlier page). */
  const pasted = useMutation({ mutationFn: (i: { iterator: string; limit?: number }) => page(i.iterator, i.limit) });
  return { first, next, pasted };
};
