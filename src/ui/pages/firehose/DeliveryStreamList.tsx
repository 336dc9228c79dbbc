import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { describeError, formatError } from '../../hooks/errors';
import { hrefFor } from '../../hooks/route';
import { useDeliveryStreamList, type DeliveryStreamRow } from '../../hooks/useFirehose';
import { StreamStatus } from '../streams/StatusCell';
import { DateTime, Unbroken } from '../../components/Unbroken';
import { streamHref } from '../streams/links';
import { DeleteDeliveryStreamModal } from './DeleteDeliveryStreamModal';
import { deliveryStreamHref, s3Href } from './links';

const streamOfArn = (arn: string) => arn.split(':stream/')[1] ?? arn;

export function SourceCell({ type, sourceStreamArn }: { type: string; sourceStreamArn?: string }) {
  if (type !== 'KinesisStreamAsSource') return <>Direct PUT</>;
  const stream = sourceStreamArn ? streamOfArn(sourceStreamArn) : undefined;
  return stream ? (
    <>
      Data stream <Link href={streamHref(stream)}>{stream}</Link>
    </>
  ) : (
    <>Kinesis Data Streams</>
  );
}

export function DeliveryStreamList() {
  const { data, isLoading, error, refetch, isFetching } = useDeliveryStreamList();
  const [selected, setSelected] = useState<DeliveryStreamRow[]>([]);
  const [deleting, setDeleting] = useState(false);
  const target = selected[0];
  const createButton = (
    <Button variant="primary" href={hrefFor('/create-delivery-stream')} data-testid="create-delivery-button">
      Create delivery stream
    </Button>
  );
  return (
    <>
      <Table<DeliveryStreamRow>
        data-testid="delivery-streams-table"
        variant="full-page"
        items={data ?? []}
        loading={isLoading}
        loadingText="Loading delivery streams"
        trackBy="name"
        wrapLines={false}
        selectionType="single"
        selectedItems={selected.filter((s) => data?.some((r) => r.name === s.name))}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          tableLabel: 'Delivery streams',
          selectionGroupLabel: 'Delivery stream selection',
          itemSelectionLabel: (_s, r) => `Select ${r.name}`,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={data ? `(${data.length})` : undefined}
            description="Each delivery stream buffers the records it receives and writes them to an S3 bucket."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh delivery streams"
                  loading={isFetching && !isLoading}
                  onClick={() => void refetch()}
                />
                <Button
                  disabled={!target || target.status === 'DELETING'}
                  onClick={() => setDeleting(true)}
                  data-testid="delete-delivery-button"
                >
                  Delete
                </Button>
                {createButton}
              </SpaceBetween>
            }
          >
            Delivery streams
          </Header>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            cell: (r) => (
              <Link href={deliveryStreamHref(r.name)} data-testid={`delivery-link-${r.name}`}>
                <Unbroken>{r.name}</Unbroken>
              </Link>
            ),
            isRowHeader: true,
            minWidth: 180,
          },
          {
            id: 'status',
            header: 'Status',
            minWidth: 120,
            cell: (r) => <StreamStatus status={r.status} testId={`delivery-status-${r.name}`} />,
          },
          {
            id: 'source',
            header: 'Source',
            cell: (r) => <SourceCell type={r.type} sourceStreamArn={r.sourceStreamArn} />,
          },
          {
            id: 'destination',
            header: 'Destination',
            cell: (r) => (r.bucket ? <Link href={s3Href(r.bucket)}>{`Amazon S3: ${r.bucket}`}</Link> : '-'),
          },
          { id: 'created', header: 'Created', minWidth: 170, cell: (r) => <DateTime value={r.createdAt} /> },
        ]}
        empty={
          error ? (
            <Box textAlign="center" color="text-status-error" data-testid="delivery-list-error">
              {formatError(describeError(error))}
            </Box>
          ) : (
            <Box textAlign="center" color="inherit" padding="l">
              <SpaceBetween size="s">
                <b>No delivery streams</b>
                <Box variant="p" color="inherit">
                  Create a delivery stream to write records to Amazon S3.
                </Box>
                {createButton}
              </SpaceBetween>
            </Box>
          )
        }
      />
      {target && (
        <DeleteDeliveryStreamModal
          key={`${target.name}-${deleting}`}
          name={target.name}
          visible={deleting}
          onDismiss={() => setDeleting(false)}
        />
      )}
    </>
  );
}
