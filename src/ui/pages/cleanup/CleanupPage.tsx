import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useEffect, useMemo, useState } from 'react';
import { KIND_LABELS, useCleanup, type CleanupItem, type CleanupState } from '../../hooks/useCleanup';
import { ModalFooter } from '../../components/ModalFooter';

/** Items already on their way out are not offered by default. */
const offeredByDefault = (i: CleanupItem) => i.detail !== 'DELETING';

function StateCell({ state }: { state: CleanupState | undefined }) {
  if (!state) return <>-</>;
  switch (state.status) {
    case 'waiting':
      return <StatusIndicator type="pending">Waiting</StatusIndicator>;
    case 'working':
      return <StatusIndicator type="in-progress">{state.progress ?? 'Deleting'}</StatusIndicator>;
    case 'done':
      return <StatusIndicator type="success">{state.progress ?? 'Deleted'}</StatusIndicator>;
    case 'failed':
      return (
        <StatusIndicator type="error">
          {state.error.type}: {state.error.message}
        </StatusIndicator>
      );
    default: {
      const never: never = state;
      return never;
    }
  }
}

/**
 * Activity 3-D: everything the workshop made, deleted in an order AWS accepts (the generator, then
 * applications, delivery streams, data streams, and buckets, each emptied first).
 */
export default function CleanupPage() {
  const { inventory, states, run, running, finished, reset } = useCleanup();
  const items = useMemo(() => inventory.data?.items ?? [], [inventory.data]);
  const [selected, setSelected] = useState<CleanupItem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [ran, setRan] = useState<CleanupItem[] | undefined>();

  // Everything is checked when the list arrives (or changes), as the workshop wants it all gone.
  useEffect(() => setSelected(items.filter(offeredByDefault)), [items]);

  const shown = ran ?? items;
  const ids = new Set(items.map((i) => i.id));
  const chosen = selected.filter((i) => ids.has(i.id));
  const start = () => {
    setConfirming(false);
    setRan(chosen);
    void run(chosen);
  };

  return (
    <SpaceBetween size="l">
      <Table<CleanupItem>
        data-testid="cleanup-table"
        variant="full-page"
        items={shown}
        loading={inventory.isLoading}
        loadingText="Looking for workshop resources"
        trackBy="id"
        selectionType={ran ? undefined : 'multi'}
        selectedItems={chosen}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          tableLabel: 'Workshop resources',
          selectionGroupLabel: 'Resources to delete',
          allItemsSelectionLabel: () => 'Select all resources',
          itemSelectionLabel: (_s, i) => `Delete ${KIND_LABELS[i.kind]} ${i.name}`,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={ran ? `(${ran.length})` : inventory.data ? `(${chosen.length}/${items.length})` : undefined}
            description="Step 3-D: stop the producer and delete the application, the delivery stream, the data stream and the bucket. Deleted in that order, which AWS accepts; buckets are emptied first, since S3 refuses to delete a bucket with objects in it."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {ran ? (
                  <Button
                    disabled={running}
                    data-testid="cleanup-again"
                    onClick={() => {
                      setRan(undefined);
                      reset();
                      void inventory.refetch();
                    }}
                  >
                    Look again
                  </Button>
                ) : (
                  <Button iconName="refresh" ariaLabel="Refresh resources" loading={inventory.isFetching && !inventory.isLoading} onClick={() => void inventory.refetch()} />
                )}
                <Button variant="primary" disabled={running || !!ran || chosen.length === 0} onClick={() => setConfirming(true)} data-testid="cleanup-start">
                  Delete selected
                </Button>
              </SpaceBetween>
            }
          >
            Clean up workshop resources
          </Header>
        }
        columnDefinitions={[
          { id: 'kind', header: 'Resource type', cell: (i) => KIND_LABELS[i.kind] },
          { id: 'name', header: 'Name', isRowHeader: true, cell: (i) => <span data-testid={`cleanup-item-${i.id}`}>{i.name}</span> },
          { id: 'detail', header: 'Now', cell: (i) => i.detail ?? '-' },
          { id: 'state', header: 'Clean-up', cell: (i) => <span data-testid={`cleanup-state-${i.id}`}><StateCell state={states[i.id]} /></span> },
        ]}
        empty={
          <Box textAlign="center" color="inherit" padding="l" data-testid="cleanup-empty">
            <SpaceBetween size="s">
              <b>Nothing to clean up</b>
              <Box variant="p" color="inherit">
                No generator run, applications, delivery streams, data streams or buckets.
              </Box>
            </SpaceBetween>
          </Box>
        }
      />
      {inventory.data?.problems.map((p) => (
        <Alert key={p.service} type="warning" header={`${p.service} could not be listed`}>
          {p.error.type}: {p.error.message}
        </Alert>
      ))}
      {inventory.error && (
        <Alert type="error" header={(inventory.error as Error).name}>
          {(inventory.error as Error).message}
        </Alert>
      )}
      {finished && (
        <Alert type={finished.failed ? 'error' : 'success'} data-testid="cleanup-result">
          {finished.failed
            ? `${finished.failed} of ${finished.total} could not be deleted; AWS's reason is beside each. The rest were deleted.`
            : `Deleted ${finished.total === 1 ? 'it' : `all ${finished.total}`}.${
                ran?.some((i) => i.kind !== 'bucket' && i.kind !== 'generator') ? ' Streams, delivery streams and applications take a few seconds to disappear.' : ''
              }`}
        </Alert>
      )}
      <Modal
        visible={confirming}
        onDismiss={() => setConfirming(false)}
        header="Delete these workshop resources?"
        closeAriaLabel="Close dialog"
        data-testid="cleanup-confirm-modal"
        footer={
          <ModalFooter onCancel={() => setConfirming(false)}>
          <Button variant="primary" onClick={start} data-testid="cleanup-confirm">
            Delete {chosen.length}
          </Button>
          </ModalFooter>
        }
      >
        <SpaceBetween size="s">
          <Box variant="p">These are deleted in this order, with their data. This cannot be undone.</Box>
          <ul>
            {chosen.map((i) => (
              <li key={i.id}>
                {KIND_LABELS[i.kind]} <b>{i.name}</b>
                {i.kind === 'bucket' && i.detail ? ` (${i.detail})` : ''}
              </li>
            ))}
          </ul>
        </SpaceBetween>
      </Modal>
    </SpaceBetween>
  );
}
