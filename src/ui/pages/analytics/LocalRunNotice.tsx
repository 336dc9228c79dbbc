import Alert from '@cloudscape-design/components/alert';
import { useConnectionMode } from '../../hooks/services';

/**
 * AWS mode only: where the SQL runs. AWS no longer runs SQL applications, so the console runs them
 * in this tab over the account's streams; a managed run means moving to Apache Flink.
 */
export function LocalRunNotice() {
  const mode = useConnectionMode();
  if (mode !== 'aws') return null;
  return (
    <Alert
      type="info"
      header="The SQL runs in this browser tab, while it is open"
      data-testid="local-run-notice"
    >
      AWS no longer runs Kinesis Data Analytics SQL applications, so this console runs them itself: here, in
      this tab, reading your account&apos;s data stream with GetRecords and writing results to your streams
      and delivery streams. An application works only while the tab stays open, and carries on from where it
      had read when you come back. For a run that AWS manages, export the application as Flink SQL for Amazon
      Managed Service for Apache Flink.
    </Alert>
  );
}
