import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { framed } from '../../components/CliCommand';
import type { ApplicationDetail } from '../../hooks/useAnalytics';
import { useFlinkExport } from '../../hooks/useFlinkExport';
import { downloadText } from '../../lib/download';

/** The application as a Flink SQL script, to read, copy or save as a .sql file. */
export function FlinkExportModal({ app, visible, onDismiss }: { app: ApplicationDetail; visible: boolean; onDismiss(): void }) {
  const exported = useFlinkExport(app, visible);
  const result = exported.data;
  const script = result?.ok ? result.script : undefined;
  const fileName = `${app.ApplicationName ?? 'application'}.flink.sql`;
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      size="large"
      header="Export as Flink SQL"
      closeAriaLabel="Close"
      data-testid="flink-export-modal"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Close
            </Button>
            <CopyToClipboard
              variant="button"
              textToCopy={script ?? ''}
              copyButtonText="Copy"
              copySuccessText="Flink SQL copied"
              copyErrorText="Could not copy the script"
              disabled={!script}
            />
            <Button variant="primary" iconName="download" data-testid="flink-export-download" disabled={!script} onClick={() => script && downloadText(fileName, script, 'application/sql')}>
              Download .sql
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Alert type="info" header="A starting point for Managed Service for Apache Flink">
          Kinesis Data Analytics for SQL applications are being retired by AWS, and Apache Flink is where their SQL moves next. The console wrote
          this script from your application&apos;s SQL, input schema and destinations. It is a draft to review and test on your own data, not a
          guaranteed equivalent: results can differ, for example where a window closes or in what order rows come out.
        </Alert>
        {result?.ok && result.notTranslated.length > 0 && (
          <Alert type="warning" data-testid="flink-export-not-translated">
            {result.notTranslated.length === 1 ? 'One part has' : `${result.notTranslated.length} parts have`} no Flink SQL counterpart. Each is kept in
            the script as comments under a line starting with <code>-- Not translated:</code>.
          </Alert>
        )}
        {exported.isLoading && (
          <Box textAlign="center">
            <Spinner /> Writing the script
          </Box>
        )}
        {result && !result.ok && (
          <Alert type="error" header="The SQL could not be exported" data-testid="flink-export-error">
            {result.message}
          </Alert>
        )}
        {script && (
          <pre data-testid="flink-export-script" tabIndex={0} aria-label="Flink SQL script" style={{ ...framed, margin: 0, maxHeight: '55vh', overflow: 'auto', fontSize: 12, lineHeight: 1.45 }}>
            {script}
          </pre>
        )}
      </SpaceBetween>
    </Modal>
  );
}
