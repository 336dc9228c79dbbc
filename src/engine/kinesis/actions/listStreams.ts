import { kErr } from '../errors';
import type { KinesisContext } from './context';

export interface ListStreamsInput {
  Limit?: number;
  ExclusiveStartStreamName?: string;
  NextToken?: string;
}

const encodeToken = (last: string): string => btoa(`streams|${last}`);
const decodeToken = (t: string): string => {
  try {
    const s = atob(t);
    if (s.startsWith('streams|')) return s.slice(8);
  } catch {
    // fall through
  }
  throw kErr.invalidArgument(`Invalid NextToken.`);
};

/** Names in order, up to Limit (default and most 100), paged by ExclusiveStartStreamName or NextToken. */
export const listStreams = (k: KinesisContext, input: ListStreamsInput) => {
  // "If you specify a value greater than 100, at most 100 results are returned" (API reference, ListStreams).
  const limit = Math.min(input.Limit ?? 100, 100);
  const after = input.NextToken !== undefined ? decodeToken(input.NextToken) : input.ExclusiveStartStreamName;
  k.store.sweep(); // the console polls this: a good moment to apply retention everywhere
  let streams = k.store.listStreams(k.rc.region);
  if (after !== undefined) streams = streams.filter((s) => s.StreamName > after);
  const page = streams.slice(0, limit);
  const more = streams.length > limit;
  const out: Record<string, unknown> = {
    StreamNames: page.map((s) => s.StreamName),
    HasMoreStreams: more,
  };
  if (more) out.NextToken = encodeToken(page[page.length - 1].StreamName);
  out.StreamSummaries = page.map((s) => ({
    StreamName: s.StreamName,
    StreamARN: s.StreamARN,
    StreamStatus: s.StreamStatus,
    StreamModeDetails: { ...s.StreamModeDetails },
    StreamCreationTimestamp: s.StreamCreationTimestamp,
  }));
  return out;
};
