import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { lazy, Suspense, useEffect } from 'react';
import { useNotifications } from '../hooks/errors';
import { useLocation } from '../hooks/route';

// The watcher reads resources through the service hooks (and so the AWS SDK): it loads after the first paint.
const Watcher = lazy(() => import('./NoticeWatcher'));

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
      <Suspense fallback={null}>
        {items.map((n) => n.type === 'in-progress' && n.watch && <Watcher key={n.id} notice={n} watch={n.watch} />)}
      </Suspense>
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
