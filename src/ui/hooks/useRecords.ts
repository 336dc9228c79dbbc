import { GetRecordsCommand, GetShardIteratorCommand, type ChildShard, type ShardIteratorType } from '@aws-sdk/client-kinesis';
import { useMutation } from '@tanstack/react-query';
import { decodeData, type DecodedData } from './records';
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

/**
 * Reads a shard the way a consumer does: GetShardIterator, then GetRecords, then
 * GetRecords again with NextShardIterator for the next page.
 */
export const useShardReader = () => {
  const { kinesis } = useServices();

  const page = async (iterator: string, limit?: number): Promise<RecordsPage> => {
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
  return { first, next };
};
