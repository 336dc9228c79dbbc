import { fErr } from '../errors';
import type { DeliveryStream } from '../types';
import type { FirehoseContext } from './context';

/** A stream that takes direct puts: ACTIVE and DirectPut. */
export const putTarget = (f: FirehoseContext, name: string): DeliveryStream => {
  const s = f.store.get(f.rc.region, name);
  if (s.DeliveryStreamType === 'KinesisStreamAsSource') throw fErr.kinesisSource();
  if (s.DeliveryStreamStatus !== 'ACTIVE') throw fErr.notActiveForPut(name, f.store.account);
  return s;
};

/** A record id: the stream's random prefix and the record's number, as opaque as AWS's. */
export const recordId = (s: DeliveryStream): string =>
  `${s._idPrefix}${(++s._records).toString(16).padStart(16, '0')}`;
