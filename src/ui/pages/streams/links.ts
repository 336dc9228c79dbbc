import { hrefFor } from '../../hooks/route';

export type StreamTab = 'shards' | 'put' | 'data' | 'configuration';

export const streamHref = (name: string, tab?: StreamTab) => hrefFor(`/streams/${encodeURIComponent(name)}`, { tab });
