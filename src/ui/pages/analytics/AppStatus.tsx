import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { Status } from '../../components/Unbroken';

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
    <Status type={kinds[s] ?? 'warning'} testId={testId ?? 'app-status'}>
      {s}
    </Status>
  );
}
