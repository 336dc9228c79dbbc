import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { DateTime, Unbroken } from '../../components/Unbroken';
import { hrefFor } from '../../hooks/route';
import { useBuckets, type BucketRow } from '../../hooks/useS3';
import { s3Path } from '../../lib/s3Keys';
import { DeleteBucketModal } from './DeleteBucketModal';

export function BucketsPage() {
  const { data, isLoading, error, refetch, isFetching } = useBuckets();
  const [selected, setSelected] = useState<BucketRow[]>([]);
  const [deleting, setDeleting] = useState<string | undefined>();
  const createButton = (
    <Button variant="primary" href={hrefFor('/create-bucket')} data-testid="create-bucket-button">
      Create bucket
    </Button>
  );
  const chosen = selected[0] && data?.some((b) => b.name === selected[0].name) ? selected[0] : undefined;
  return (
    <>
      <Table<BucketRow>
        data-testid="buckets-table"
        variant="full-page"
        items={data ?? []}
        loading={isLoading}
        loadingText="Loading buckets"
        trackBy="name"
        selectionType="single"
        selectedItems={chosen ? [chosen] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          tableLabel: 'Buckets',
          selectionGroupLabel: 'Bucket selection',
          itemSelectionLabel: (_s, b) => `Select bucket ${b.name}`,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={data ? `(${data.length})` : undefined}
            description="Buckets hold objects. A Firehose delivery stream writes its records here, under YYYY/MM/DD/HH/ folders in UTC."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh buckets" loading={isFetching && !isLoading} onClick={() => void refetch()} />
                <Button href={hrefFor('/cleanup')} data-testid="cleanup-link">
                  Clean up workshop resources
                </Button>
                <Button disabled={!chosen} onClick={() => chosen && setDeleting(chosen.name)} data-testid="delete-bucket-button">
                  Delete
                </Button>
                {createButton}
              </SpaceBetween>
            }
          >
            Buckets
          </Header>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            isRowHeader: true,
            cell: (b) => (
              <Link href={hrefFor(s3Path(b.name))} data-testid={`bucket-link-${b.name}`}>
                <Unbroken>{b.name}</Unbroken>
              </Link>
            ),
          },
          { id: 'created', header: 'Creation date', minWidth: 170, cell: (b) => <DateTime value={b.created} /> },
        ]}
        empty={
          error ? (
            <Box textAlign="center" color="text-status-error" data-testid="buckets-error">
              <b>{(error as Error).name}</b>: {(error as Error).message}
            </Box>
          ) : (
            <Box textAlign="center" color="inherit" padding="l">
              <SpaceBetween size="s">
                <b>No buckets</b>
                <Box variant="p" color="inherit">
                  Create a bucket for a Firehose delivery stream to write to.
                </Box>
                {createButton}
              </SpaceBetween>
            </Box>
          )
        }
      />
      {deleting && <DeleteBucketModal bucket={deleting} onDismiss={() => setDeleting(undefined)} onDeleted={() => setSelected([])} />}
    </>
  );
}
