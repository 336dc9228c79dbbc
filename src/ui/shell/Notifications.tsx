import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useEffect } from 'react';
import { useNotifications } from '../hooks/errors';
import { useLocation } from '../hooks/route';
import { useWatchedState } from '../hooks/useWatchedState';
import { outcomeOf, type Notice, type Watch } from '../state/notifications';

export function Notifications() {
  const { items, dismiss, routeChanged } = useNotifications();
  const path = useLocation().path;
  useEffect(() => routeChanged(path), [path, routeChanged]);
  const flash: FlashbarProps.MessageDefinition[] = items.map((n) => ({
    id: n.id,
    type: n.type === 'in-progress' ? 'info' : n.type,
    loading: n.type === 'in-progress',
    header: n.header,
    content: (
      <span data-testid={`notification-${n.type}`}>
        {n.content}
        {n.count > 1 && <span data-testid="notification-count"> ({n.count})</span>}
      </span>
    ),
    dismissible: true,
    dismissLabel: 'Dismiss notification',
    onDismiss: () => dismiss(n.id),
  }));
  return (
    <div data-testid="notifications">
      {items.map((n) => n.type === 'in-progress' && n.watch && <Watcher key={n.id} notice={n} watch={n.watch} />)}
      <Flashbar
        items={flash}
        stackItems={flash.length > 2}
        i18nStrings={{
          ariaLabel: 'Notifications',
          notificationBarText: 'Notifications',
          notificationBarAriaLabel: 'View all notifications',
          errorIconAriaLabel: 'Error',
          successIconAriaLabel: 'Success',
          infoIconAriaLabel: 'Info',
          warningIconAriaLabel: 'Warning',
          inProgressIconAriaLabel: 'In progress',
        }}
      />
    </div>
  );
}

/** Follows one operation in progress and turns its notice into the outcome once there is one. */
function Watcher({ notice, watch }: { notice: Notice; watch: Watch }) {
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
