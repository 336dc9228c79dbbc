import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useNotifications } from '../hooks/errors';

export function Notifications() {
  const { items, dismiss } = useNotifications();
  const flash: FlashbarProps.MessageDefinition[] = items.map((n) => ({
    id: n.id,
    type: n.type === 'in-progress' ? 'info' : n.type,
    loading: n.type === 'in-progress',
    header: n.header,
    content: <span data-testid={`notification-${n.type}`}>{n.content}</span>,
    dismissible: true,
    dismissLabel: 'Dismiss notification',
    onDismiss: () => dismiss(n.id),
  }));
  return (
    <div data-testid="notifications">
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
