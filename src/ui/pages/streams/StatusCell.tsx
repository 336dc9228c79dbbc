import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const kinds: Record<string, StatusIndicatorProps.Type> = {
  ACTIVE: 'success',
  CREATING: 'in-progress',
  UPDATING: 'in-progress',
  DELETING: 'in-progress',
  // Firehose's failed states.
  CREATING_FAILED: 'error',
  DELETING_FAILED: 'error',
};

export function StreamStatus({ status, testId }: { status: string | undefined; testId?: string }) {
  const s = status ?? 'UNKNOWN';
  return (
    <span data-testid={testId ?? 'stream-status'}>
      <StatusIndicator type={kinds[s] ?? 'warning'}>{s}</StatusIndicator>
    </span>
  );
}

export const modeLabel = (mode: string | undefined) => (mode === 'ON_DEMAND' ? 'On-demand' : 'Provisioned');
