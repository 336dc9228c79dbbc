import { kErr } from '../errors';
import { streamOf, type KinesisContext, type StreamRef } from './context';

export interface DeleteStreamInput extends StreamRef {
  /** Accepted; the emulator has no registered consumers to refuse over. */
  EnforceConsumerDeletion?: boolean;
}

/** DELETING, then gone after the state delay. */
export const deleteStream = (k: KinesisContext, input: DeleteStreamInput): void => {
  const s = streamOf(k, input);
  if (s.StreamStatus === 'DELETING') return;
  // AWS's DeleteStream reference: "If the stream is in the ACTIVE state, you can delete it"; a stream
  // still CREATING is ResourceInUseException (kinesalite's suite expects otherwise; the reference decides).
  if (s.StreamStatus === 'CREATING') throw kErr.notActive(s.StreamName, k.store.account, s.StreamStatus);
  k.store.beginChange(s, 'DELETING', { kind: 'delete' });
};
