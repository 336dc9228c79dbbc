import { kErr } from '../errors';
import { publicConsumer } from './consumers';
import { streamOf, type KinesisContext } from './context';

export interface ListStreamConsumersInput {
  StreamARN: string;
  NextToken?: string;
  MaxResults?: number;
  /** Seconds: names one generation of a stream that was deleted and made again. */
  StreamCreationTimestamp?: number;
}

const encodeToken = (streamArn: string, last: string): string => btoa(`consumers|${streamArn}|${last}`);
const decodeToken = (t: string, streamArn: string): string => {
  try {
    const s = atob(t);
    const prefix = `consumers|${streamArn}|`;
    if (s.startsWith(prefix)) return s.slice(prefix.length);
  } catch {
    // fall through
  }
  throw kErr.invalidArgument('Invalid NextToken.');
};

/** The stream's consumers by name, MaxResults (default 100) at a time. */
export const listStreamConsumers = (k: KinesisContext, input: ListStreamConsumersInput) => {
  const s = streamOf(k, input);
  if (input.StreamCreationTimestamp !== undefined && Math.floor(input.StreamCreationTimestamp) !== s.StreamCreationTimestamp) {
    throw kErr.streamNotFound(s.StreamName, k.store.account);
  }
  const limit = input.MaxResults ?? 100;
  const after = input.NextToken === undefined ? undefined : decodeToken(input.NextToken, s.StreamARN);
  let consumers = [...s._consumers].sort((a, b) => (a.ConsumerName < b.ConsumerName ? -1 : 1));
  if (after !== undefined) consumers = consumers.filter((c) => c.ConsumerName > after);
  const page = consumers.slice(0, limit);
  const out: Record<string, unknown> = { Consumers: page.map(publicConsumer) };
  if (consumers.length > limit) out.NextToken = encodeToken(s.StreamARN, page[page.length - 1].ConsumerName);
  return out;
};
