import type { FirehoseContext } from './context';

/** Default page (API reference, ListDeliveryStreams: Limit defaults to 10). */
const PAGE = 10;

/** Sorted by name, starting after ExclusiveStartDeliveryStreamName, optionally of one DeliveryStreamType. */
export const listDeliveryStreams = (
  f: FirehoseContext,
  input: { Limit?: number; DeliveryStreamType?: string; ExclusiveStartDeliveryStreamName?: string },
) => {
  const after = input.ExclusiveStartDeliveryStreamName;
  const all = f.store
    .list(f.rc.region)
    .filter(
      (s) => input.DeliveryStreamType === undefined || s.DeliveryStreamType === input.DeliveryStreamType,
    )
    .filter((s) => after === undefined || s.DeliveryStreamName > after);
  const limit = input.Limit ?? PAGE;
  return {
    DeliveryStreamNames: all.slice(0, limit).map((s) => s.DeliveryStreamName),
    HasMoreDeliveryStreams: all.length > limit,
  };
};
