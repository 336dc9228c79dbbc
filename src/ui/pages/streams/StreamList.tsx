import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { DateTime, Unbroken } from '../../components/Unbroken';
import { hrefFor } from '../../hooks/route';
import { useStreamList, type StreamRow } from '../../hooks/useStreams';
import { modeLabel, StreamStatus } from './StatusCell';
import { streamHref } from './links';

export function StreamList() {
  const { data, isLoading, error, refetch, isFetching } = useStreamList();
  const createButton = (
    <Button variant="primary" href={hrefFor('/create-stream')} data-testid="create-stream-button">
      Create data stream
    </Button>
  );
  return (
    <Table<StreamRow>
      data-testid="streams-table"
      variant="full-page"
      items={data ?? []}
      loading={isLoading}
      loadingText="Loading data streams"
      trackBy="name"
      wrapLines={false}
      ariaLabels={{ tableLabel: 'Data streams' }}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={data ? `(${data.length})` : undefined}
          description="Each stream is a set of shards; records land in a shard by the MD5 hash of their partition key."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh data streams" loading={isFetching && !isLoading} onClick={() => void refetch()} />
              {createButton}
            </SpaceBetween>
          }
        >
          Data streams
        </Header>
      }
      columnDefinitions={[
        {
          id: 'name',
          header: 'Data stream name',
          cell: (r) => (
            <Link href={streamHref(r.name)} data-testid={`stream-link-${r.name}`}>
              <Unbroken>{r.name}</Unbroken>
            </Link>
          ),
          isRowHeader: true,
          minWidth: 180,
        },
        { id: 'status', header: 'Status', minWidth: 120, cell: (r) => <StreamStatus status={r.status} testId={`stream-status-${r.name}`} /> },
        { id: 'mode', header: 'Capacity mode', minWidth: 130, cell: (r) => modeLabel(r.mode) },
        { id: 'shards', header: 'Open shards', minWidth: 110, cell: (r) => r.openShards ?? '-' },
        { id: 'retention', header: 'Data retention', minWidth: 140, cell: (r) => (r.retentionHours === undefined ? '-' : formatRetention(r.retentionHours)) },
        { id: 'created', header: 'Created', minWidth: 170, cell: (r) => <DateTime value={r.createdAt} /> },
      ]}
      empty={
        error ? (
          <Box textAlign="center" color="text-status-error">
            <b>{(error as Error).name}</b>: {(error as Error).message}
          </Box>
        ) : (
          <Box textAlign="center" color="inherit" padding="l">
            <SpaceBetween size="s">
              <b>No data streams</b>
              <Box variant="p" color="inherit">
                Create a stream to start putting and reading records.
              </Box>
              {createButton}
            </SpaceBetween>
          </Box>
        )
      }
    />
  );
}

export const formatRetention = (hours: number) =>
  hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'} (${hours} h)` : `${hours} hours`;
