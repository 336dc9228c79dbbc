import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { describeError, useNotify } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import { appParts, useApplication, useDeleteApplication, useStartApplication, useStopApplication } from '../../hooks/useAnalytics';
import { AppStatus } from './AppStatus';
import { DestinationTab } from './DestinationTab';
import { FlinkExportModal } from './FlinkExportModal';
import { LocalRunNotice } from './LocalRunNotice';
import { applicationHref, applicationPath } from './links';
import { SourceTab } from './SourceTab';
import { SqlTab } from './SqlTab';
import { ModalFooter } from '../../components/ModalFooter';
import { DateTime, Identifier } from '../../components/Unbroken';

type Tab = 'source' | 'sql' | 'destination';
const TABS: Tab[] = ['source', 'sql', 'destination'];

export default function ApplicationDetailPage({ params, query }: { params: Record<string, string>; query: Record<string, string> }) {
  const name = params.name ?? '';
  const app = useApplication(name);
  const start = useStartApplication();
  const stop = useStopApplication();
  const remove = useDeleteApplication();
  const notify = useNotify();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const parts = appParts(app.data);
  const tab: Tab = TABS.includes(query.tab as Tab) ? (query.tab as Tab) : parts.input ? 'sql' : 'source';

  if (app.isLoading) {
    return (
      <Box textAlign="center" padding="xxl">
        <Spinner size="large" /> Loading {name}
      </Box>
    );
  }
  if (app.error || !app.data) {
    const shown = describeError(app.error);
    return (
      <ContentLayout header={<Header variant="h1">{name}</Header>}>
        <Alert type="error" header={shown.type} data-testid="application-error" action={<Button href={hrefFor('/analytics')}>Back to applications</Button>}>
          {shown.message}
        </Alert>
      </ContentLayout>
    );
  }
  const a = app.data;
  const status = a.ApplicationStatus;
  const running = status === 'RUNNING' || status === 'UPDATING' || status === 'STARTING';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={a.ApplicationDescription || (a.ApplicationARN ? <Identifier value={a.ApplicationARN} /> : undefined)}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh application" onClick={() => void app.refetch()} />
              {running ? (
                <Button
                  data-testid="stop-application"
                  loading={stop.isPending}
                  disabled={status !== 'RUNNING'}
                  onClick={() =>
                    stop.mutate(
                      { name },
                      {
                        onSuccess: () =>
                          notify.track({
                            content: `Stopping application ${name}`,
                            watch: { kind: 'application', name, until: 'READY', done: `Application ${name} is stopped.` },
                            scope: [applicationPath(name)],
                          }),
                        onError: (e) => notify.error(e),
                      },
                    )
                  }
                >
                  Stop application
                </Button>
              ) : (
                <Button
                  data-testid="run-application"
                  loading={start.isPending}
                  disabled={status !== 'READY' || !parts.input}
                  onClick={() =>
                    start.mutate(
                      { name, inputId: parts.input?.InputId ?? '1.1', position: 'NOW' },
                      {
                        onSuccess: () =>
                          notify.track({
                            content: `Starting application ${name}`,
                            watch: { kind: 'application', name, until: 'RUNNING', done: `Application ${name} is running.` },
                            scope: [applicationPath(name)],
                          }),
                        onError: (e) => notify.error(e),
                      },
                    )
                  }
                >
                  Run application
                </Button>
              )}
              <Button
                data-testid="export-flink"
                disabled={!parts.input}
                disabledReason="Connect a source first: the script's source table takes its columns."
                onClick={() => setExportOpen(true)}
              >
                Export as Flink SQL
              </Button>
              <Button data-testid="delete-application" disabled={status !== 'READY' && status !== 'RUNNING'} onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            </SpaceBetween>
          }
        >
          <span data-testid="application-title">{a.ApplicationName}</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <LocalRunNotice />
        <Container header={<Header variant="h2">Application details</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Status', value: <AppStatus status={status} testId="application-detail-status" /> },
              { label: 'Runtime', value: 'SQL (runs in this console)' },
              { label: 'Version', value: <span data-testid="application-version">{a.ApplicationVersionId}</span> },
              { label: 'Created', value: <DateTime value={a.CreateTimestamp} /> },
            ]}
          />
        </Container>
        <Tabs
          activeTabId={tab}
          ariaLabel="Application steps"
          onChange={({ detail }) => navigate(applicationHref(name, detail.activeTabId as Tab), { replace: true })}
          tabs={[
            { id: 'source', label: 'Source', content: <SourceTab name={name} app={a} /> },
            { id: 'sql', label: 'SQL and real-time analytics', content: <SqlTab name={name} app={a} />, disabled: !parts.input, disabledReason: 'Connect a source first.' },
            { id: 'destination', label: 'Destination', content: <DestinationTab name={name} app={a} /> },
          ]}
        />
      </SpaceBetween>
      <FlinkExportModal app={a} visible={exportOpen} onDismiss={() => setExportOpen(false)} />
      <Modal
        visible={confirmDelete}
        onDismiss={() => setConfirmDelete(false)}
        header={`Delete ${name}?`}
        closeAriaLabel="Close"
        footer={
          <ModalFooter onCancel={() => setConfirmDelete(false)}>
          <Button
            variant="primary"
            data-testid="confirm-delete-application"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { name, createTimestamp: a.CreateTimestamp ?? new Date(0) },
                {
                  onSuccess: () => {
                    setConfirmDelete(false);
                    notify.track({
                      content: `Deleting application ${name}`,
                      watch: { kind: 'application', name, until: 'GONE', done: `Application ${name} deleted.` },
                      scope: ['/analytics'],
                    });
                    navigate(hrefFor('/analytics'));
                  },
                  onError: (e) => notify.error(e),
                },
              )
            }
          >
            Delete
          </Button>
          </ModalFooter>
        }
      >
        The application stops and its SQL, source and destinations are deleted. The streams it reads and writes stay.
      </Modal>
    </ContentLayout>
  );
}
