import { hrefFor } from '../../hooks/route';

export type StreamTab = 'shards' | 'put' | 'data' | 'consumers' | 'apps' | 'configuration';

export const streamPath = (name: string) => `/streams/${encodeURIComponent(name)}`;
export const streamHref = (name: string, tab?: StreamTab) => hrefFor(streamPath(name), { tab });

/** The data viewer opened at one record: it reads the shard from that sequence number (AT_SEQUENCE_NUMBER). */
export const recordHref = (name: string, shardId: string, sequenceNumber: string) =>
  hrefFor(`/streams/${encodeURIComponent(name)}`, { tab: 'data', shard: shardId, seq: sequenceNumber });

/** The data viewer set to read through one registered consumer (SubscribeToShard). */
export const consumerHref = (name: string, consumer: string) => hrefFor(`/streams/${encodeURIComponent(name)}`, { tab: 'data', consumer });
