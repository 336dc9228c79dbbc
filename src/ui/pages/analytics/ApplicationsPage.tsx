import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { Unbroken } from '../../components/Unbroken';
import { hrefFor } from '../../hooks/route';
import { useApplications, type ApplicationSummary } from '../../hooks/useAnalytics';
import { AppStatus } from './AppStatus';
import { applicationHref } from './links';
import { LocalRunNotice } from './LocalRunNotice';

export default function ApplicationsPage() {
  const { data, isLoading, error, refetch, isFetching } = useApplications();
  const createButton = (
    <Button variant="primary" href={hrefFor('/create-application')} data-testid="create-application-button">
      Create application
    </Button>
  );
  return (
    <SpaceBetween size="m">
      <LocalRunNotice />
      <Table<ApplicationSummary>
        data-testid="applications-table"
        variant="full-page"
        items={data ?? []}
        loading={isLoading}
        loadingText="Loading analytics applications"
        trackBy="ApplicationName"
        ariaLabels={{ tableLabel: 'Analytics applications' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={data ? `(${data.length})` : undefined}
            description="Streaming SQL over a data stream: in-application streams, pumps and windows, with results delivered to a stream or a delivery stream."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh applications"
                  loading={isFetching && !isLoading}
                  onClick={() => void refetch()}
                />
                {createButton}
              </SpaceBetween>
            }
          >
            Analytics applications
          </Header>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Application name',
            isRowHeader: true,
            cell: (a) => (
              <Link
                href={applicationHref(a.ApplicationName ?? '')}
                data-testid={`application-link-${a.ApplicationName}`}
              >
                <Unbroken>{a.ApplicationName}</Unbroken>
              </Link>
            ),
            minWidth: 180,
          },
          {
            id: 'status',
            header: 'Status',
            minWidth: 120,
            cell: (a) => (
              <AppStatus status={a.ApplicationStatus} testId={`application-status-${a.ApplicationName}`} />
            ),
          },
          {
            id: 'runtime',
            header: 'Runtime',
            cell: (a) => (a.RuntimeEnvironment === 'SQL-1_0' ? 'SQL' : a.RuntimeEnvironment),
          },
          { id: 'version', header: 'Version', cell: (a) => a.ApplicationVersionId },
        ]}
        empty={
          error ? (
            <Box textAlign="center" color="text-status-error" data-testid="applications-error">
              {error.name}: {error.message}
            </Box>
          ) : (
            <Box textAlign="center" color="inherit">
              <SpaceBetween size="xs">
                <b>No applications</b>
                <Box variant="p" color="inherit">
                  An application reads a data stream and runs your SQL over it as records arrive.
                </Box>
                {createButton}
              </SpaceBetween>
            </Box>
          )
        }
      />
    </SpaceBetween>
  );
}
