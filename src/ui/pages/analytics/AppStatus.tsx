import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const kinds: Record<string, StatusIndicatorProps.Type> = {
  READY: 'stopped',
  RUNNING: 'success',
  STARTING: 'in-progress',
  STOPPING: 'in-progress',
  UPDATING: 'in-progress',
  DELETING: 'in-progress',
};

/** An application's status as the KDA console showed it: Ready (stopped), Running, or a step in between. */
export function AppStatus({ status, testId }: { status: string | undefined; testId?: string }) {
  const s = status ?? 'UNKNOWN';
  return (
    <span data-testid={testId ?? 'app-status'} style={{ whiteSpace: 'nowrap' }}>
      <StatusIndicator type={kinds[s] ?? 'warning'}>{s}</StatusIndicator>
    </span>
  );
}
