import {
  DescribeStreamSummaryCommand,
  ListShardsCommand,
  ListStreamsCommand,
  type KinesisClient,
  type Shard,
} from '@aws-sdk/client-kinesis';

/** One row of the streams list. */
export interface StreamRow {
  name: string;
  /** The stream's ARN (other services name streams by ARN). */
  arn?: string;
  status: string;
  mode: string;
  openShards?: number;
  retentionHours?: number;
  createdAt?: Date;
}

/** ListStreams, every page, then DescribeStreamSummary of each stream. */
export const fetchStreamRows = async (kinesis: KinesisClient): Promise<StreamRow[]> => {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await kinesis.send(new ListStreamsCommand(token ? { NextToken: token } : {}));
    names.push(...(page.StreamNames ?? []));
    token = page.HasMoreStreams ? page.NextToken : undefined;
  } while (token);
  const summaries = await Promise.allSettled(names.map((n) => kinesis.send(new DescribeStreamSummaryCommand({ StreamName: n }))));
  const rows: StreamRow[] = [];
  summaries.forEach((r, i) => {
    // A stream deleted between the two calls is simply gone.
    if (r.status !== 'fulfilled') return;
    const s = r.value.StreamDescriptionSummary;
    rows.push({
      name: names[i],
      arn: s?.StreamARN,
      status: s?.StreamStatus ?? 'UNKNOWN',
      mode: s?.StreamModeDetails?.StreamMode ?? 'PROVISIONED',
      openShards: s?.OpenShardCount,
      retentionHours: s?.RetentionPeriodHours,
      createdAt: s?.StreamCreationTimestamp,
    });
  });
  return rows;
};

/** ListShards, every page: open and closed shards. */
export const fetchShards = async (kinesis: KinesisClient, name: string, pageSize?: number): Promise<Shard[]> => {
  const shards: Shard[] = [];
  let token: string | undefined;
  do {
    // With a NextToken, AWS refuses StreamName (InvalidArgumentException).
    const page = await kinesis.send(
      new ListShardsCommand({ ...(token ? { NextToken: token } : { StreamName: name }), ...(pageSize ? { MaxResults: pageSize } : {}) }),
    );
    shards.push(...(page.Shards ?? []));
    token = page.NextToken;
  } while (token);
  return shards;
};
