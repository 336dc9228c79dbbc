import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { Status } from '../../components/Unbroken';

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
    <Status type={kinds[s] ?? 'warning'} testId={testId ?? 'stream-status'}>
      {s}
    </Status>
  );
}

export const modeLabel = (mode: string | undefined) => (mode === 'ON_DEMAND' ? 'On-demand' : 'Provisioned');
