import { AwsError } from '../../common/errors';
import { kErr } from '../errors';
import { streamOf, type KinesisContext, type StreamRef } from './context';

export interface DeleteStreamInput extends StreamRef {
  /** Required (true) to delete a stream that has registered consumers; they are deregistered with it. */
  EnforceConsumerDeletion?: boolean;
}

/** DELETING, then gone after the state delay. */
export const deleteStream = (k: KinesisContext, input: DeleteStreamInput): void => {
  const s = streamOf(k, input);
  if (s.StreamStatus === 'DELETING') return;
  // AWS's DeleteStream reference: "If the stream is in the ACTIVE state, you can delete it"; a stream
  // still CREATING is ResourceInUseException (kinesalite's suite expects otherwise; the reference decides).
  if (s.StreamStatus === 'CREATING') throw kErr.notActive(s.StreamName, k.store.account, s.StreamStatus);
  if (s._consumers.length > 0) {
    if (input.EnforceConsumerDeletion !== true) {
      // AWS's text.
      throw new AwsError(
        'ResourceInUseException',
        `DeleteStream can't delete ${s.StreamARN} because there are consumers associated with this data stream. ` +
          `To delete ${s.StreamName} anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the consumers that are associated with it.`,
      );
    }
    for (const c of s._consumers) k.store.deregisterConsumer(s, c);
  }
  k.store.beginChange(s, 'DELETING', { kind: 'delete' });
};
