import { hrefFor } from '../../hooks/route';

export type StreamTab = 'shards' | 'put' | 'data' | 'configuration';

export const streamHref = (name: string, tab?: StreamTab) => hrefFor(`/streams/${encodeURIComponent(name)}`, { tab });

/** The data viewer opened at one record: it reads the shard from that sequence number (AT_SEQUENCE_NUMBER). */
export const recordHref = (name: string, shardId: string, sequenceNumber: string) =>
  hrefFor(`/streams/${encodeURIComponent(name)}`, { tab: 'data', shard: shardId, seq: sequenceNumber });
