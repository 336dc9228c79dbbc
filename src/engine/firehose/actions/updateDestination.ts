import { fErr } from '../errors';
import { DESTINATION_ID } from '../types';
import { requireActive, type FirehoseContext } from './context';
import { updateDestinationConfig, type S3DestinationRequest } from './destination';

export interface UpdateDestinationInput {
  DeliveryStreamName: string;
  CurrentDeliveryStreamVersionId: string;
  DestinationId: string;
  S3DestinationUpdate?: S3DestinationRequest;
  ExtendedS3DestinationUpdate?: S3DestinationRequest;
  [other: string]: unknown;
}

/**
 * Changes the S3 destination. The caller names the version it saw (ConcurrentModificationException
 * otherwise); the version goes up by one, and objects delivered from now on carry it in their names.
 */
export const updateDestination = (f: FirehoseContext, input: UpdateDestinationInput) => {
  const s = f.store.get(f.rc.region, input.DeliveryStreamName);
  requireActive(s);
  if (input.CurrentDeliveryStreamVersionId !== s.VersionId)
    throw fErr.staleVersion(input.CurrentDeliveryStreamVersionId, s.VersionId);
  // The console's own texts, in AWS's manner.
  if (input.DestinationId !== DESTINATION_ID)
    throw fErr.invalidArgument(
      `Destination ${input.DestinationId} does not exist in Firehose ${s.DeliveryStreamName}.`,
    );
  const other = Object.keys(input).find(
    (k) =>
      k.endsWith('DestinationUpdate') && k !== 'S3DestinationUpdate' && k !== 'ExtendedS3DestinationUpdate',
  );
  if (other)
    throw fErr.invalidArgument(`${other} is not available in the emulator: it delivers to Amazon S3.`);
  const updates = [input.S3DestinationUpdate, input.ExtendedS3DestinationUpdate].filter(
    (u) => u !== undefined,
  );
  if (updates.length !== 1) throw fErr.invalidArgument('Exactly one destination update must be specified.');
  s.Destination = updateDestinationConfig(s.Destination, updates[0]!, f.store.now());
  s.VersionId = String(Number(s.VersionId) + 1);
  s.LastUpdateTimestamp = f.store.now();
  return {};
};
