import { useEffect } from 'react';
import { useNotifications } from '../hooks/errors';
import { useWatchedState } from '../hooks/useWatchedState';
import { outcomeOf, type Notice, type Watch } from '../state/notifications';

/** Follows one operation in progress and turns its notice into the outcome once there is one. */
export default function NoticeWatcher({ notice, watch }: { notice: Notice; watch: Watch }) {
  const { update } = useNotifications();
  const observed = useWatchedState(watch);
  const outcome = observed ? outcomeOf(watch, notice.since ?? 0, observed) : 'pending';
  useEffect(() => {
    if (outcome === 'pending') return;
    if (outcome === 'done') update(notice.id, { type: 'success', header: undefined, content: watch.done, watch: undefined });
    else update(notice.id, { type: 'error', header: outcome.type ?? 'Failed', content: outcome.failed, watch: undefined });
  }, [outcome, notice.id, watch.done, update]);
  return null;
}
